import { expect } from '@playwright/test';
import { startReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { defaultSettings } from '../../mock-host/config/settings.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { test } from '../../scenarios/fixtures.ts';
import { referenceSettings } from '../../scenarios/reference-target.ts';
import { appliesToProtocol, loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { runAsReturningUser } from './returning-user-runs.ts';

// PLUGIN_PROFILE=gpt-action: no manifest (the editor's fields instead), form-encoded token requests always, and the
// client authentication the "Token Exchange Method" names. The bundled plugin must pass every scenario either way.
for (const method of ['default_post', 'basic_auth_header'] as const) {
  test(`gpt-action with ${method}: every conformance scenario passes against the bundled plugin`, async ({ mockHost, browser }) => {
    const plugin = await startReferencePlugin({});
    try {
      const base = defaultSettings({ profiles: ['gpt-action'], action: { tokenExchangeMethod: method } });
      const settings = referenceSettings(base, plugin);
      // A returning user after the first sign-in, as the conformance project runs them.
      const scenarios = loadScenarioFiles().filter((s) => s.kind === 'conformance' && appliesToProtocol(s, PROFILES['gpt-action'].protocol));
      const results = await runAsReturningUser({ browser, mockHost, plugin, profile: 'gpt-action', settings, scenarios });
      expect(results.filter(({ result }) => result.status !== 'passed').map(({ result }) => `${result.id}: ${result.status} ${result.reason ?? ''}`)).toEqual([]);
      expect(results.flatMap(({ result }) => result.findings).filter((f) => f.severity !== 'info')).toEqual([]);
      // Most scenarios came back as a returning user, past the sign-in page.
      expect(results.reduce((n, { result }) => n + ((result.timing?.signIns ?? 0) > 0 ? 1 : 0), 0)).toBeLessThan(results.length / 2);
      // The host's own exchange: form-encoded, credentials where the exchange method puts them.
      const exchange = results[0]?.session.recorder.exchanges().find((x) => x.label === 'exchange code');
      expect(exchange?.request.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
      expect(Boolean(exchange?.request.headers.Authorization)).toBe(method === 'basic_auth_header');
      expect(exchange?.request.body?.includes('client_secret=')).toBe(method === 'default_post');
    } finally {
      await plugin.close();
    }
  });
}
