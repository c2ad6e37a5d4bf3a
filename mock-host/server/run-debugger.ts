/**
 * `plugin-conformance host` (`npm run host` in a clone): the mock host as an OAuth debugger. Open the printed URL: choose a host and a target (the bundled
 * reference plugin or MCP server by default, or PLUGIN_URL), then discover, install in your own browser, call, move
 * the host's clock, refresh, revoke, run a scenario file, and export the reports. Same engine as `npm test`.
 */
import { loadSettings, type SettingOverrides } from '../config/settings.ts';
import { launchHarnessBrowser } from '../browser/launch-harness-browser.ts';
import { debuggerRoutes } from '../debugger/debugger-routes.ts';
import { HostDebugger } from '../debugger/host-debugger.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { MockHostServer } from './mock-host-server.ts';

/** Runs until SIGINT or SIGTERM; a bad setting throws a ConfigError before anything listens. */
export async function runDebugger(overrides?: SettingOverrides): Promise<void> {
  const base = loadSettings(process.env, process.cwd(), overrides);
  const scenarios = loadScenarioFiles().filter((s) => s.kind === 'conformance');
  const host = new MockHostServer();
  const origin = await host.start({ host: process.env.PLUGIN_HOST_BIND ?? '127.0.0.1', port: Number(process.env.PLUGIN_HOST_PORT ?? 4710) });
  const app = new HostDebugger({ mockHost: host, base, scenarios, launchHarnessBrowser });
  await app.configure({
    profile: base.profiles[0] ?? 'chatgpt-plugin',
    target: base.url
      ? { kind: 'url', url: base.url, ...(base.clientId ? { clientId: base.clientId } : {}), ...(base.clientSecret ? { clientSecret: base.clientSecret } : {}), action: base.action }
      : { kind: 'reference' },
  });
  host.enableDebugger(debuggerRoutes(app, host.hostNames));
  const target = app.view().target;
  // The bundled targets' public test account (their READMEs), as before; a real target's account is the user's own.
  const account = target.bundled ? `, ${target.bundled}: log in as demo@example.com / demo-password` : '';
  console.log(`mock host debugger: ${origin}  (target ${target.url}${account})`);
  const stop = async () => {
    await app.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
