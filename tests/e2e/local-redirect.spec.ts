import { expect } from '@playwright/test';
import { startReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { defaultSettings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { referenceSettings } from '../../scenarios/reference-target.ts';
import { test } from '../../scenarios/fixtures.ts';

const quiet: ScenarioReporting = { step: (_title, body) => body(), attach: async () => undefined };

// PLUGIN_REDIRECT=local: the provider redirects to the mock host's own callback route, which checks state and
// exchanges the code itself, while the browser only logs in.
test('PLUGIN_REDIRECT=local installs through the mock host callback route', async ({ mockHost, browser }) => {
  const plugin = await startReferencePlugin({});
  const context = await browser.newContext();
  try {
    const scenario = loadScenarioFiles().find((s) => s.id === 'expired-token-refresh');
    if (!scenario) throw new Error('expired-token-refresh.yaml is missing');
    const settings = { ...referenceSettings(defaultSettings(), plugin), redirect: 'local' as const };
    const session = new HostSession({ scenario: scenario.id, profile: PROFILES['chatgpt-plugin'], settings, origin: plugin.url, hostOrigin: mockHost.origin });
    const result = await runScenario({ scenario, session, context, mockHost, reporting: quiet });
    expect(result.status, result.reason).toBe('passed');
    const exchange = session.recorder.exchanges().find((x) => x.label === 'exchange code');
    const body = JSON.parse(exchange?.request.body ?? '{}') as { redirect_uri?: string };
    expect(body.redirect_uri).toBe(`${mockHost.origin}/aip/${settings.pluginId}/oauth/callback`);
    expect(session.credentials?.generation).toBe(2);
  } finally {
    await context.close();
    await plugin.close();
  }
});

test('a callback with an unknown state is refused by the mock host route', async ({ mockHost }) => {
  const res = await fetch(`${mockHost.origin}/aip/plugin-00000000-0000-4000-8000-000000000000/oauth/callback?code=abc&state=never-issued`);
  expect(res.status).toBe(400);
  expect(await res.text()).toContain('matches no install in progress');
});
