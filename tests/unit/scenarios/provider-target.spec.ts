import { test, expect } from '@playwright/test';
import { z } from 'zod';
import { defaultSettings } from '../../../mock-host/config/settings.ts';
import { PRESET_NAMES } from '../../../examples/simulated-providers/preset.ts';
import { loadScenarioFiles } from '../../../scenarios/scenario-loader.ts';
import { providerTarget } from '../../../scenarios/targets/provider-target.ts';
import { authorize, field, REDIRECT_URI, token } from '../../simulated-providers/support.ts';

function specError(spec: unknown): string {
  const parsed = providerTarget.schema.safeParse(spec);
  if (parsed.success) throw new Error('expected the spec to be refused');
  return z.prettifyError(parsed.error);
}

test('every provider preset has at least one bundled scenario', () => {
  const presets = loadScenarioFiles()
    .filter((s) => s.simulated?.targetKind === 'provider')
    .map((s) => s.id);
  for (const name of PRESET_NAMES) expect(presets.some((id) => id.startsWith(`simulated/provider-${name}`)), name).toBe(true);
});

test('a provider spec names a known preset, and leaves oauthProvider to the target', () => {
  expect(specError({ preset: 'twitter' })).toContain('preset');
  expect(specError({ preset: 'google', plugin: { oauthProvider: {} } })).toContain('plugin.oauthProvider: set by the provider target');
  expect(specError({ preset: 'google', request: { access_type: 1 } })).toContain('request.access_type');
});

test("faults of the plugin's own authorization server are refused; API faults are not", () => {
  expect(specError({ preset: 'google', plugin: { faults: ['no-refresh-token'] } })).toContain("faults no-refresh-token change the plugin's own authorization server");
  expect(providerTarget.schema.safeParse({ preset: 'google', plugin: { faults: ['api-401-no-challenge'] } }).success).toBe(true);
});

test('the detection matrix names the preset, the extra parameters, the scope and any plugin fault', () => {
  const spec = providerTarget.schema.parse({ preset: 'google', request: { access_type: 'offline', prompt: 'consent' }, plugin: { scope: 'email', faults: ['slow-api'] } });
  expect(providerTarget.describe?.(spec)).toBe('simulated google with access_type=offline&prompt=consent, scope "email"; plugin faults: slow-api');
  expect(providerTarget.describe?.(providerTarget.schema.parse({ preset: 'meta' }))).toBe('simulated meta, scope "todos:read todos:write"');
});

test('start: the plugin points at the provider, settings name the provider, one clock moves both sides', async () => {
  const spec = providerTarget.schema.parse({ preset: 'dropbox', request: { token_access_type: 'offline' } });
  const target = await providerTarget.start(spec, defaultSettings());
  try {
    expect(target.settings.provider).toBe('dropbox');
    expect(target.settings).toMatchObject({ clientId: 'reference-client', clientSecret: 'reference-secret' });
    const manifest: unknown = await (await fetch(`${target.origin}/.well-known/ai-plugin.json`)).json();
    const auth = z.object({ auth: z.object({ client_url: z.url(), authorization_url: z.url() }) }).parse(manifest).auth;
    const clientUrl = new URL(auth.client_url);
    expect(clientUrl.origin).not.toBe(target.origin);
    expect(clientUrl.pathname).toBe('/oauth2/authorize');
    expect(clientUrl.searchParams.get('token_access_type')).toBe('offline');
    expect(new URL(auth.authorization_url).pathname).toBe('/oauth2/token');
    // Tokens issued after the clock moved must be alive at the plugin: the provider's clock moved as well.
    const tokenUrl = auth.authorization_url;
    const issue = async () => {
      const code = await authorize(auth.client_url, { client_id: 'reference-client', scope: 'todos:read' });
      return field(await token(tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: 'reference-client', client_secret: 'reference-secret' }), 'access_token');
    };
    const before = await issue();
    target.targetClock?.advance(14_401);
    const after = await issue();
    const status = async (accessToken: string) => (await fetch(`${target.origin}/todos`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
    expect(await status(before)).toBe(401);
    expect(await status(after)).toBe(200);
  } finally {
    await target.close();
  }
});
