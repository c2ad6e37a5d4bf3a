import { expect, test } from '@playwright/test';
import { checkAuthUrlsNotSwapped, type UrlProbe } from '../../../mock-host/checks/discovery/auth-urls-swapped.ts';
import { checkManifestFields } from '../../../mock-host/checks/discovery/manifest-fields.ts';
import { checkManifestLimits } from '../../../mock-host/checks/discovery/manifest-limits.ts';
import { checkOpenApiLimits } from '../../../mock-host/checks/discovery/openapi-limits.ts';
import { checkOperationSecurity } from '../../../mock-host/checks/discovery/openapi-security.ts';
import { checkOpenApiServer } from '../../../mock-host/checks/discovery/openapi-servers.ts';
import type { OpenApiOperation, OpenApiSpec } from '../../../mock-host/plugin/openapi.ts';
import type { HttpResponse } from '../../../mock-host/recorder/exchange.ts';
import { conformantManifest, outcome, REF, response } from './fixtures.ts';

// The manifest-field, limit, OpenAPI and swapped-URL checks' whole drafts (issue 14): every fix, and the bounds.

const cite = { evidence: ['x1'], reproduce: REF.curl };
const SCHEMA_FIX = (path: string) => `Fix ${path} as the manifest schema requires (see mock-host/plugin/ai-plugin.schema.json).`;
const manifest = (over: Record<string, unknown>) => ({ ...conformantManifest('https://example.com'), ...over });
const fields = (over: Record<string, unknown>) => checkManifestFields({ manifest: manifest(over), ref: REF }).map(({ message, fix, severity }) => ({ message, fix, ...(severity ? { severity } : {}) }));

test.describe('MANIFEST_INVALID per field', () => {
  test('a whole draft, cited', () => {
    expect(checkManifestFields({ manifest: manifest({ schema_version: 'v2' }), ref: REF })).toEqual([
      { code: 'MANIFEST_INVALID', message: 'schema_version: expected "v1", got "v2"', fix: 'Set "schema_version": "v1".', ...cite },
    ]);
  });

  test('what was expected, by kind of schema problem, and the generic fix', () => {
    expect(fields({ name_for_human: '' })).toEqual([{ message: 'name_for_human: expected a non-empty string, got ""', fix: SCHEMA_FIX('name_for_human') }]);
    expect(fields({ name_for_human: 5 })).toEqual([{ message: 'name_for_human: expected a string, got 5', fix: SCHEMA_FIX('name_for_human') }]);
    expect(fields({ description_for_model: [1] })).toEqual([{ message: 'description_for_model: expected a string, got a list of 1', fix: SCHEMA_FIX('description_for_model') }]);
    expect(fields({ api: { type: 'openapi', url: 'https://example.com/o', is_user_authenticated: 'yes' } })).toEqual([
      { message: 'api.is_user_authenticated: expected true or false, got "yes"', fix: SCHEMA_FIX('api.is_user_authenticated') },
    ]);
    expect(fields({ auth: { ...(conformantManifest().auth as object), authorization_content_type: 'text/plain' } })).toEqual([
      {
        message: 'auth.authorization_content_type: expected "application/json" or "application/x-www-form-urlencoded", got "text/plain"',
        fix: 'Set it to "application/x-www-form-urlencoded" (RFC 6749) or "application/json", whichever your token endpoint reads.',
      },
    ]);
  });

  test('the fixes for URLs, the e-mail address, auth and the document itself', () => {
    expect(fields({ logo_url: 'file:///x' })).toEqual([
      { message: 'logo_url: expected an absolute http:// or https:// URL, got "file:///x"', fix: 'Set logo_url to an absolute https:// URL (file:, data: and javascript: URLs are refused).' },
    ]);
    expect(fields({ api: { type: 'openapi', url: 'nope', is_user_authenticated: false } })[0]?.fix).toBe('Set api.url to an absolute https:// URL (file:, data: and javascript: URLs are refused).');
    expect(fields({ contact_email: 'nope' })).toEqual([
      { message: 'contact_email: expected an email address, got "nope"', fix: 'Set contact_email to a mailbox the host operator can write to, e.g. "support@example.com".' },
    ]);
    const authFix = 'Set auth.type to one of "none", "user_http", "service_http" or "oauth", with that type\'s fields.';
    expect(fields({ auth: { type: 'weird' } })).toEqual([{ message: 'auth.type: expected auth.type "none", "user_http", "service_http" or "oauth", got "weird"', fix: authFix }]);
    expect(fields({ auth: 'x' })).toEqual([{ message: 'auth: expected auth.type "none", "user_http", "service_http" or "oauth", got "x"', fix: authFix }]);
    expect(checkManifestFields({ manifest: null, ref: REF })).toEqual([
      { code: 'MANIFEST_INVALID', message: '(manifest): expected an object, got null', fix: 'Serve a JSON object with the documented fields (see mock-host/plugin/ai-plugin.schema.json).', ...cite },
    ]);
  });

  test('a missing field says so; a verification token value is hidden', () => {
    const { name_for_model: _gone, ...rest } = conformantManifest('https://example.com');
    expect(checkManifestFields({ manifest: rest, ref: REF }).map((d) => d.message)).toEqual(['name_for_model: missing; expected a string']);
    expect(fields({ auth: { ...(conformantManifest().auth as object), verification_tokens: { openai: 5 } } })).toEqual([
      { message: 'auth.verification_tokens.openai: expected a string, got number (value hidden)', fix: SCHEMA_FIX('auth.verification_tokens.openai') },
    ]);
  });

  test('legal_info_url: a non-blank string is a warning (the host installs it); a blank one stays an error', () => {
    expect(fields({ legal_info_url: 'mailto:a@b' })).toEqual([
      {
        message:
          'legal_info_url: expected an absolute http:// or https:// URL, got "mailto:a@b". ChatGPT installs a plugin with this (its author did, with an email address here), so it is a warning: only the legal link users are shown is broken',
        fix: 'Set legal_info_url to the https:// URL of your terms or privacy page (a mailto: address belongs in contact_email).',
        severity: 'warning',
      },
    ]);
    const blank = fields({ legal_info_url: '  ' });
    expect(blank).toHaveLength(1);
    expect(blank[0]?.severity).toBeUndefined();
    expect(blank[0]?.message).toMatch(/^legal_info_url: expected an absolute http:\/\/ or https:\/\/ URL; expected a URL without spaces/);
    expect(blank[0]?.fix).toBe('Set legal_info_url to an absolute https:// URL (file:, data: and javascript: URLs are refused).');
    expect(fields({ logo_url: 'mailto:a@b' })[0]?.severity).toBeUndefined();
    expect(fields({ legal_info_url: 5 })).toEqual([{ message: 'legal_info_url: expected an absolute http:// or https:// URL, got 5', fix: 'Set legal_info_url to an absolute https:// URL (file:, data: and javascript: URLs are refused).' }]);
  });
});

test.describe('MANIFEST_LIMITS', () => {
  const limits = { nameForModelChars: 10, nameForHumanChars: 5, descriptionForHumanChars: 8, descriptionForModelChars: 12 };
  const limitsOf = (over: Record<string, unknown>, l = limits) => checkManifestLimits({ manifest: manifest(over), limits: l, ref: REF });
  const within = { name_for_model: 'a_b', name_for_human: 'Todos', description_for_human: '12345678', description_for_model: '123456789012' };

  test('at the limit passes; one over is reported whole, for each field with its own fix', () => {
    expect(limitsOf(within)).toEqual([]);
    expect(limitsOf({ name_for_model: 'abcdefghijk', name_for_human: 'Todos!', description_for_human: '123456789', description_for_model: '1234567890123' })).toEqual([
      { code: 'MANIFEST_LIMITS', message: 'name_for_model is 11 characters ("abcdefghijk"); the host allows 10', fix: 'Shorten it; the model sees it as the namespace of your operations. At most 10 characters.', ...cite },
      { code: 'MANIFEST_LIMITS', message: 'name_for_human is 6 characters ("Todos!"); the host allows 5', fix: 'Shorten it; the plugin store shows it under the logo. At most 5 characters.', ...cite },
      { code: 'MANIFEST_LIMITS', message: 'description_for_human is 9 characters ("123456789"); the host allows 8', fix: 'Shorten it to one sentence for the plugin store. At most 8 characters.', ...cite },
      { code: 'MANIFEST_LIMITS', message: 'description_for_model is 13 characters ("1234567890123"); the host allows 12', fix: 'Trim it; move details into the OpenAPI operation descriptions. At most 12 characters.', ...cite },
    ]);
  });

  test('characters are code points; a value is shown clipped at 40', () => {
    expect(limitsOf({ ...within, name_for_human: '😀😀😀😀😀' })).toEqual([]);
    expect(limitsOf({ ...within, description_for_model: 'x'.repeat(41) })[0]?.message).toBe(`description_for_model is 41 characters ("${'x'.repeat(40)}… (41 characters)"); the host allows 12`);
  });

  test('name_for_model with other characters: each listed once, and a suggestion within the limit', () => {
    expect(limitsOf({ ...within, name_for_model: 'my-todo list-' })).toEqual([
      { code: 'MANIFEST_LIMITS', message: 'name_for_model is 13 characters ("my-todo list-"); the host allows 10', fix: 'Shorten it; the model sees it as the namespace of your operations. At most 10 characters.', ...cite },
      { code: 'MANIFEST_LIMITS', message: 'name_for_model "my-todo list-" contains "-", " "; only letters, digits and _ are allowed', fix: 'Use letters, digits and underscores only, e.g. "my_todo_li".', ...cite },
    ]);
    expect(limitsOf({ ...within, name_for_model: '--' }, { ...limits, nameForModelChars: 0 }).at(-1)?.fix).toBe('Use letters, digits and underscores only, e.g. "my_plugin".');
    expect(limitsOf({ ...within, name_for_model: '' })).toEqual([]);
    expect(limitsOf({ ...within, name_for_model: 'a.b' }).map((d) => d.message)).toEqual(['name_for_model "a.b" contains "."; only letters, digits and _ are allowed']);
    const bad = limitsOf({ ...within, name_for_model: '!"#$%&\'()*+,' }, { ...limits, nameForModelChars: 50 });
    expect(bad[0]?.message).toBe('name_for_model "!\\"#$%&\'()*+," contains "!", "\\"", "#", "$", "%", "&", "\'", "(", ")", "*"; only letters, digits and _ are allowed');
  });

  test('fields that are not strings, or a manifest that is no object, are left to the schema check', () => {
    expect(limitsOf({ ...within, name_for_model: 5, name_for_human: ['x'.repeat(50)] })).toEqual([]);
    expect(checkManifestLimits({ manifest: null, limits, ref: REF })).toEqual([]);
    expect(checkManifestLimits({ manifest: Object.create({ name_for_human: 'inherited and long' }), limits, ref: REF })).toEqual([]);
  });
});

const op = (over: Partial<OpenApiOperation>): OpenApiOperation => ({
  operationId: 'listTodos',
  method: 'GET',
  path: '/todos',
  serverUrl: 'https://api.example.com',
  needsInput: false,
  requiresAuth: true,
  parameters: [],
  securitySource: 'global',
  ...over,
});
const spec = (operations: OpenApiOperation[], over: Partial<OpenApiSpec> = {}): OpenApiSpec => ({ version: '3.1.0', serverUrl: 'https://api.example.com', operations, ...over });

test.describe('OPENAPI_LIMITS', () => {
  const limits = { operationDescriptionChars: 5, parameterDescriptionChars: 3 };

  test('summary, description and parameter description, each whole with its fix; at the limit passes', () => {
    const drafts = checkOpenApiLimits({
      spec: spec([op({ summary: '123456', description: '12345', parameters: [{ name: 'q', in: 'query', required: false, description: '1234' }, { name: 'r', in: 'query', required: false, description: '123' }] }), op({ operationId: 'b', description: '123456' })]),
      limits,
      ref: REF,
    });
    expect(drafts).toEqual([
      { code: 'OPENAPI_LIMITS', message: 'the summary of listTodos (GET /todos) is 6 characters ("123456"); the host allows 5', fix: 'Shorten the summary. At most 5 characters; the host cuts or rejects longer text.', ...cite },
      {
        code: 'OPENAPI_LIMITS',
        message: 'the description of query parameter "q" of listTodos (GET /todos) is 4 characters ("1234"); the host allows 3',
        fix: 'Shorten the parameter description. At most 3 characters; the host cuts or rejects longer text.',
        ...cite,
      },
      {
        code: 'OPENAPI_LIMITS',
        message: 'the description of b (GET /todos) is 6 characters ("123456"); the host allows 5',
        fix: 'Shorten the description; put long guidance in description_for_model. At most 5 characters; the host cuts or rejects longer text.',
        ...cite,
      },
    ]);
  });

  test('names are clipped; code points counted; over 20 drafts folded', () => {
    const long = op({ operationId: 'o'.repeat(61), path: `/${'p'.repeat(60)}`, description: '😀😀😀😀😀😀' });
    expect(checkOpenApiLimits({ spec: spec([long]), limits, ref: REF })[0]?.message).toBe(
      `the description of ${'o'.repeat(60)}… (61 characters) (GET /${'p'.repeat(59)}… (61 characters)) is 6 characters ("😀😀😀😀😀😀"); the host allows 5`,
    );
    expect(checkOpenApiLimits({ spec: spec([op({ description: '😀😀😀😀😀' })]), limits, ref: REF })).toEqual([]);
    const many = checkOpenApiLimits({ spec: spec(Array.from({ length: 22 }, (_, i) => op({ operationId: `o${i}`, summary: '123456' }))), limits, ref: REF });
    expect(many.map((d) => d.message).slice(19)).toEqual(['the summary of o19 (GET /todos) is 6 characters ("123456"); the host allows 5', '…and 2 more descriptions over the limit not listed separately']);
  });
});

test.describe('OPENAPI_NO_SECURITY', () => {
  const FIX =
    'Declare the scheme in components.securitySchemes (type: oauth2 for OAuth) and add a top-level `security: [{ <scheme>: [] }]`; give operations that need no user `security: []` explicitly.';

  test('a whole draft; covered and explicitly opted-out operations are not listed', () => {
    const operations = [op({ requiresAuth: false, securitySource: 'none' }), op({ operationId: 'health', requiresAuth: false, securitySource: 'operation' }), op({ operationId: 'add', method: 'POST' })];
    expect(checkOperationSecurity({ spec: spec(operations), authType: 'oauth', required: true, ref: REF })).toEqual([
      { code: 'OPENAPI_NO_SECURITY', message: "1 of 3 operations have no security requirement, so the host calls them without the user's oauth token: listTodos (GET /todos)", fix: FIX, ...cite },
    ]);
  });

  test('ten names, then how many more; names clipped', () => {
    const uncovered = (n: number) => Array.from({ length: n }, (_, i) => op({ operationId: `o${i}`, requiresAuth: false, securitySource: 'none' }));
    const ten = checkOperationSecurity({ spec: spec(uncovered(10)), authType: 'service_http', required: true, ref: REF })[0]?.message;
    expect(ten).toBe(`10 of 10 operations have no security requirement, so the host calls them without the user's service_http token: ${Array.from({ length: 10 }, (_, i) => `o${i} (GET /todos)`).join(', ')}`);
    const twelve = checkOperationSecurity({ spec: spec(uncovered(12)), authType: 'oauth', required: true, ref: REF })[0]?.message;
    expect(twelve).toMatch(/^12 of 12 operations .*: o0 \(GET \/todos\), .*o9 \(GET \/todos\) and 2 more$/);
    const long = op({ operationId: 'o'.repeat(61), path: `/${'p'.repeat(60)}`, requiresAuth: false, securitySource: 'none' });
    expect(checkOperationSecurity({ spec: spec([long]), authType: 'oauth', required: true, ref: REF })[0]?.message).toMatch(/: o{60}… \(61 characters\) \(GET \/p{59}… \(61 characters\)\)$/);
  });
});

test.describe('OPENAPI_SERVER_MISMATCH', () => {
  test('whole, with the host it resolves to, or the URL when it has none', () => {
    expect(checkOpenApiServer({ spec: spec([], { declaredServerUrl: 'https://staging.other.net/v1', serverUrl: 'https://staging.other.net/v1' }), rootDomain: 'example.com', ref: REF })).toEqual([
      {
        code: 'OPENAPI_SERVER_MISMATCH',
        message: 'servers[0].url https://staging.other.net/v1 resolves to staging.other.net, not on the root domain example.com: every call would go there',
        fix: 'Set servers[0].url to your API on example.com (e.g. https://example.com), or generate it from the request host instead of hard-coding a staging or localhost URL.',
        ...cite,
      },
    ]);
    expect(checkOpenApiServer({ spec: spec([], { declaredServerUrl: '{base}', serverUrl: '{base}' }), rootDomain: 'example.com', ref: REF })[0]?.message).toBe(
      'servers[0].url {base} resolves to {base}, not on the root domain example.com: every call would go there',
    );
    expect(checkOpenApiServer({ spec: spec([], { serverUrl: 'https://other.net' }), rootDomain: 'example.com', ref: REF })).toEqual([]);
  });
});

test.describe('MANIFEST_AUTH_URLS_SWAPPED edges', () => {
  const html = { 'content-type': 'text/html' };
  const json = { 'content-type': 'application/json' };
  const probe = (id: string, url: string, res: HttpResponse | undefined, curl?: string): UrlProbe => ({
    url,
    outcome: res ? outcome(id, url, res) : outcome(id, url, { error: { kind: 'network', message: 'ECONNREFUSED' } }),
    ref: curl ? { id, curl } : { id },
  });
  const check = (client: HttpResponse | undefined, authorization: HttpResponse | undefined, curls: [string?, string?] = []) =>
    checkAuthUrlsNotSwapped({ clientUrl: probe('c', 'https://example.com/token', client, curls[0]), authorizationUrl: probe('a', 'https://example.com/authorize', authorization, curls[1]) });
  const FIX =
    'Swap the two values in ai-plugin.json: auth.client_url is the page users sign in on, auth.authorization_url the token endpoint the host POSTs the code to (now client_url=https://example.com/token, authorization_url=https://example.com/authorize).';

  test('a strong sign alone: the whole draft, reproduced by its one exchange', () => {
    expect(check(response(405, ''), undefined, ['curl c'])).toEqual([
      {
        code: 'MANIFEST_AUTH_URLS_SWAPPED',
        message: 'auth.client_url and auth.authorization_url look swapped: GET https://example.com/token (client_url) answered 405 Method Not Allowed, as a POST-only token endpoint does',
        fix: FIX,
        evidence: ['c'],
        reproduce: 'curl c',
      },
    ]);
    expect(check(response(405, ''), undefined)).toEqual([expect.not.objectContaining({ reproduce: expect.anything() })]);
  });

  test('two weak signs together: both shown, both cited, no reproduction', () => {
    expect(check(response(400, '{"error":"invalid_request","error_description":"missing code"}', json), response(404, '<p>no</p>', html), ['curl c', 'curl a'])).toEqual([
      {
        code: 'MANIFEST_AUTH_URLS_SWAPPED',
        message:
          'auth.client_url and auth.authorization_url look swapped: GET https://example.com/token (client_url) answered 400 JSON {"error":"invalid_request"} instead of a page for the browser; GET https://example.com/authorize (authorization_url) answered 404 with an HTML page, as an authorization endpoint does',
        fix: FIX,
        evidence: ['c', 'a'],
      },
    ]);
  });

  test('token-only errors are strong: by name, or grant_type in the error or its description', () => {
    for (const body of ['{"error":"invalid_grant"}', '{"error":"invalid_request","error_description":"grant_type is required"}', '{"error":"GRANT_TYPE_missing"}']) {
      expect(check(response(400, body, json), undefined)).toHaveLength(1);
    }
    expect(check(response(400, '{"error":"invalid_request"}', json), undefined)).toEqual([]);
    expect(check(response(400, '{"error":"invalid_request","error_description":"no"}', json), undefined)).toEqual([]);
    expect(check(response(400, `{"error":"invalid_grant${'x'.repeat(50)}"}`, json), response(404, '', html))[0]?.message).toContain(`{"error":"invalid_grant${'x'.repeat(27)}… (63 characters)"}`);
  });

  test('what is no token-endpoint sign: a success, a JSON status under 400, non-JSON, JSON without a string error, or an array', () => {
    const weakPage = response(404, '', html);
    for (const client of [
      response(200, '{"error":"invalid_grant"}', json),
      response(399, '{"error":"invalid_grant"}', json),
      response(400, '{"error":"invalid_grant"}', { 'content-type': 'text/plain' }),
      response(400, '{"error":7}', json),
      response(400, '["invalid_grant"]', json),
      response(400, 'null', json),
      response(400, 'not json', json),
    ]) {
      expect(check(client, weakPage)).toEqual([]);
    }
    expect(check(response(400, '{"error":"invalid_request"}', { 'content-type': 'application/problem+json' }), weakPage)).toHaveLength(1);
  });

  test('browser-page signs: a redirect to a sign-in path, a password field, a login form; only on a 200 page', () => {
    const msg = (authorization: HttpResponse) => check(undefined, authorization)[0]?.message;
    expect(msg(response(302, '', { location: 'https://idp.example/sign-in?x=1' }))).toBe(
      'auth.client_url and auth.authorization_url look swapped: GET https://example.com/authorize (authorization_url) redirected to the sign-in page https://idp.example/sign-in?x=1',
    );
    expect(msg(response(300, '', { location: '/login' }))).toContain('redirected to the sign-in page /login');
    expect(msg(response(399, '', { location: '/login' }))).toContain('redirected to the sign-in page /login');
    expect(check(undefined, response(400, '', { location: '/login' }))).toEqual([]);
    expect(check(undefined, response(302, '', { location: '/loginx' }))).toEqual([]);
    expect(check(undefined, response(302, '', {}))).toEqual([]);
    expect(msg(response(200, '<input name=p type=password>', html))).toBe(
      'auth.client_url and auth.authorization_url look swapped: GET https://example.com/authorize (authorization_url) answered an HTML page with a password field',
    );
    expect(msg(response(200, '<form action="/x"><label>Sign in</label></form>', html))).toBe(
      'auth.client_url and auth.authorization_url look swapped: GET https://example.com/authorize (authorization_url) answered an HTML login form',
    );
    expect(check(undefined, response(401, '<form><input type="password"></form>', html))).toEqual([]);
    expect(check(undefined, response(401, '<form action="/x"><label>Sign in</label></form>', html))).toEqual([]);
    expect(check(undefined, response(200, '<form><input type="password"></form>', { 'content-type': 'text/plain' }))).toEqual([]);
  });
});

test.describe('edges the first mutation run found', () => {
  test('a choice of several values is listed with "or"; a record key with _url inside is no URL field', () => {
    expect(fields({ auth: { type: 'user_http', authorization_type: 'digest' } })).toEqual([
      { message: 'auth.authorization_type: expected "bearer" or "basic", got "digest"', fix: SCHEMA_FIX('auth.authorization_type') },
    ]);
    expect(fields({ auth: { ...(conformantManifest().auth as object), verification_tokens: { openai: 'x', a_url_b: 5 } } })).toEqual([
      { message: 'auth.verification_tokens.a_url_b: expected a string, got number (value hidden)', fix: SCHEMA_FIX('auth.verification_tokens.a_url_b') },
    ]);
  });

  test('the name_for_model suggestion folds a run of other characters into one underscore', () => {
    const limits = { nameForModelChars: 50, nameForHumanChars: 50, descriptionForHumanChars: 500, descriptionForModelChars: 8000 };
    expect(checkManifestLimits({ manifest: manifest({ name_for_model: 'a--b' }), limits, ref: REF })[0]?.fix).toBe('Use letters, digits and underscores only, e.g. "a_b".');
  });

  test('a Location header outside a redirect is no sign; a non-string error_description is not read', () => {
    expect(checkAuthUrlsNotSwapped({
      clientUrl: { url: 'https://example.com/token', outcome: outcome('c', 'https://example.com/token', { error: { kind: 'network', message: 'x' } }), ref: { id: 'c' } },
      authorizationUrl: { url: 'https://example.com/authorize', outcome: outcome('a', 'https://example.com/authorize', response(200, '', { location: '/login' })), ref: { id: 'a' } },
    })).toEqual([]);
    const client = response(400, '{"error":"invalid_request","error_description":["grant_type missing"]}', { 'content-type': 'application/json' });
    expect(checkAuthUrlsNotSwapped({
      clientUrl: { url: 'https://example.com/token', outcome: outcome('c', 'https://example.com/token', client), ref: { id: 'c' } },
      authorizationUrl: { url: 'https://example.com/authorize', outcome: outcome('a', 'https://example.com/authorize', { error: { kind: 'network', message: 'x' } }), ref: { id: 'a' } },
    })).toEqual([]);
  });
});
