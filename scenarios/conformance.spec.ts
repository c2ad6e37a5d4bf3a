import { test } from './fixtures.ts';
import { loadSettings } from '../mock-host/config/settings.ts';
import { PROFILES } from '../mock-host/profiles/registry.ts';
import { appliesToProtocol, loadScenarioFiles } from './scenario-loader.ts';

// One test per scenario file in scenarios/*.yaml and host of the run: against PLUGIN_URL, or the bundled reference
// plugin (legacy hosts) and reference MCP server (MCP hosts). A scenario for one protocol runs only under its hosts.
const scenarios = loadScenarioFiles(undefined, 'conformance');
for (const id of loadSettings().profiles) {
  const profile = PROFILES[id];
  for (const scenario of scenarios.filter((s) => appliesToProtocol(s, profile.protocol))) {
    test(`${id} › ${scenario.id}: ${scenario.title}`, { tag: [`@${scenario.phase}`, `@${id}`] }, async ({ conformanceTarget, mockHost, browser, scenarioRunner }, testInfo) => {
      await scenarioRunner({ scenario, target: await conformanceTarget(profile.protocol), mockHost, browser, testInfo, profile });
    });
  }
}
