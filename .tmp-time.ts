import { chromium } from 'playwright';
import { chromiumLaunchArgs, findChromium } from './mock-host/browser/find-browser.ts';
import { loadSettings } from './mock-host/config/settings.ts';
import { HostSession } from './mock-host/engine/session.ts';
import { PROFILES } from './mock-host/profiles/index.ts';
import { MockHostServer } from './mock-host/server/mock-host-server.ts';
import { runScenario } from './scenarios/run-scenario.ts';
import { loadScenarioFiles } from './scenarios/scenario-loader.ts';
import { simulatedHostProfile, simulatedHostSettings } from './scenarios/simulated-host.ts';

const ids = process.argv.slice(2);
const b = findChromium();
const browser = await chromium.launch({ executablePath: b.executablePath, args: [...chromiumLaunchArgs, '--host-resolver-rules=MAP chat.openai.com ~NOTFOUND, MAP chatgpt.com ~NOTFOUND'] });
const host = new MockHostServer(); await host.start();
for (const s of loadScenarioFiles().filter((x) => ids.some((i) => x.id.endsWith(i)))) {
  const t0 = performance.now();
  const target = await s.simulated!.start(simulatedHostSettings(loadSettings(), s.simulated!.host));
  const session = new HostSession({ scenario: s.id, profile: simulatedHostProfile(s.simulated!.host), settings: target.settings, origin: target.origin, hostOrigin: host.origin, targetClock: target.targetClock });
  const context = await browser.newContext();
  let last = performance.now();
  const r = await runScenario({ scenario: s, session, context, mockHost: host, reporting: { step: async (title, body) => { const v = await body(); console.log(`  ${(performance.now() - last).toFixed(0).padStart(6)} ms  ${title}`); last = performance.now(); return v; }, attach: async () => {} } });
  await context.close(); await target.close();
  console.log(`${s.id}: ${r.status} ${r.reason ?? ''} seen=${r.findings.map((f) => f.code + ':' + f.severity).join(',')} total ${(performance.now() - t0).toFixed(0)} ms`);
}
await browser.close(); await host.close();
