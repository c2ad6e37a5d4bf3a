import { expect } from '@playwright/test';
import { startReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { defaultSettings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { test } from '../../scenarios/fixtures.ts';
import { referenceSettings } from '../../scenarios/reference-target.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';

const quiet: ScenarioReporting = { step: (_title, body) => body(), attach: async () => undefined };

// A missing state stops the real host. One run still shows every layer: the harness goes on past it (its own
// browser, its own request), the later findings say they are behind the blocker, and the scenario fails with it.
test('past a callback without state: the next layers are found and marked behind the blocker', async ({ browser }) => {
  const scenario = loadScenarioFiles().find((s) => s.id === 'absent-refresh-token');
  if (!scenario) throw new Error('absent-refresh-token.yaml is missing');
  const plugin = await startReferencePlugin({ faults: ['drop-state', 'no-refresh-token'] });
  const context = await browser.newContext();
  try {
    const session = new HostSession({ scenario: scenario.id, profile: PROFILES['chatgpt-plugin'], settings: referenceSettings(defaultSettings(), plugin), origin: plugin.url });
    const result = await runScenario({ scenario, session, context, reporting: quiet });
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/^the host stops at STATE_NOT_RETURNED; the harness went on past it/);
    const byCode = Object.fromEntries(result.findings.map((f) => [f.code, f]));
    expect(byCode.STATE_NOT_RETURNED?.behind).toBeUndefined();
    expect(byCode.REFRESH_TOKEN_MISSING?.behind).toBe('STATE_NOT_RETURNED');
    expect(byCode.USER_MISSING_CREDENTIALS?.behind).toBe('STATE_NOT_RETURNED');
  } finally {
    await context.close();
    await plugin.close();
  }
});
