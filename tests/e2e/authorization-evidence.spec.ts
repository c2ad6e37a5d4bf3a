import { defaultSettings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { referenceSettings } from '../../scenarios/reference-target.ts';
import { test as fixtures } from '../../scenarios/fixtures.ts';
import { expect } from '@playwright/test';
import type { ReferencePluginOptions } from '../../examples/reference-plugin/options.ts';
import { startReferencePlugin } from '../../examples/reference-plugin/start.ts';

const quiet: ScenarioReporting = { step: (_title, body) => body(), attach: async () => undefined };
const install = loadScenarioFiles().find((s) => s.id === 'install-and-use');

// Authorization findings cite what the browser saw: the navigation that reached the callback, or the page that
// refused the redirect URI, recorded (redacted) like any HTTP exchange.
const CASES: { name: string; options: ReferencePluginOptions; code: string; label: RegExp }[] = [
  { name: 'a callback without state', options: { faults: ['drop-state'] }, code: 'STATE_NOT_RETURNED', label: /sent to the callback/ },
  {
    name: 'a refused redirect URI',
    options: { redirectUris: ['https://chat.openai.com/aip/plugin-11111111-1111-4111-8111-111111111111/oauth/callback'], allowLoopbackRedirectPort: false },
    code: 'REDIRECT_URI_REJECTED',
    label: /page 400/,
  },
];

for (const { name, options, code, label } of CASES) {
  fixtures(`${name}: ${code} cites the recorded browser hop`, async ({ browser }) => {
    if (!install) throw new Error('install-and-use.yaml is missing');
    const plugin = await startReferencePlugin(options);
    const context = await browser.newContext();
    try {
      const session = new HostSession({ scenario: install.id, profile: PROFILES['chatgpt-plugin'], settings: referenceSettings(defaultSettings(), plugin), origin: plugin.url });
      const result = await runScenario({ scenario: install, session, context, reporting: quiet });
      const finding = result.findings.find((f) => f.code === code);
      expect(finding?.evidence.length, JSON.stringify(result.findings)).toBeGreaterThan(0);
      const cited = session.recorder.exchanges().filter((x) => finding?.evidence.includes(x.id));
      expect(cited.map((x) => x.label)).toEqual([expect.stringMatching(label)]);
      expect(cited[0]?.phase).toBe('install');
      // The hop's URL is redacted like any exchange: the code the callback carried is a fingerprint.
      expect(JSON.stringify(cited)).not.toMatch(/[?&]code=(?!\[redacted|\$AUTH_CODE)/);
    } finally {
      await context.close();
      await plugin.close();
    }
  });
}
