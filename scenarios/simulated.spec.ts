import { test } from './fixtures.ts';
import { loadScenarioFiles } from './scenario-loader.ts';
import { simulatedHostProfile, simulatedHostSettings } from './simulated-host.ts';

// One test per scenarios/simulated/*.yaml: a simulated target with a deliberate fault must yield exactly the
// expected findings. These are the harness's proof that it detects what it claims to.
for (const scenario of loadScenarioFiles(undefined, 'simulated')) {
  test(`${scenario.id}: ${scenario.title}`, { tag: ['@simulated'] }, async ({ harnessSettings, mockHost, browser, scenarioRunner }, testInfo) => {
    const sim = scenario.simulated;
    if (!sim) throw new Error(`${scenario.file} has no simulated target`);
    const target = await sim.start(simulatedHostSettings(harnessSettings, sim.host));
    try {
      await scenarioRunner({ scenario, target, mockHost, browser, testInfo, profile: simulatedHostProfile(sim.host) });
    } finally {
      await target.close();
    }
  });
}
