import { createServer } from 'node:http';
import { listen } from '../shared/loopback-server.ts';
import { actionSettings, type ActionSettings } from './action-settings.ts';
import { createReferencePlugin } from './app.ts';
import type { PluginClock } from './clock.ts';
import type { ReferencePluginOptions, ResolvedReferencePluginOptions } from './options.ts';
import type { ReferenceStore } from './store.ts';

export interface RunningReferencePlugin {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:5005 */
  readonly url: string;
  readonly port: number;
  readonly clock: PluginClock;
  readonly store: ReferenceStore;
  readonly options: ResolvedReferencePluginOptions;
  /** What a developer types into the GPT editor to use this plugin as a GPT Action. */
  actionSettings(): ActionSettings;
  /** The PLUGIN_* settings a developer would export to point the harness at this plugin. */
  harnessEnv(): Record<string, string>;
  close(): Promise<void>;
}

/** Starts the reference plugin on options.host/options.port (port 0: any free port). */
export async function startReferencePlugin(input: ReferencePluginOptions = {}): Promise<RunningReferencePlugin> {
  const { app, clock, store, options } = createReferencePlugin(input);
  const { url, port, close } = await listen(createServer(app), options.host, options.port);
  const harnessEnv = () => ({
    PLUGIN_URL: url,
    PLUGIN_CLIENT_ID: options.clientId,
    PLUGIN_CLIENT_SECRET: options.clientSecret,
    PLUGIN_LOGIN_USERNAME: options.username,
    PLUGIN_LOGIN_PASSWORD: options.password,
    PLUGIN_VERIFICATION_TOKEN: options.verificationToken,
  });
  const running: RunningReferencePlugin = { url, port, clock, store, options, actionSettings: () => actionSettings(running), harnessEnv, close };
  return running;
}
