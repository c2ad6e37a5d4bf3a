import { test, runScenarioTest } from './fixtures.ts';
import { loadScenarioFiles } from './scenario-loader.ts';

// One test per scenario file in scenarios/*.yaml, run against PLUGIN_URL or the bundled reference plugin.
for (const scenario of loadScenarioFiles().filter((s) => s.kind === 'conformance')) {
  test(`${scenario.id}: ${scenario.title}`, { tag: [`@${scenario.phase}`] }, async ({ conformanceTarget, mockHost, browser }, testInfo) => {
    await runScenarioTest({ scenario, target: conformanceTarget, mockHost, browser, testInfo });
  });
}
