import { test, expect } from '@playwright/test';
import nock from 'nock';
import { useNock } from '../token/token-harness.ts';
import { discover } from '../../../mock-host/engine/discover.ts';
import type { DiscoveryResult } from '../../../mock-host/engine/discover.ts';
import type { Settings } from '../../../mock-host/config/settings.ts';
import type { FindingCode } from '../../../mock-host/findings/catalog.ts';
import { FindingCollector } from '../../../mock-host/findings/finding.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import type { HostProfile } from '../../../mock-host/profiles/host-profile.ts';
import { Recorder } from '../../../mock-host/recorder/recorder.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';
import { conformantManifest, conformantOpenApiYaml, ORIGIN, settings, VERIFICATION_TOKEN } from './fixtures.ts';

const MANIFEST = '/.well-known/ai-plugin.json';
const JSON_TYPE = { 'Content-Type': 'application/json' };
const YAML_TYPE = { 'Content-Type': 'application/yaml' };
const HTML_TYPE = { 'Content-Type': 'text/html; charset=utf-8' };

interface PluginMock {
  origin?: string;
  manifest?: unknown;
  manifestBody?: string;
  manifestStatus?: number;
  manifestHeaders?: Record<string, string>;
  openapi?: string;
  openapiStatus?: number;
  /** Answers of the two probes, as the reference plugin gives them when not swapped. */
  swapped?: boolean;
}

/** A plugin on nock: manifest, OpenAPI document and the two OAuth endpoints as a bare GET sees them. */
function mockPlugin(mock: PluginMock = {}): void {
  const origin = mock.origin ?? ORIGIN;
  const scope = nock(origin);
  const body = mock.manifestBody ?? JSON.stringify(mock.manifest ?? conformantManifest(origin));
  scope.get(MANIFEST).reply(mock.manifestStatus ?? 200, body, mock.manifestHeaders ?? JSON_TYPE);
  scope.get('/openapi.yaml').reply(mock.openapiStatus ?? 200, mock.openapi ?? conformantOpenApiYaml(origin), YAML_TYPE);
  const pageAt = (path: string) => scope.get(path).reply(400, '<html><h1>invalid_client</h1></html>', HTML_TYPE);
  const tokenEndpointAt = (path: string) => scope.get(path).reply(404, '{"error":"not_found"}', JSON_TYPE);
  pageAt(mock.swapped ? '/oauth/token' : '/oauth/authorize');
  tokenEndpointAt(mock.swapped ? '/oauth/authorize' : '/oauth/token');
}

interface Run {
  result: DiscoveryResult;
  findings: FindingCollector;
  recorder: Recorder;
  elapsedMs: number;
}

async function run(options: { profile?: HostProfile; settings?: Settings; origin?: string } = {}): Promise<Run> {
  const recorder = new Recorder(new SecretRegistry());
  const profile = options.profile ?? PROFILES['chatgpt-plugin'];
  // As the session builds it: the profile's severities (gpt-action raises the two action codes to errors).
  const findings = new FindingCollector('discovery', profile.severityOverrides);
  const started = performance.now();
  const result = await discover({
    recorder,
    profile,
    settings: options.settings ?? settings(),
    findings,
    origin: options.origin ?? ORIGIN,
  });
  return { result, findings, recorder, elapsedMs: performance.now() - started };
}

/** Codes of error and warning findings: what a fault must produce exactly. */
const problems = (findings: FindingCollector): FindingCode[] =>
  [...new Set(findings.list().filter((f) => f.severity !== 'info').map((f) => f.code))].sort();

useNock(test);

test.describe('discover(): chatgpt-plugin', () => {
  test('a conformant oauth plugin yields its target and only loopback infos', async () => {
    mockPlugin();
    const { result, findings, recorder } = await run();
    expect(result.target).toEqual({
      origin: ORIGIN,
      manifestUrl: `${ORIGIN}${MANIFEST}`,
      openapiUrl: `${ORIGIN}/openapi.yaml`,
      nameForHuman: 'Reference Todos',
      auth: {
        type: 'oauth',
        authorizeUrl: `${ORIGIN}/oauth/authorize`,
        tokenUrl: `${ORIGIN}/oauth/token`,
        scope: 'todos:read todos:write',
        tokenBodyEncoding: 'json',
        verificationTokens: { openai: VERIFICATION_TOKEN },
      },
      operations: [
        expect.objectContaining({ operationId: 'listTodos', method: 'GET', path: '/todos', serverUrl: ORIGIN, needsInput: false, requiresAuth: true }),
        expect.objectContaining({ operationId: 'addTodo', method: 'POST', needsInput: true }),
        expect.objectContaining({ operationId: 'deleteTodo', method: 'DELETE', path: '/todos/{id}', needsInput: true }),
        expect.objectContaining({ operationId: 'GET /health', requiresAuth: false }),
      ],
    });
    expect(problems(findings)).toEqual([]);
    expect(findings.list().map((f) => [f.code, f.severity])).toEqual(Array(findings.list().length).fill(['MANIFEST_NOT_HTTPS', 'info']));
    expect(nock.isDone()).toBe(true);
    const exchanges = recorder.exchanges();
    expect(exchanges.map((x) => x.phase)).toEqual(['discover', 'discover', 'discover', 'discover']);
    // The manifest's verification token is treated as a secret in the evidence.
    expect(JSON.stringify(exchanges)).not.toContain(VERIFICATION_TOKEN);
  });

  test('form-encoded token requests and a default scope', async () => {
    const manifest = conformantManifest();
    const auth = manifest['auth'] as Record<string, unknown>;
    auth['authorization_content_type'] = 'application/x-www-form-urlencoded';
    delete auth['scope'];
    mockPlugin({ manifest });
    const { result } = await run();
    expect(result.target?.auth).toMatchObject({ type: 'oauth', tokenBodyEncoding: 'form', scope: '' });
  });

  const withManifest = (change: (m: Record<string, unknown>) => void): Record<string, unknown> => {
    const m = conformantManifest();
    change(m);
    return m;
  };
  const auth = (m: Record<string, unknown>) => m['auth'] as Record<string, unknown>;

  const faults: [string, PluginMock, FindingCode, { fatal?: RegExp; settings?: Partial<Settings> }?][] = [
    ['the manifest answers 404', { manifestStatus: 404, manifestBody: 'Not Found' }, 'MANIFEST_UNREACHABLE', { fatal: /answered 404/ }],
    ['the manifest is text/plain', { manifestHeaders: { 'Content-Type': 'text/plain' } }, 'MANIFEST_CONTENT_TYPE'],
    ['the manifest is not JSON', { manifestBody: JSON.stringify(conformantManifest()).slice(0, -1) }, 'MANIFEST_NOT_JSON', { fatal: /does not parse as JSON/ }],
    ['the manifest has no api', { manifest: withManifest((m) => delete m['api']) }, 'MANIFEST_INVALID', { fatal: /no usable api section/ }],
    ['contact_email is broken', { manifest: withManifest((m) => (m['contact_email'] = 'nope')) }, 'MANIFEST_INVALID'],
    ['name_for_human is too long', { manifest: withManifest((m) => (m['name_for_human'] = 'Reference Todos Extended Suite')) }, 'MANIFEST_LIMITS'],
    ['there is no verification token', { manifest: withManifest((m) => delete auth(m)['verification_tokens']) }, 'VERIFICATION_TOKEN_MISSING'],
    ['the verification token differs', {}, 'VERIFICATION_TOKEN_MISMATCH', { settings: { verificationToken: 'another-token-123' } }],
    ['client_url and authorization_url are swapped', { swapped: true }, 'MANIFEST_AUTH_URLS_SWAPPED'],
    ['the OpenAPI document answers 404', { openapiStatus: 404, openapi: 'Not Found' }, 'OPENAPI_UNREACHABLE'],
    ['the OpenAPI document is not OpenAPI', { openapi: '{"hello":"world"}' }, 'OPENAPI_INVALID'],
    ['an operation description is too long', { openapi: conformantOpenApiYaml().replace("List the signed-in user's todos.", 'x'.repeat(250)) }, 'OPENAPI_LIMITS'],
    ['servers[0].url is elsewhere', { openapi: conformantOpenApiYaml().replace(`  - url: ${ORIGIN}`, '  - url: https://api.example.net') }, 'OPENAPI_SERVER_MISMATCH'],
  ];
  for (const [name, mock, code, extra] of faults) {
    test(`${code} when ${name}`, async () => {
      mockPlugin(mock);
      const { result, findings } = await run({ settings: settings(extra?.settings) });
      expect(problems(findings)).toEqual([code]);
      const finding = findings.list().find((f) => f.code === code);
      expect(finding?.evidence.length).toBeGreaterThan(0);
      if (extra?.fatal) {
        expect(result.target).toBeUndefined();
        expect('fatal' in result && result.fatal).toMatch(extra.fatal);
      } else {
        expect(result.target).toBeDefined();
      }
    });
  }

  test('MANIFEST_API_DOMAIN when api.url is on localhost instead of 127.0.0.1', async () => {
    const other = 'http://localhost:4100';
    mockPlugin({ manifest: withManifest((m) => ((m['api'] as Record<string, unknown>)['url'] = `${other}/openapi.yaml`)) });
    nock(other).get('/openapi.yaml').reply(200, conformantOpenApiYaml(ORIGIN), YAML_TYPE);
    const { findings, result } = await run();
    expect(problems(findings)).toEqual(['MANIFEST_API_DOMAIN']);
    expect(findings.list().find((f) => f.code === 'MANIFEST_API_DOMAIN')?.message).toContain('on localhost, not on the manifest root domain 127.0.0.1');
    expect(result.target?.operations).toHaveLength(4);
  });

  test('MANIFEST_NOT_HTTPS is an error on a public http origin', async () => {
    const origin = 'http://plugin.example.com';
    mockPlugin({ origin });
    const { findings } = await run({ origin });
    expect(problems(findings)).toEqual(['MANIFEST_NOT_HTTPS']);
    expect(findings.list().filter((f) => f.code === 'MANIFEST_NOT_HTTPS').map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error', 'error']);
  });

  test('a hanging server is MANIFEST_UNREACHABLE within the profile timeout', async () => {
    nock(ORIGIN).get(MANIFEST).delay(5_000).reply(200, JSON.stringify(conformantManifest()), JSON_TYPE);
    const profile: HostProfile = { ...PROFILES['chatgpt-plugin'], timeouts: { ...PROFILES['chatgpt-plugin'].timeouts, discoveryMs: 150 } };
    const { result, findings, elapsedMs } = await run({ profile });
    expect(problems(findings)).toEqual(['MANIFEST_UNREACHABLE']);
    expect(findings.list()[0]?.message).toMatch(/no complete answer within the host's 0\.2 s limit/);
    expect('fatal' in result).toBe(true);
    expect(elapsedMs).toBeLessThan(1_500);
  });

  test('a redirect to another root domain is MANIFEST_UNREACHABLE and is not followed', async () => {
    nock(ORIGIN).get(MANIFEST).reply(302, '', { Location: `http://localhost:4100${MANIFEST}` });
    const { result, findings, recorder } = await run();
    expect(problems(findings)).toEqual(['MANIFEST_UNREACHABLE']);
    expect(findings.list()[0]?.message).toContain(`redirected to http://localhost:4100${MANIFEST}, off the root domain 127.0.0.1`);
    expect(findings.list()[0]?.reproduce).toContain(`${ORIGIN}${MANIFEST}`);
    expect(recorder.count()).toBe(1);
    expect(result.target).toBeUndefined();
  });

  test('redirects within the root domain are followed (www to apex)', async () => {
    const www = 'https://www.example.com';
    const apex = 'https://example.com';
    nock(www).get(MANIFEST).reply(301, '', { Location: `${apex}${MANIFEST}` });
    mockPlugin({ origin: apex });
    const { result, findings, recorder } = await run({ origin: www });
    expect(problems(findings)).toEqual([]);
    expect(result.target?.auth.type).toBe('oauth');
    expect(recorder.exchanges()[1]?.label).toBe('fetch manifest (redirect 1)');
  });

  test('a redirect loop stops after profile.limits.maxRedirects', async () => {
    nock(ORIGIN).get(MANIFEST).times(10).reply(302, '', { Location: MANIFEST });
    const { findings, recorder } = await run();
    expect(problems(findings)).toEqual(['MANIFEST_UNREACHABLE']);
    expect(findings.list()[0]?.message).toMatch(/still redirecting after 5 redirects/);
    expect(recorder.count()).toBe(6);
  });

  test('file: and javascript: URLs are MANIFEST_INVALID and never fetched', async () => {
    const manifest = withManifest((m) => {
      (m['api'] as Record<string, unknown>)['url'] = 'file:///etc/passwd';
      auth(m)['client_url'] = 'javascript:alert(document.cookie)';
      m['logo_url'] = 'file:///etc/shadow';
    });
    nock(ORIGIN).get(MANIFEST).reply(200, JSON.stringify(manifest), JSON_TYPE);
    const { result, findings, recorder } = await run();
    expect(problems(findings)).toEqual(['MANIFEST_INVALID']);
    expect(findings.list().map((f) => f.message.split(':')[0])).toEqual(['auth.client_url', 'api.url', 'logo_url']);
    expect(recorder.count()).toBe(1);
    expect(result.target).toBeUndefined();
  });

  test('a 5,000-deep JSON manifest is a finding, not a crash', async () => {
    mockPlugin({ manifestBody: `${'['.repeat(5000)}${']'.repeat(5000)}` });
    const { result, findings } = await run();
    expect(problems(findings)).toEqual(['MANIFEST_INVALID']);
    expect('fatal' in result).toBe(true);
  });

  test('a deep value inside an unknown manifest field is a finding too', async () => {
    mockPlugin({ manifestBody: JSON.stringify({ ...conformantManifest(), x: 0 }).replace('"x":0', `"x":${'['.repeat(5000)}${']'.repeat(5000)}`) });
    const { findings } = await run();
    expect(problems(findings)).toEqual(['MANIFEST_INVALID']);
  });

  test('a YAML alias bomb as OpenAPI document is OPENAPI_INVALID', async () => {
    let bomb = 'openapi: "3.0.0"\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    mockPlugin({ openapi: `${bomb}paths: {}\n` });
    const { result, findings } = await run();
    expect(problems(findings)).toEqual(['OPENAPI_INVALID']);
    expect(findings.list().find((f) => f.code === 'OPENAPI_INVALID')?.message).toMatch(/alias/);
    // The install and token steps can still run; there is just nothing to call.
    expect(result.target?.operations).toEqual([]);
  });

  test('an origin that is not an http(s) URL is fatal without a request', async () => {
    const { result, recorder } = await run({ origin: 'file:///tmp' });
    expect('fatal' in result && result.fatal).toMatch(/not an http\(s\) URL/);
    expect(recorder.count()).toBe(0);
  });
});

test.describe('discover(): gpt-action', () => {
  const actionSettings = (action: Partial<Settings['action']>): Settings =>
    settings({ profiles: ['gpt-action'], verificationToken: undefined, action: { tokenExchangeMethod: 'default_post', openapiUrl: `${ORIGIN}/openapi.yaml`, ...action } });

  test('builds the target from the editor fields and the OpenAPI document', async () => {
    nock(ORIGIN).get('/openapi.yaml').reply(200, conformantOpenApiYaml(), YAML_TYPE);
    const { result, findings } = await run({
      profile: PROFILES['gpt-action'],
      settings: actionSettings({ authorizationUrl: `${ORIGIN}/oauth/authorize`, tokenUrl: `${ORIGIN}/oauth/token`, scope: 'todos:read' }),
    });
    expect(problems(findings)).toEqual([]);
    expect(result.target).toMatchObject({
      origin: ORIGIN,
      openapiUrl: `${ORIGIN}/openapi.yaml`,
      auth: { type: 'oauth', authorizeUrl: `${ORIGIN}/oauth/authorize`, tokenUrl: `${ORIGIN}/oauth/token`, scope: 'todos:read', tokenBodyEncoding: 'form', verificationTokens: {} },
    });
    expect(result.target?.operations).toHaveLength(4);
  });

  test('ACTION_DOMAIN_MISMATCH and OPENAPI_NO_SECURITY', async () => {
    const unsecured = conformantOpenApiYaml().replace('security:\n  - oauth: []\n', '');
    nock(ORIGIN).get('/openapi.yaml').reply(200, unsecured, YAML_TYPE);
    const { findings } = await run({
      profile: PROFILES['gpt-action'],
      settings: actionSettings({ authorizationUrl: 'https://id.other-idp.com/authorize', tokenUrl: 'https://accounts.google.com/token' }),
    });
    expect(problems(findings)).toEqual(['ACTION_DOMAIN_MISMATCH', 'OPENAPI_NO_SECURITY']);
    expect(findings.list().filter((f) => f.code === 'ACTION_DOMAIN_MISMATCH').map((f) => f.message)).toEqual([
      'Authorization URL https://id.other-idp.com/authorize is on other-idp.com, but the API host 127.0.0.1 is on 127.0.0.1; the GPT editor refuses this ("must share a root domain")',
    ]);
    expect(findings.list().find((f) => f.code === 'OPENAPI_NO_SECURITY')?.message).toContain('listTodos (GET /todos), addTodo (POST /todos), deleteTodo (DELETE /todos/{id})');
  });

  test('only one of the two OAuth URLs set is fatal', async () => {
    const { result, recorder } = await run({ profile: PROFILES['gpt-action'], settings: actionSettings({ tokenUrl: `${ORIGIN}/oauth/token` }) });
    expect('fatal' in result && result.fatal).toMatch(/PLUGIN_AUTHORIZATION_URL is not set/);
    expect(recorder.count()).toBe(0);
  });
});
