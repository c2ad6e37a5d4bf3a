import { expect } from '@playwright/test';
import { startReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { defaultSettings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { test } from '../../scenarios/fixtures.ts';
import { referenceSettings } from '../../scenarios/reference-target.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { openScenarioContext, type SavedSignIn } from '../../scenarios/scenario-browser-state.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';

const quiet: ScenarioReporting = { step: (_title, body) => body(), attach: async () => undefined };

// A worker's first scenario may be one whose only authorizations are probes (client-secret-verification installs
// nothing): its browser got through login and consent all the same, so the next scenario comes back signed in.
test('a sign-in made by a probe is kept for the returning users after it', async ({ mockHost, browser }) => {
  const plugin = await startReferencePlugin({});
  try {
    const settings = referenceSettings(defaultSettings({ profiles: ['chatgpt-plugin'] }), plugin);
    const signIns = new Map<string, SavedSignIn>();
    const scenarios = loadScenarioFiles();
    const results = [];
    for (const id of ['client-secret-verification', 'expired-token-refresh']) {
      const scenario = scenarios.find((s) => s.id === id);
      if (!scenario) throw new Error(`scenario ${id} is missing`);
      expect(scenario.steps.some((s) => s.action === 'install'), `${id} installs`).toBe(id !== 'client-secret-verification');
      const session = new HostSession({ scenario: id, profile: PROFILES['chatgpt-plugin'], settings, origin: plugin.url, hostOrigin: mockHost.origin, targetClock: plugin.clock });
      const scenarioBrowser = await openScenarioContext(browser, { login: settings.login, signIn: scenario.signIn, signIns, host: 'chatgpt-plugin' });
      try {
        results.push(await runScenario({ scenario, session, context: scenarioBrowser.context, mockHost, reporting: quiet }));
      } finally {
        await session.dispose();
        await scenarioBrowser.close(session.metrics.codeCallbacks > 0);
      }
    }
    expect(results.map((r) => `${r.id}: ${r.status}, ${r.timing?.signIns} sign-in(s)`)).toEqual(['client-secret-verification: passed, 1 sign-in(s)', 'expired-token-refresh: passed, 0 sign-in(s)']);
  } finally {
    await plugin.close();
  }
});
