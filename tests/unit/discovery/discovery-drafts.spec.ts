import { expect, test } from '@playwright/test';
import { checkActionDomains } from '../../../mock-host/checks/discovery/action-domains.ts';
import { capDrafts, MAX_DRAFTS_PER_CHECK } from '../../../mock-host/checks/discovery/cap-drafts.ts';
import { describeFetchFailure } from '../../../mock-host/checks/discovery/fetch-failure.ts';
import { checkHttps } from '../../../mock-host/checks/discovery/https.ts';
import { checkApiDomain } from '../../../mock-host/checks/discovery/manifest-domains.ts';
import { checkManifestContentType, checkManifestIsJson, checkManifestReachable } from '../../../mock-host/checks/discovery/manifest-response.ts';
import { checkOpenApiReachable, checkOpenApiValid } from '../../../mock-host/checks/discovery/openapi-document.ts';
import { charCount, clipText, showValue } from '../../../mock-host/checks/discovery/show-value.ts';
import { checkVerificationTokenMatches, checkVerificationTokenPresent } from '../../../mock-host/checks/discovery/verification-token.ts';
import type { FindingDraft } from '../../../mock-host/findings/finding.ts';
import type { FetchResult } from '../../../mock-host/profiles/defaults/discovery/fetch-document.ts';
import { manifestAuthSchema } from '../../../mock-host/plugin/manifest-schema.ts';
import type { HttpOutcome } from '../../../mock-host/recorder/exchange.ts';
import { fingerprint } from '../../../mock-host/recorder/secrets.ts';
import { parseJsonText } from '../../../mock-host/text/structured-text.ts';
import { outcome, REF, response } from './fixtures.ts';

// The discovery checks' whole drafts (issue 14): each fix, each citation and the edges the checks turn on; the
// existing tests read mostly the messages.

const URL_ = 'https://example.com/.well-known/ai-plugin.json';
const cite = { evidence: ['x1'], reproduce: REF.curl };

const answered = (status: number, url = URL_): FetchResult => ({ kind: 'response', outcome: outcome('x1', url, response(status, '')), response: response(status, ''), url });
const errored = (error: NonNullable<HttpOutcome['error']>, url = URL_): FetchResult => ({ kind: 'error', outcome: outcome('x1', url, { error }), url, error });

test.describe('describeFetchFailure', () => {
  test('a 2xx is no failure; 199 and 300 are', () => {
    expect(describeFetchFailure(answered(200), 15_000)).toBeUndefined();
    expect(describeFetchFailure(answered(299), 15_000)).toBeUndefined();
    expect(describeFetchFailure(answered(199), 15_000)).toEqual({ reason: `GET ${URL_} answered 199`, fix: 'Serve the document with status 200 at exactly this URL.' });
    expect(describeFetchFailure(answered(300), 15_000)?.reason).toBe(`GET ${URL_} answered 300`);
  });

  test('each status has its fix', () => {
    const auth = 'Serve the document without authentication: the host fetches it with no credentials.';
    const redirect = 'Answer 200 with the document itself, or redirect with a Location header.';
    const other = 'Serve the document with status 200 at exactly this URL.';
    expect([401, 403, 300, 399, 400, 404, 500].map((s) => describeFetchFailure(answered(s), 15_000)?.fix)).toEqual([auth, auth, redirect, redirect, other, other, other]);
  });

  test('a timeout, an unusable URL and a network error, with the URL clipped', () => {
    expect(describeFetchFailure(errored({ kind: 'timeout', message: 't' }), 2_000)).toEqual({
      reason: `GET ${URL_} gave no complete answer within the host's 2 s limit`,
      fix: 'Serve the document statically (or cache it) so it arrives well within 2 s.',
    });
    expect(describeFetchFailure(errored({ kind: 'blocked-scheme', message: 'file: is not fetched' }, 'file:///etc/passwd'), 15_000)).toEqual({
      reason: 'file:///etc/passwd cannot be fetched: file: is not fetched',
      fix: 'Use an absolute https:// URL.',
    });
    expect(describeFetchFailure(errored({ kind: 'invalid-url', message: 'Invalid URL' }, 'nope'), 15_000)).toEqual({ reason: 'nope cannot be fetched: Invalid URL', fix: 'Use an absolute https:// URL.' });
    const long = `https://example.com/${'a'.repeat(100)}`;
    const message = `ECONNREFUSED: ${'x'.repeat(300)}`;
    expect(describeFetchFailure(errored({ kind: 'network', message }, long), 15_000)).toEqual({
      reason: `GET ${clipText(long)} failed: the connection to example.com:443 was refused: nothing listens on that port (${message.slice(0, 200)}… (314 characters))`,
      fix: 'Start the server on port 443 of example.com, or correct the port in the URL.',
    });
  });

  test('redirects off the root domain and redirect loops', () => {
    expect(describeFetchFailure({ kind: 'redirect-off-root', outcome: outcome('x1', URL_, response(302, '')), url: URL_, location: 'https://evil.net/x', root: 'example.com' }, 15_000)).toEqual({
      reason: `GET ${URL_} redirected to https://evil.net/x, off the root domain example.com`,
      fix: 'Serve the document on example.com itself; the host follows redirects only to subdomains of the root domain (or www to the apex).',
    });
    expect(describeFetchFailure({ kind: 'too-many-redirects', outcome: outcome('x1', URL_, response(302, '')), url: URL_, maxRedirects: 5 }, 15_000)).toEqual({
      reason: `GET ${URL_} is still redirecting after 5 redirects`,
      fix: 'Serve the document at the URL the host requests, or with a single redirect.',
    });
  });
});

test.describe('manifest and OpenAPI documents', () => {
  test('MANIFEST_UNREACHABLE and OPENAPI_UNREACHABLE carry the reason and its fix', () => {
    expect(checkManifestReachable({ fetch: answered(404), ref: REF, timeoutMs: 15_000 })).toEqual([
      { code: 'MANIFEST_UNREACHABLE', message: `The manifest cannot be fetched: GET ${URL_} answered 404`, fix: 'Serve the document with status 200 at exactly this URL.', ...cite },
    ]);
    expect(checkOpenApiReachable({ fetch: answered(401), ref: { id: 'x1' }, timeoutMs: 15_000 })).toEqual([
      {
        code: 'OPENAPI_UNREACHABLE',
        message: `The OpenAPI document cannot be fetched: GET ${URL_} answered 401`,
        fix: 'Serve the document without authentication: the host fetches it with no credentials.',
        evidence: ['x1'],
      },
    ]);
    expect(checkOpenApiReachable({ fetch: answered(200), ref: REF, timeoutMs: 15_000 })).toEqual([]);
  });

  test('OPENAPI_INVALID, whole', () => {
    expect(checkOpenApiValid({ result: { ok: false, reason: 'no paths' }, url: 'https://example.com/openapi.yaml', ref: REF })).toEqual([
      {
        code: 'OPENAPI_INVALID',
        message: 'The OpenAPI document at https://example.com/openapi.yaml is unusable: no paths',
        fix: 'Serve a valid OpenAPI 3.0/3.1 document (JSON or YAML) with at least one operation; check it with an OpenAPI validator such as `npx @redocly/cli lint`.',
        ...cite,
      },
    ]);
  });

  test('MANIFEST_CONTENT_TYPE, whole, with the declared type clipped', () => {
    const fix = 'Send "Content-Type: application/json" with /.well-known/ai-plugin.json (for static hosting, map .json files to application/json).';
    expect(checkManifestContentType({ response: response(200, '{}', { 'content-type': 'text/plain' }), ref: REF })).toEqual([
      { code: 'MANIFEST_CONTENT_TYPE', message: 'The manifest is served as "text/plain", not application/json', fix, ...cite },
    ]);
    expect(checkManifestContentType({ response: response(200, '{}'), ref: REF })).toEqual([{ code: 'MANIFEST_CONTENT_TYPE', message: 'The manifest is served without a Content-Type header', fix, ...cite }]);
    const long = `text/${'x'.repeat(100)}`;
    expect(checkManifestContentType({ response: response(200, '{}', { 'content-type': long }), ref: REF })[0]?.message).toBe(`The manifest is served as "${clipText(long)}", not application/json`);
  });

  test('MANIFEST_NOT_JSON: a cut body, an HTML page (after whitespace) and broken JSON each with their fix', () => {
    const cut = { ...response(200, '{}'), truncated: true, bytes: 2_000_100 };
    expect(checkManifestIsJson({ parsed: parseJsonText('{}'), response: cut, ref: REF })).toEqual([
      {
        code: 'MANIFEST_NOT_JSON',
        message: 'The manifest is larger than the 2,000,100 bytes the host reads, so it cannot be parsed',
        fix: 'Serve the small JSON manifest itself at /.well-known/ai-plugin.json (a few kilobytes), not a page or an archive.',
        ...cite,
      },
    ]);
    const html = response(200, '  \n<html><body>login</body></html>');
    const parsedHtml = parseJsonText(html.body);
    const htmlReason = parsedHtml.ok ? '' : parsedHtml.reason;
    expect(checkManifestIsJson({ parsed: parsedHtml, response: html, ref: REF })).toEqual([
      {
        code: 'MANIFEST_NOT_JSON',
        message: `The manifest body does not parse as JSON (${htmlReason}); it looks like an HTML page`,
        fix: 'Serve the JSON file at /.well-known/ai-plugin.json; an HTML page there usually means a SPA fallback route or a login wall catches the path.',
        ...cite,
      },
    ]);
    const broken = response(200, '{"a":1,}');
    const parsedBroken = parseJsonText(broken.body);
    const brokenReason = parsedBroken.ok ? '' : parsedBroken.reason;
    expect(checkManifestIsJson({ parsed: parsedBroken, response: broken, ref: REF })).toEqual([
      {
        code: 'MANIFEST_NOT_JSON',
        message: `The manifest body does not parse as JSON (${brokenReason})`,
        fix: 'Fix the JSON syntax (no comments, no trailing commas, double-quoted keys); `node -e "JSON.parse(require(\'fs\').readFileSync(\'ai-plugin.json\',\'utf8\'))"` shows the position.',
        ...cite,
      },
    ]);
  });

  test('MANIFEST_INVALID for JSON too deep, with its fix', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect(checkManifestIsJson({ parsed: parseJsonText(deep), response: response(200, deep), ref: REF })).toEqual([
      {
        code: 'MANIFEST_INVALID',
        message: '(manifest): the JSON is nested more than 64 levels deep; a manifest is a flat object of a dozen fields',
        fix: 'Serve the documented manifest fields only (see mock-host/plugin/ai-plugin.schema.json).',
        ...cite,
      },
    ]);
  });
});

test.describe('MANIFEST_NOT_HTTPS', () => {
  test('each public http URL has its own error with its fix; https, in any case, passes', () => {
    expect(
      checkHttps({
        urls: [
          { field: 'api.url', url: 'HTTP://Example.com/openapi.yaml' },
          { field: 'logo_url', url: 'https://example.com/logo.png' },
          { field: 'auth.client_url', url: 'http://auth.example.com/oauth' },
        ],
        ref: REF,
      }),
    ).toEqual([
      {
        code: 'MANIFEST_NOT_HTTPS',
        message: 'api.url HTTP://Example.com/openapi.yaml is plain http on example.com; the host only calls https:// URLs',
        fix: 'Serve api.url over https:// with a certificate from a public CA (TLS 1.2+ on port 443) and update the URL.',
        ...cite,
      },
      {
        code: 'MANIFEST_NOT_HTTPS',
        message: 'auth.client_url http://auth.example.com/oauth is plain http on auth.example.com; the host only calls https:// URLs',
        fix: 'Serve auth.client_url over https:// with a certificate from a public CA (TLS 1.2+ on port 443) and update the URL.',
        ...cite,
      },
    ]);
  });

  test('loopback URLs: one info note listing them', () => {
    expect(checkHttps({ urls: [{ field: 'manifest', url: 'http://localhost:4100/m' }, { field: 'api.url', url: 'http://127.0.0.1:4100/o' }], ref: { id: 'x1' } })).toEqual([
      {
        code: 'MANIFEST_NOT_HTTPS',
        severity: 'info',
        message: 'plain http on loopback, accepted for local development only: manifest http://localhost:4100/m, api.url http://127.0.0.1:4100/o',
        fix: 'Fine for local runs; deploy behind https:// with a public certificate before installing in the real host.',
        evidence: ['x1'],
      },
    ]);
    expect(checkHttps({ urls: [], ref: REF })).toEqual([]);
  });

  test('only a URL that starts with http: is plain http', () => {
    expect(checkHttps({ urls: [{ field: 'api.url', url: 'https://example.com/o?next=http://other.example' }], ref: REF })).toEqual([]);
  });

  test('an http URL without a host is public, shown with an empty host', () => {
    expect(checkHttps({ urls: [{ field: 'api.url', url: 'http:' }], ref: REF })[0]).toMatchObject({ message: 'api.url http: is plain http on ; the host only calls https:// URLs' });
  });
});

test.describe('MANIFEST_API_DOMAIN', () => {
  test('whole, and an api.url without a host', () => {
    expect(checkApiDomain({ apiUrl: 'https://cdn.other.net/openapi.yaml', rootDomain: 'example.com', ref: REF })).toEqual([
      {
        code: 'MANIFEST_API_DOMAIN',
        message: 'api.url https://cdn.other.net/openapi.yaml is on cdn.other.net, not on the manifest root domain example.com or a subdomain of it',
        fix: 'Serve the OpenAPI document from example.com (or a subdomain such as api.example.com) and point api.url there.',
        ...cite,
      },
    ]);
    expect(checkApiDomain({ apiUrl: 'openapi.yaml', rootDomain: 'example.com', ref: REF })[0]?.message).toBe(
      'api.url openapi.yaml is on no host, not on the manifest root domain example.com or a subdomain of it',
    );
  });
});

test.describe('ACTION_DOMAIN_MISMATCH', () => {
  const rule = { required: true, exemptDomains: ['google.com', 'microsoftonline.com'] };

  test('each URL off the API root, whole, with the exempt domains listed', () => {
    const drafts = checkActionDomains({ authorizeUrl: 'https://login.other.net/authorize', tokenUrl: 'https://tenant.auth0.com/oauth/token', apiUrl: 'https://api.example.com/v1', rule, ref: REF });
    const fix = 'Serve the OAuth endpoints under example.com (e.g. a proxy at auth.example.com in front of your identity provider), or use an exempt provider domain (google.com, microsoftonline.com).';
    expect(drafts).toEqual([
      {
        code: 'ACTION_DOMAIN_MISMATCH',
        message: 'Authorization URL https://login.other.net/authorize is on other.net, but the API host api.example.com is on example.com; the GPT editor refuses this ("must share a root domain")',
        fix,
        ...cite,
      },
      {
        code: 'ACTION_DOMAIN_MISMATCH',
        message: 'Token URL https://tenant.auth0.com/oauth/token is on auth0.com, but the API host api.example.com is on example.com; the GPT editor refuses this ("must share a root domain")',
        fix,
        ...cite,
      },
    ]);
  });

  test('an exempt domain or a URL without a host is skipped, the other still judged; no API host, nothing judged', () => {
    expect(checkActionDomains({ authorizeUrl: 'https://accounts.google.com/auth', tokenUrl: 'https://b.other.net/token', apiUrl: 'https://api.example.com', rule, ref: REF }).map((d) => d.message.split(' ')[0])).toEqual(['Token']);
    expect(checkActionDomains({ authorizeUrl: 'not a url', tokenUrl: 'https://b.other.net/token', apiUrl: 'https://api.example.com', rule, ref: REF })).toHaveLength(1);
    expect(checkActionDomains({ authorizeUrl: 'https://a.other.net/', tokenUrl: 'https://b.other.net/', apiUrl: 'not a url', rule, ref: REF })).toEqual([]);
  });
});

test.describe('verification tokens', () => {
  const auth = (over: Record<string, unknown>) =>
    manifestAuthSchema.parse({ type: 'oauth', client_url: 'https://example.com/a', scope: '', authorization_url: 'https://example.com/t', authorization_content_type: 'application/json', ...over });

  test('VERIFICATION_TOKEN_MISSING, whole, for oauth and service_http', () => {
    expect(checkVerificationTokenPresent({ auth: auth({}), ref: REF })).toEqual([
      {
        code: 'VERIFICATION_TOKEN_MISSING',
        message: 'The oauth manifest has no auth.verification_tokens.openai',
        fix: 'Enter your OAuth client id and secret in the host, copy the verification token it shows into auth.verification_tokens.openai, then verify again.',
        ...cite,
      },
    ]);
    const service = manifestAuthSchema.parse({ type: 'service_http', authorization_type: 'bearer', verification_tokens: { other: 'a', more: 'b' } });
    expect(checkVerificationTokenPresent({ auth: service, ref: REF })).toEqual([
      {
        code: 'VERIFICATION_TOKEN_MISSING',
        message: 'The service_http manifest has no auth.verification_tokens.openai (it has "other", "more")',
        fix: 'Enter your service token in the host, copy the verification token it shows into auth.verification_tokens.openai, then verify again.',
        ...cite,
      },
    ]);
  });

  test('VERIFICATION_TOKEN_MISMATCH, whole, in fingerprints; nothing to compare without a token in the manifest', () => {
    expect(checkVerificationTokenMatches({ auth: auth({ verification_tokens: { openai: 'tok-in-manifest' } }), expected: 'tok-configured', ref: REF })).toEqual([
      {
        code: 'VERIFICATION_TOKEN_MISMATCH',
        message: `auth.verification_tokens.openai is ${fingerprint('tok-in-manifest')}, but the configured PLUGIN_VERIFICATION_TOKEN is ${fingerprint('tok-configured')}`,
        fix: 'Copy the verification token the host issued most recently (re-entering client credentials issues a new one) into auth.verification_tokens.openai, or update PLUGIN_VERIFICATION_TOKEN.',
        ...cite,
      },
    ]);
    expect(checkVerificationTokenMatches({ auth: auth({}), expected: 'tok-configured', ref: REF })).toEqual([]);
    expect(checkVerificationTokenMatches({ auth: manifestAuthSchema.parse({ type: 'none' }), expected: 'tok-configured', ref: REF })).toEqual([]);
    // user_http carries no verification token the host reads, even when the manifest lists one.
    const userHttp = manifestAuthSchema.parse({ type: 'user_http', authorization_type: 'bearer', verification_tokens: { openai: 'tok-in-manifest' } });
    expect(checkVerificationTokenMatches({ auth: userHttp, expected: 'tok-configured', ref: REF })).toEqual([]);
    const service = manifestAuthSchema.parse({ type: 'service_http', authorization_type: 'bearer', verification_tokens: { openai: 'tok-in-manifest' } });
    expect(checkVerificationTokenMatches({ auth: service, expected: 'tok-configured', ref: REF })).toHaveLength(1);
    expect(checkVerificationTokenMatches({ auth: auth({ verification_tokens: { openai: 'tok' } }), expected: '', ref: REF })).toEqual([]);
  });
});

test.describe('show-value and cap-drafts', () => {
  test('clipText: up to the limit as it is, past it clipped with the length', () => {
    expect(clipText('a'.repeat(80))).toBe('a'.repeat(80));
    expect(clipText('a'.repeat(81))).toBe(`${'a'.repeat(80)}… (81 characters)`);
    expect(clipText('abcdef', 3)).toBe('abc… (6 characters)');
  });

  test('showValue names every kind of value', () => {
    expect(showValue(undefined)).toBe('nothing');
    expect(showValue(null)).toBe('null');
    expect(showValue('x'.repeat(5), 3)).toBe('"xxx… (5 characters)"');
    expect(showValue(7)).toBe('7');
    expect(showValue(true)).toBe('true');
    expect(showValue([1, 2, 3])).toBe('a list of 3');
    expect(showValue({ a: 1 })).toBe('an object');
    expect(showValue(() => 1)).toBe('function');
  });

  test('charCount counts code points', () => {
    expect(charCount('')).toBe(0);
    expect(charCount('a😀b')).toBe(3);
  });

  test('capDrafts keeps up to the cap as it is and folds the rest into one draft', () => {
    const drafts = (n: number): FindingDraft[] => Array.from({ length: n }, (_, i) => ({ code: 'MANIFEST_INVALID', message: `m${i}`, fix: `f${i}`, evidence: [`x${i}`] }));
    expect(MAX_DRAFTS_PER_CHECK).toBe(20);
    expect(capDrafts(drafts(20), 'things')).toEqual(drafts(20));
    expect(capDrafts(drafts(3), 'things', 2)).toEqual([...drafts(2), { code: 'MANIFEST_INVALID', message: '…and 1 more things not listed separately', fix: 'f2', evidence: ['x2'] }]);
    const many = capDrafts(drafts(25), 'things');
    expect(many).toHaveLength(21);
    expect(many[20]).toEqual({ code: 'MANIFEST_INVALID', message: '…and 5 more things not listed separately', fix: 'f20', evidence: ['x20'] });
  });
});
