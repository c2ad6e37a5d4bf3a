import type { Browser } from '@playwright/test';
import type { RunningReferencePlugin } from '../../examples/reference-plugin/start.ts';
import type { Settings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES, type ProfileId } from '../../mock-host/profiles/registry.ts';
import type { ScenarioResult } from '../../mock-host/report/scenario-result.ts';
import type { MockHostServer } from '../../mock-host/server/mock-host-server.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { openScenarioContext, type SavedSignIn } from '../../scenarios/scenario-browser-state.ts';
import type { ScenarioFile } from '../../scenarios/scenario-loader.ts';

const quiet: ScenarioReporting = { step: (_title, body) => body(), attach: async () => undefined };

/**
 * Runs scenarios one after another against the bundled plugin as the conformance project does: each in a browser of
 * its own, coming back with the host's kept sign-in once a scenario has made one.
 */
export async function runAsReturningUser(args: {
  browser: Browser;
  mockHost: MockHostServer;
  plugin: RunningReferencePlugin;
  profile: ProfileId;
  settings: Settings;
  scenarios: readonly ScenarioFile[];
}): Promise<{ result: ScenarioResult; session: HostSession }[]> {
  const { browser, mockHost, plugin, profile, settings } = args;
  const signIns = new Map<string, SavedSignIn>();
  const runs = [];
  for (const scenario of args.scenarios) {
    const session = new HostSession({ scenario: scenario.id, profile: PROFILES[profile], settings, origin: plugin.url, hostOrigin: mockHost.origin, targetClock: plugin.clock });
    const scenarioBrowser = await openScenarioContext(browser, { login: settings.login, signIn: scenario.signIn, signIns, host: profile });
    try {
      runs.push({ result: await runScenario({ scenario, session, context: scenarioBrowser.context, mockHost, reporting: quiet }), session });
    } finally {
      await session.dispose();
      await scenarioBrowser.close(session.metrics);
    }
  }
  return runs;
}
