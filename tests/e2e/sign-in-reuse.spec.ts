import { expect } from '@playwright/test';
import { startReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { defaultSettings } from '../../mock-host/config/settings.ts';
import { test } from '../../scenarios/fixtures.ts';
import { referenceSettings } from '../../scenarios/reference-target.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { runAsReturningUser } from './returning-user-runs.ts';

// A worker's first scenario may be one whose only authorizations are probes (client-secret-verification installs
// nothing): its browser got through login and consent all the same, so the next scenario comes back signed in.
test('a sign-in made by a probe is kept for the returning users after it', async ({ mockHost, browser }) => {
  const plugin = await startReferencePlugin({});
  try {
    const settings = referenceSettings(defaultSettings({ profiles: ['chatgpt-plugin'] }), plugin);
    const scenarios = ['client-secret-verification', 'expired-token-refresh'].map((id) => {
      const scenario = loadScenarioFiles().find((s) => s.id === id);
      if (!scenario) throw new Error(`scenario ${id} is missing`);
      expect(scenario.steps.some((s) => s.action === 'install'), `${id} installs`).toBe(id !== 'client-secret-verification');
      return scenario;
    });
    const results = (await runAsReturningUser({ browser, mockHost, plugin, profile: 'chatgpt-plugin', settings, scenarios })).map((run) => run.result);
    expect(results.map((r) => `${r.id}: ${r.status}, ${r.timing?.signIns} sign-in(s)`)).toEqual(['client-secret-verification: passed, 1 sign-in(s)', 'expired-token-refresh: passed, 0 sign-in(s)']);
  } finally {
    await plugin.close();
  }
});
