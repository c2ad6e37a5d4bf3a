import { createServer } from 'node:http';
import { listen } from '../shared/loopback-server.ts';
import type { ApiClock } from './api-clock.ts';
import { createOidcPluginApp } from './app.ts';
import { resolveOidcPluginOptions, type OidcPluginOptions } from './options.ts';

export interface RunningOidcPlugin {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:5006 */
  readonly url: string;
  /** oidc-provider's issuer, `<url>/oidc`. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
  readonly verificationToken: string;
  /** The API's clock (access-token expiry only; oidc-provider keeps real time). */
  readonly clock: ApiClock;
  /** The PLUGIN_* settings that point the harness at this plugin (DESIGN.md), as a developer would export them. */
  harnessEnv(): Record<string, string>;
  close(): Promise<void>;
}

/** Starts the OIDC plugin on options.host/options.port (port 0: any free port). */
export async function startOidcPlugin(input: OidcPluginOptions = {}): Promise<RunningOidcPlugin> {
  const options = resolveOidcPluginOptions(input);
  // Listen before building the app: oidc-provider's issuer, and so every URL, includes the port.
  const server = createServer();
  const { url, close } = await listen(server, options.host, options.port);
  const { app, clock, issuer } = createOidcPluginApp(url, options);
  server.on('request', app);

  const { clientId, clientSecret, username, password, verificationToken } = options;
  const harnessEnv = () => ({
    PLUGIN_URL: url,
    PLUGIN_CLIENT_ID: clientId,
    PLUGIN_CLIENT_SECRET: clientSecret,
    PLUGIN_LOGIN_USERNAME: username,
    PLUGIN_LOGIN_PASSWORD: password,
    PLUGIN_VERIFICATION_TOKEN: verificationToken,
  });
  return { url, issuer, clientId, clientSecret, username, password, verificationToken, clock, harnessEnv, close };
}
