import { fileURLToPath } from 'node:url';
import { expect, test, type TestInfo } from '@playwright/test';
import { startOidcPlugin, type RunningOidcPlugin } from '../../examples/oidc-plugin/start.ts';
import { loadSettings, type Settings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { MockHostServer } from '../../mock-host/server/mock-host-server.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { describeFindings } from '../../scenarios/scenario-outcome.ts';

/**
 * Every conformance scenario against a plugin whose authorization server is oidc-provider, an OpenID-certified
 * implementation configured as a careful developer would. A strict, correct server must draw no error and no
 * warning: any that appears is a harness false positive (or a real finding to argue about, never to hide).
 */

// Read as a developer's environment would be, through the harness's own settings loader; the plugin's directory
// holds no plugin-conformance.config.json that could add to it.
const OIDC_PLUGIN_DIR = fileURLToPath(new URL('../../examples/oidc-plugin/', import.meta.url));
const oidcPluginSettings = (plugin: RunningOidcPlugin): Settings => loadSettings(plugin.harnessEnv(), OIDC_PLUGIN_DIR);

// Steps and evidence go to Playwright's report. Never under the name scenario-result.json: that attachment feeds
// reports/summary.json, which describes the user's target, not this bench.
function playwrightReporting(testInfo: TestInfo): ScenarioReporting {
  return {
    step: (title, body) => test.step(title, body),
    attach: async (name, body, contentType) => {
      await testInfo.attach(name, { body, contentType });
    },
  };
}

for (const scenario of loadScenarioFiles().filter((s) => s.kind === 'conformance')) {
  test(`oidc-provider plugin: ${scenario.id} draws no error or warning`, async ({ browser }, testInfo) => {
    // A plugin per test: the expired-token probe moves the API clock forward, which would expire later tests' tokens.
    const plugin = await startOidcPlugin();
    const mockHost = new MockHostServer();
    await mockHost.start();
    const context = await browser.newContext();
    const session = new HostSession({
      scenario: scenario.id,
      profile: PROFILES['chatgpt-plugin'],
      settings: oidcPluginSettings(plugin),
      origin: plugin.url,
      hostOrigin: mockHost.origin,
      targetClock: plugin.clock,
    });
    mockHost.track(session);
    try {
      const result = await runScenario({ scenario, session, context, mockHost, reporting: playwrightReporting(testInfo) });
      await testInfo.attach('oidc-plugin scenario outcome', { body: JSON.stringify(result, null, 2), contentType: 'application/json' });
      // Every finding the harness raised, not only those in the scenario's focus: none may be an error or warning.
      const all = session.findings.list();
      const infos = all.filter((f) => f.severity === 'info');
      if (infos.length) testInfo.annotations.push({ type: 'info findings', description: [...new Set(infos.map((f) => f.code))].join(', ') });
      const problems = all.filter((f) => f.severity === 'error' || f.severity === 'warning');
      expect(problems, describeFindings(problems)).toEqual([]);
      expect(result.status, result.reason).not.toBe('failed');
      expect(result.status, `the harness could not finish: ${result.reason ?? ''}`).not.toBe('inconclusive');
      if (result.status === 'skipped') {
        testInfo.annotations.push({ type: 'skipped scenario', description: result.reason ?? '' });
      }
    } finally {
      mockHost.untrack(session);
      await context.close();
      await mockHost.close();
      await plugin.close();
    }
  });
}
