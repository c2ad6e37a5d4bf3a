import { test, expect } from '@playwright/test';
import { checkHttps } from '../../../mock-host/checks/discovery/https.ts';
import { checkApiDomain } from '../../../mock-host/checks/discovery/manifest-domains.ts';
import { checkManifestFields } from '../../../mock-host/checks/discovery/manifest-fields.ts';
import { checkManifestLimits } from '../../../mock-host/checks/discovery/manifest-limits.ts';
import { checkManifestContentType, checkManifestIsJson, checkManifestReachable } from '../../../mock-host/checks/discovery/manifest-response.ts';
import { checkVerificationTokenMatches, checkVerificationTokenPresent } from '../../../mock-host/checks/discovery/verification-token.ts';
import type { FetchResult } from '../../../mock-host/profiles/defaults/discovery/fetch-document.ts';
import { manifestAuthSchema, manifestSchema, type ManifestAuth } from '../../../mock-host/plugin/manifest-schema.ts';
import { parseJsonText } from '../../../mock-host/text/structured-text.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import { fingerprint } from '../../../mock-host/recorder/secrets.ts';
import { conformantManifest, outcome, REF, response, VERIFICATION_TOKEN } from './fixtures.ts';

const limits = PROFILES['chatgpt-plugin'].limits;

/** The conformant manifest with one change at a dotted path (undefined deletes). */
function withField(path: string, value: unknown): Record<string, unknown> {
  const manifest = structuredClone(conformantManifest('https://example.com'));
  const keys = path.split('.');
  let node: Record<string, unknown> = manifest;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return manifest;
}

function oauthAuth(overrides: Record<string, unknown> = {}): ManifestAuth {
  return manifestAuthSchema.parse({ ...(conformantManifest().auth as object), ...overrides });
}

test.describe('MANIFEST_INVALID (checkManifestFields)', () => {
  test('a conformant manifest passes and matches the schema', () => {
    expect(manifestSchema.safeParse(conformantManifest()).success).toBe(true);
    expect(checkManifestFields({ manifest: conformantManifest(), ref: REF })).toEqual([]);
  });

  test('unknown extra fields are allowed', () => {
    expect(checkManifestFields({ manifest: { ...conformantManifest(), x_custom: { nested: true } }, ref: REF })).toEqual([]);
  });

  const cases: [string, string, unknown, RegExp][] = [
    ['schema_version not v1', 'schema_version', 'v2', /^schema_version: expected "v1", got "v2"$/],
    ['a missing field', 'name_for_model', undefined, /^name_for_model: missing; expected a string$/],
    ['a wrong type', 'name_for_human', 42, /^name_for_human: expected a string, got 42$/],
    ['an empty name', 'name_for_model', '', /^name_for_model: expected a non-empty string, got ""$/],
    ['an unknown auth type', 'auth.type', 'apikey', /^auth\.type: expected auth\.type "none", "user_http", "service_http" or "oauth", got "apikey"$/],
    ['a file: URL', 'logo_url', 'file:///etc/passwd', /^logo_url: expected an absolute http:\/\/ or https:\/\/ URL, got "file:\/\/\/etc\/passwd"$/],
    ['a javascript: client_url', 'auth.client_url', 'javascript:alert(1)', /^auth\.client_url: expected an absolute http/],
    ['a relative api.url', 'api.url', '/openapi.yaml', /^api\.url: expected an absolute http/],
    ['a bad email', 'contact_email', 'support at example', /^contact_email: expected an email address, got "support at example"$/],
    ['a bad token content type', 'auth.authorization_content_type', 'text/plain', /authorization_content_type: expected "application\/json" or "application\/x-www-form-urlencoded", got "text\/plain"/],
    ['a bad api.type', 'api.type', 'graphql', /^api\.type: expected "openapi", got "graphql"$/],
  ];
  for (const [name, path, value, message] of cases) {
    test(`flags ${name}`, () => {
      const drafts = checkManifestFields({ manifest: withField(path, value), ref: REF });
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ code: 'MANIFEST_INVALID', evidence: ['x1'], reproduce: REF.curl });
      expect(drafts[0]?.message).toMatch(message);
      expect(drafts[0]?.fix.length).toBeGreaterThan(10);
    });
  }

  test('severity review: an email address as legal_info_url is a warning (ChatGPT installs it); a missing one stays an error', () => {
    const email = checkManifestFields({ manifest: withField('legal_info_url', 'legal@example.com'), ref: REF });
    expect(email).toHaveLength(1);
    expect(email[0]).toMatchObject({ code: 'MANIFEST_INVALID', severity: 'warning', evidence: ['x1'] });
    expect(email[0]?.message).toContain('legal_info_url: expected an absolute http');
    expect(email[0]?.message).toContain('ChatGPT installs a plugin with this');
    expect(email[0]?.fix).toContain('https:// URL of your terms');
    const missing = checkManifestFields({ manifest: withField('legal_info_url', undefined), ref: REF });
    expect(missing[0]?.severity).toBeUndefined();
    // Other URL fields keep the catalog's error: no evidence that the host accepts them broken.
    expect(checkManifestFields({ manifest: withField('logo_url', 'logo@example.com'), ref: REF })[0]?.severity).toBeUndefined();
  });

  test('one draft per failing path', () => {
    const manifest = withField('logo_url', 'ftp://x');
    delete manifest['name_for_human'];
    const drafts = checkManifestFields({ manifest, ref: REF });
    expect(drafts.map((d) => d.message.split(':')[0])).toEqual(['name_for_human', 'logo_url']);
  });

  test('long values are clipped, token values never shown', () => {
    const long = checkManifestFields({ manifest: withField('logo_url', `javascript:${'a'.repeat(5000)}`), ref: REF });
    expect(long[0]?.message.length).toBeLessThan(250);
    expect(long[0]?.message).toContain('(5011 characters)');
    const token = checkManifestFields({ manifest: withField('auth.verification_tokens', { openai: 123456789 }), ref: REF });
    expect(token[0]?.message).toBe('auth.verification_tokens.openai: expected a string, got number (value hidden)');
  });

  test('a manifest that is not an object', () => {
    expect(checkManifestFields({ manifest: [1, 2], ref: REF })[0]?.message).toBe('(manifest): expected an object, got a list of 2');
  });
});

test.describe('MANIFEST_LIMITS (checkManifestLimits)', () => {
  test('a conformant manifest is within the limits', () => {
    expect(checkManifestLimits({ manifest: conformantManifest(), limits, ref: REF })).toEqual([]);
  });
  const cases: [string, string, string, RegExp][] = [
    ['a long name_for_human', 'name_for_human', 'Reference Todos Extended Suite', /^name_for_human is 30 characters .*; the host allows 20$/],
    ['a long name_for_model', 'name_for_model', 'a'.repeat(51), /^name_for_model is 51 characters/],
    ['a long description_for_human', 'description_for_human', 'x'.repeat(101), /^description_for_human is 101 characters .*allows 100$/],
    ['a long description_for_model', 'description_for_model', 'x'.repeat(8001), /^description_for_model is 8001 characters/],
    ['spaces in name_for_model', 'name_for_model', 'todo list', /^name_for_model "todo list" contains " "; only letters, digits and _ are allowed$/],
  ];
  for (const [name, field, value, message] of cases) {
    test(`flags ${name}`, () => {
      const drafts = checkManifestLimits({ manifest: withField(field, value), limits, ref: REF });
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ code: 'MANIFEST_LIMITS', evidence: ['x1'] });
      expect(drafts[0]?.message).toMatch(message);
    });
  }
  test('underscores and the exact limit pass; the limit comes from the profile', () => {
    expect(checkManifestLimits({ manifest: withField('name_for_human', 'x'.repeat(20)), limits, ref: REF })).toEqual([]);
    expect(checkManifestLimits({ manifest: withField('name_for_human', 'x'.repeat(25)), limits: { ...limits, nameForHumanChars: 50 }, ref: REF })).toEqual([]);
  });
  test('limits are checked even when the manifest is otherwise invalid', () => {
    expect(checkManifestLimits({ manifest: { name_for_human: 'x'.repeat(21) }, limits, ref: REF })).toHaveLength(1);
    expect(checkManifestLimits({ manifest: 'not an object', limits, ref: REF })).toEqual([]);
  });
});

test.describe('manifest response checks', () => {
  const url = 'https://example.com/.well-known/ai-plugin.json';
  const ok = response(200, '{}', { 'content-type': 'application/json; charset=utf-8' });
  const reachable: [string, FetchResult, RegExp][] = [
    ['a 404', { kind: 'response', outcome: outcome('x1', url, response(404, 'nope')), response: response(404, 'nope'), url }, /answered 404/],
    ['a network error', { kind: 'error', outcome: outcome('x1', url, { error: { kind: 'network', message: 'ECONNREFUSED' } }), url, error: { kind: 'network', message: 'ECONNREFUSED' } }, /failed: the connection to example.com:443 was refused: nothing listens on that port \(ECONNREFUSED/],
    ['a timeout', { kind: 'error', outcome: outcome('x1', url, { error: { kind: 'timeout', message: 't' } }), url, error: { kind: 'timeout', message: 't' } }, /within the host's 15 s limit/],
    ['a redirect off the root domain', { kind: 'redirect-off-root', outcome: outcome('x1', url, response(302, '')), url, location: 'https://evil.net/x', root: 'example.com' }, /redirected to https:\/\/evil\.net\/x, off the root domain example\.com/],
    ['a redirect loop', { kind: 'too-many-redirects', outcome: outcome('x1', url, response(302, '')), url, maxRedirects: 5 }, /after 5 redirects/],
  ];
  for (const [name, fetch, message] of reachable) {
    test(`MANIFEST_UNREACHABLE on ${name}`, () => {
      const drafts = checkManifestReachable({ fetch, ref: REF, timeoutMs: 15_000 });
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ code: 'MANIFEST_UNREACHABLE', evidence: ['x1'], reproduce: REF.curl });
      expect(drafts[0]?.message).toMatch(message);
    });
  }
  test('a 200 is reachable', () => {
    expect(checkManifestReachable({ fetch: { kind: 'response', outcome: outcome('x1', url, ok), response: ok, url }, ref: REF, timeoutMs: 15_000 })).toEqual([]);
  });

  test('MANIFEST_CONTENT_TYPE for text/plain, text/json and none; not for application/json with parameters', () => {
    expect(checkManifestContentType({ response: ok, ref: REF })).toEqual([]);
    expect(checkManifestContentType({ response: response(200, '{}', { 'content-type': 'Application/JSON' }), ref: REF })).toEqual([]);
    for (const type of ['text/plain', 'text/json']) {
      const drafts = checkManifestContentType({ response: response(200, '{}', { 'content-type': type }), ref: REF });
      expect(drafts).toMatchObject([{ code: 'MANIFEST_CONTENT_TYPE', message: `The manifest is served as "${type}", not application/json` }]);
    }
    expect(checkManifestContentType({ response: response(200, '{}'), ref: REF })[0]?.message).toMatch(/without a Content-Type/);
  });

  test('MANIFEST_NOT_JSON for broken JSON, HTML and a cut-off body; MANIFEST_INVALID for absurd depth', () => {
    const broken = response(200, '{"a":');
    expect(checkManifestIsJson({ parsed: parseJsonText(broken.body), response: broken, ref: REF })).toMatchObject([{ code: 'MANIFEST_NOT_JSON' }]);
    const html = response(200, '<!doctype html><html></html>');
    expect(checkManifestIsJson({ parsed: parseJsonText(html.body), response: html, ref: REF })[0]?.message).toMatch(/looks like an HTML page/);
    const cut = { ...response(200, '{"a":"'), truncated: true, bytes: 2_000_100 };
    expect(checkManifestIsJson({ parsed: parseJsonText(cut.body), response: cut, ref: REF })[0]?.message).toMatch(/larger than the 2,000,100 bytes/);
    const deepBody = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(checkManifestIsJson({ parsed: parseJsonText(deepBody), response: response(200, deepBody), ref: REF })).toMatchObject([
      { code: 'MANIFEST_INVALID', message: '(manifest): the JSON is nested more than 64 levels deep; a manifest is a flat object of a dozen fields' },
    ]);
    expect(checkManifestIsJson({ parsed: parseJsonText('{}'), response: ok, ref: REF })).toEqual([]);
  });
});

test.describe('domain and HTTPS checks', () => {
  test('MANIFEST_API_DOMAIN: another host is flagged, a subdomain is not', () => {
    expect(checkApiDomain({ apiUrl: 'https://api.example.com/openapi.yaml', rootDomain: 'example.com', ref: REF })).toEqual([]);
    const drafts = checkApiDomain({ apiUrl: 'https://cdn.other.net/openapi.yaml', rootDomain: 'example.com', ref: REF });
    expect(drafts).toMatchObject([{ code: 'MANIFEST_API_DOMAIN', evidence: ['x1'] }]);
    expect(drafts[0]?.message).toBe('api.url https://cdn.other.net/openapi.yaml is on cdn.other.net, not on the manifest root domain example.com or a subdomain of it');
  });

  test('MANIFEST_API_DOMAIN: localhost is not the 127.0.0.1 root', () => {
    expect(checkApiDomain({ apiUrl: 'http://localhost:4100/openapi.yaml', rootDomain: '127.0.0.1', ref: REF })).toHaveLength(1);
  });

  test('MANIFEST_NOT_HTTPS: error on public http, info on loopback, nothing on https', () => {
    expect(checkHttps({ urls: [{ field: 'api.url', url: 'https://example.com/openapi.yaml' }], ref: REF })).toEqual([]);
    const publicHttp = checkHttps({ urls: [{ field: 'auth.client_url', url: 'http://example.com/oauth' }], ref: REF });
    expect(publicHttp).toMatchObject([{ code: 'MANIFEST_NOT_HTTPS', message: 'auth.client_url http://example.com/oauth is plain http on example.com; the host only calls https:// URLs' }]);
    expect(publicHttp[0]?.severity).toBeUndefined();
    for (const url of ['http://127.0.0.1:4100/x', 'http://localhost:4100/x', 'http://[::1]:4100/x']) {
      expect(checkHttps({ urls: [{ field: 'api.url', url }], ref: REF })).toMatchObject([{ code: 'MANIFEST_NOT_HTTPS', severity: 'info' }]);
    }
  });

  test('MANIFEST_NOT_HTTPS: loopback URLs make one info note; each public http URL its own error', () => {
    const drafts = checkHttps({
      urls: [
        { field: 'manifest', url: 'http://127.0.0.1:4100/.well-known/ai-plugin.json' },
        { field: 'api.url', url: 'http://127.0.0.1:4100/openapi.yaml' },
        { field: 'auth.client_url', url: 'http://login.example.com/authorize' },
        { field: 'auth.authorization_url', url: 'http://login.example.com/token' },
      ],
      ref: REF,
    });
    expect(drafts.map((d) => d.severity ?? 'error')).toEqual(['error', 'error', 'info']);
    expect(drafts[2]?.message).toContain('manifest http://127.0.0.1:4100/.well-known/ai-plugin.json, api.url http://127.0.0.1:4100/openapi.yaml');
  });
});

test.describe('verification tokens', () => {
  test('VERIFICATION_TOKEN_MISSING for oauth and service_http without an openai token', () => {
    expect(checkVerificationTokenPresent({ auth: oauthAuth(), ref: REF })).toEqual([]);
    const missing = checkVerificationTokenPresent({ auth: oauthAuth({ verification_tokens: { other: 'x' } }), ref: REF });
    expect(missing).toMatchObject([{ code: 'VERIFICATION_TOKEN_MISSING', message: 'The oauth manifest has no auth.verification_tokens.openai (it has "other")' }]);
    const service = manifestAuthSchema.parse({ type: 'service_http', authorization_type: 'bearer' });
    expect(checkVerificationTokenPresent({ auth: service, ref: REF })).toMatchObject([{ code: 'VERIFICATION_TOKEN_MISSING' }]);
    expect(checkVerificationTokenPresent({ auth: { type: 'none' }, ref: REF })).toEqual([]);
    expect(checkVerificationTokenPresent({ auth: { type: 'user_http', authorization_type: 'bearer' }, ref: REF })).toEqual([]);
  });

  test('VERIFICATION_TOKEN_MISMATCH compares fingerprints and never shows either token', () => {
    expect(checkVerificationTokenMatches({ auth: oauthAuth(), expected: VERIFICATION_TOKEN, ref: REF })).toEqual([]);
    expect(checkVerificationTokenMatches({ auth: oauthAuth(), expected: undefined, ref: REF })).toEqual([]);
    const expected = 'issued-token-999999';
    const drafts = checkVerificationTokenMatches({ auth: oauthAuth(), expected, ref: REF });
    expect(drafts).toMatchObject([{ code: 'VERIFICATION_TOKEN_MISMATCH' }]);
    const text = `${drafts[0]?.message} ${drafts[0]?.fix}`;
    expect(text).not.toContain(VERIFICATION_TOKEN);
    expect(text).not.toContain(expected);
    expect(text).toContain(fingerprint(VERIFICATION_TOKEN));
    expect(text).toContain(fingerprint(expected));
  });
});

test.describe('hostile manifests', () => {
  test('a flood of bad verification tokens is capped and the keys clipped', () => {
    const tokens = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`${'k'.repeat(1000)}${i}`, i]));
    const drafts = checkManifestFields({ manifest: withField('auth.verification_tokens', tokens), ref: REF });
    expect(drafts).toHaveLength(21);
    expect(drafts[20]?.message).toBe('…and 480 more schema problems not listed separately');
    expect(Math.max(...drafts.map((d) => d.message.length))).toBeLessThan(300);
  });
});
