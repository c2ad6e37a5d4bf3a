import express, { type Express } from 'express';
import { Provider } from 'oidc-provider';
import { ApiClock } from './api-clock.ts';
import { apiRoutes } from './api-routes.ts';
import { siteRoutes } from './manifest.ts';
import { openApiRoute } from './openapi.ts';
import type { ResolvedOidcPluginOptions } from './options.ts';
import { apiResourceOf, OIDC_MOUNT, providerConfiguration } from './provider-config.ts';

export interface OidcPluginApp {
  readonly app: Express;
  readonly provider: Provider;
  readonly clock: ApiClock;
  readonly issuer: string;
}

/**
 * The plugin on one origin: oidc-provider mounted at /oidc (authorization server), the manifest, the OpenAPI
 * document and the API. The origin must be known up front: it is the issuer, and oidc-provider fixes it at start.
 */
export function createOidcPluginApp(origin: string, options: ResolvedOidcPluginOptions): OidcPluginApp {
  const issuer = `${origin}${OIDC_MOUNT}`;
  const provider = new Provider(issuer, providerConfiguration(options, origin));
  // oidc-provider answers 500 server_error without saying why; the plugin's log should.
  provider.on('server_error', (_ctx: unknown, error: unknown) => console.error('oidc plugin: oidc-provider server_error', error));
  const clock = new ApiClock();
  const app = express();
  app.disable('x-powered-by');
  // First, before any body parser: oidc-provider reads request bodies itself.
  app.use(OIDC_MOUNT, provider.callback());
  app.use(siteRoutes(origin, options));
  app.use(openApiRoute(origin));
  app.use(apiRoutes({ provider, clock, audience: apiResourceOf(origin) }));
  app.use((_req, res) => void res.status(404).json({ error: 'not_found' }));
  return { app, provider, clock, issuer };
}
