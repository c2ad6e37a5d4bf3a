import { startReferencePlugin } from '../examples/reference-plugin/start.ts';
import { test, runScenarioTest } from './fixtures.ts';
import { referenceSettings } from './reference-target.ts';
import { loadScenarioFiles } from './scenario-loader.ts';

// One test per scenarios/simulated/*.yaml: the reference plugin with the named faults must yield exactly the
// expected findings. These are the harness's proof that it detects what it claims to.
for (const scenario of loadScenarioFiles().filter((s) => s.kind === 'simulated')) {
  test(`${scenario.id}: ${scenario.title}`, { tag: ['@simulated'] }, async ({ harnessSettings, mockHost, browser }, testInfo) => {
    const sim = scenario.simulated;
    if (!sim) throw new Error(`${scenario.file} has no simulated target`);
    const plugin = await startReferencePlugin(sim.plugin);
    try {
      const settings = referenceSettings({ ...harnessSettings, url: undefined }, plugin);
      await runScenarioTest({ scenario, target: { origin: plugin.url, settings, targetClock: plugin.clock }, mockHost, browser, testInfo });
    } finally {
      await plugin.close();
    }
  });
}
