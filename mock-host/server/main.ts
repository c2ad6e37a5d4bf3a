/**
 * `npm run host`: the mock host on its own, for trying a plugin by hand. Open the printed URL, press Install, log in
 * in your own browser; then call the plugin and move the host's clock from the page. Same engine as `npm test`.
 */
import { ConfigError } from '../config/config-error.ts';
import { loadSettings } from '../config/settings.ts';
import { HostSession } from '../engine/session.ts';
import { PROFILES } from '../profiles/registry.ts';
import { startReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { referenceSettings } from '../../scenarios/reference-target.ts';
import { MockHostServer } from './mock-host-server.ts';

async function main(): Promise<void> {
  const loaded = loadSettings();
  const bundled = loaded.url ? undefined : await startReferencePlugin({});
  // The browser here is the user's own: the callback must come back to this host, so the local redirect is used.
  const settings = { ...(bundled ? referenceSettings(loaded, bundled) : loaded), redirect: 'local' as const };
  const host = new MockHostServer();
  const port = Number(process.env.PLUGIN_HOST_PORT ?? 4710);
  const origin = await host.start({ host: process.env.PLUGIN_HOST_BIND ?? '127.0.0.1', port });
  const session = new HostSession({ scenario: 'interactive', profile: PROFILES[settings.profiles[0] ?? 'chatgpt-plugin'], settings, origin: settings.url ?? '', hostOrigin: origin, documents: host });
  host.track(session);
  host.enableInteractive(session);
  console.log(`mock host: ${origin}  (target ${settings.url}${bundled ? ', the bundled reference plugin: log in as demo@example.com / demo-password' : ''})`);
  const stop = async () => {
    await host.close();
    await bundled?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
