import { expect, test } from '@playwright/test';
import { checkAccessTokenMissing } from '../../../mock-host/checks/token/access-token-missing.ts';
import { checkTokenAudience } from '../../../mock-host/checks/token/audience.ts';
import { checkTokenEndpointFast } from '../../../mock-host/checks/token/endpoint-slow.ts';
import { checkEndpointUnreachable } from '../../../mock-host/checks/token/endpoint-unreachable.ts';
import { checkErrorNotRfc6749 } from '../../../mock-host/checks/token/error-not-rfc6749.ts';
import { checkErrorWith200 } from '../../../mock-host/checks/token/error-with-200.ts';
import { checkExpiresInNotNumber } from '../../../mock-host/checks/token/expires-in-not-number.ts';
import { checkFieldsNonstandard } from '../../../mock-host/checks/token/fields-nonstandard.ts';
import { checkNoExpiry } from '../../../mock-host/checks/token/no-expiry.ts';
import { checkRefreshTokenMissing } from '../../../mock-host/checks/token/refresh-token-missing.ts';
import { checkTokenResponseNotCacheable } from '../../../mock-host/checks/token/response-cacheable.ts';
import { checkResponseNotJson } from '../../../mock-host/checks/token/response-not-json.ts';
import { describeValue, listFields } from '../../../mock-host/checks/token/token-draft.ts';
import { checkTokenTypeMissing } from '../../../mock-host/checks/token/token-type-missing.ts';
import { checkTokenTypeNotBearer } from '../../../mock-host/checks/token/token-type-not-bearer.ts';
import type { ProviderId } from '../../../mock-host/model/provider-id.ts';
import { gatherTokenFacts, type TokenResponseFacts } from '../../../mock-host/oauth/token-facts.ts';
import type { HttpOutcome } from '../../../mock-host/recorder/exchange.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

// The §3 token checks' whole drafts, on facts gathered from a recorded answer the way the engine gathers them
// (issue 14: the exchange tests assert codes; these pin each message, fix and citation, and the edges they turn on).

const TOKEN_URL = 'https://auth.example/oauth/token';
const REQUEST = { method: 'POST', url: TOKEN_URL, phase: 'token', label: 'exchange code', timeoutMs: 15_000, maxBodyBytes: 100_000 } as const;

interface Answer {
  status?: number;
  body: string | Record<string, unknown> | unknown[];
  headers?: Record<string, string>;
  durationMs?: number;
  truncated?: boolean;
}

interface Ctx {
  grant?: 'authorization_code' | 'refresh_token';
  provider?: ProviderId;
  resource?: string;
}

function facts(answer: Answer, ctx: Ctx = {}): TokenResponseFacts {
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const headers = answer.headers ?? { 'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json', 'cache-control': 'no-store' };
  const outcome: HttpOutcome = {
    exchangeId: 'x1',
    request: REQUEST,
    response: { status: answer.status ?? 200, headers, body, truncated: answer.truncated ?? false, bytes: body.length, durationMs: answer.durationMs ?? 40 },
  };
  return gatherTokenFacts(outcome, { grant: ctx.grant ?? 'authorization_code', secrets: new SecretRegistry(), ...(ctx.provider ? { provider: ctx.provider } : {}), ...(ctx.resource ? { resource: ctx.resource } : {}) });
}

function failed(error: { kind: 'timeout' | 'network' | 'invalid-url' | 'blocked-scheme'; message: string }, url = TOKEN_URL, grant: Ctx['grant'] = 'authorization_code'): TokenResponseFacts {
  return gatherTokenFacts({ exchangeId: 'x1', request: { ...REQUEST, url }, error }, { grant: grant ?? 'authorization_code', secrets: new SecretRegistry() });
}

const GOOD = { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600, refresh_token: 'rt-1' };

/** The one draft a check gives, with the citation every token draft carries checked against the facts. */
function only(drafts: readonly { code: string; message: string; fix: string; evidence?: string[]; reproduce?: string }[], f: TokenResponseFacts) {
  expect(drafts).toHaveLength(1);
  const [d] = drafts;
  expect(d?.evidence).toEqual(['x1']);
  expect(d?.reproduce).toBe(f.reproduce);
  expect(f.reproduce).toContain(f.endpoint);
  return { code: d?.code, message: d?.message, fix: d?.fix };
}

test.describe('token-draft helpers', () => {
  test('describeValue: null, short and long strings, numbers, booleans, lists and objects', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue('a'.repeat(40))).toBe(`the string "${'a'.repeat(40)}"`);
    expect(describeValue('a'.repeat(41))).toBe('a 41-character string');
    expect(describeValue(3600)).toBe('3600');
    expect(describeValue(false)).toBe('false');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue({})).toBe('a object');
    expect(describeValue(undefined)).toBe('a undefined');
  });

  test('listFields: none, up to 20 names, then an ellipsis', () => {
    expect(listFields(undefined)).toBe('none');
    expect(listFields({})).toBe('none');
    const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, i]));
    expect(listFields(twenty)).toBe(Object.keys(twenty).join(', '));
    expect(listFields({ ...twenty, f20: 20 })).toBe(`${Object.keys(twenty).join(', ')}, …`);
  });
});

test.describe('TOKEN_ENDPOINT_UNREACHABLE', () => {
  test('a diagnosed cause: its diagnosis with the error, and its fix', () => {
    const f = failed({ kind: 'network', message: 'ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:443' });
    expect(only(checkEndpointUnreachable(f), f)).toEqual({
      code: 'TOKEN_ENDPOINT_UNREACHABLE',
      message: `POST ${TOKEN_URL} (code exchange) got no answer: the connection to auth.example:443 was refused: nothing listens on that port (ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:443)`,
      fix: 'Start the server on port 443 of auth.example, or correct the port in the URL. The sign-in fails until the host can reach the token endpoint.',
    });
  });

  test('a timeout or an undiagnosed error: the kind and message, and the generic fix with the bound', () => {
    const t = failed({ kind: 'timeout', message: 'no answer in 15000 ms' }, TOKEN_URL, 'refresh_token');
    expect(only(checkEndpointUnreachable(t), t)).toEqual({
      code: 'TOKEN_ENDPOINT_UNREACHABLE',
      message: `POST ${TOKEN_URL} (refresh) got no answer: timeout: no answer in 15000 ms`,
      fix: 'Make the token endpoint reachable from the public internet over HTTPS (valid certificate, port 443) and answer within 15 s: the host gives up after that and the sign-in fails.',
    });
    const o = failed({ kind: 'network', message: 'EHOSTUNREACH' });
    expect(checkEndpointUnreachable(o)[0]?.message).toBe(`POST ${TOKEN_URL} (code exchange) got no answer: network: EHOSTUNREACH`);
  });

  test('an unusable URL: the URL fix, whichever way it is unusable', () => {
    const fix = 'Set the token endpoint (manifest authorization_url / GPT "Token URL") to an absolute https:// URL.';
    const invalid = failed({ kind: 'invalid-url', message: 'Invalid URL' }, 'auth.example/token');
    expect(only(checkEndpointUnreachable(invalid), invalid)).toEqual({ code: 'TOKEN_ENDPOINT_UNREACHABLE', message: 'POST auth.example/token (code exchange) got no answer: invalid-url: Invalid URL', fix });
    const blocked = failed({ kind: 'blocked-scheme', message: 'file: is not fetched' }, 'file:///etc/passwd');
    expect(checkEndpointUnreachable(blocked)[0]?.fix).toBe(fix);
  });

  test('an answer, whatever it is, is not this finding', () => {
    expect(checkEndpointUnreachable(facts({ status: 500, body: 'boom' }))).toEqual([]);
  });
});

test.describe('TOKEN_RESPONSE_NOT_JSON', () => {
  const FIX = 'Answer with Content-Type: application/json and a JSON object holding access_token, token_type, expires_in and refresh_token (RFC 6749 §5.1).';

  test('a form body holding the token: the host cannot read it', () => {
    const f = facts({ body: 'access_token=at-1&token_type=bearer', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(only(checkResponseNotJson(f), f)).toEqual({
      code: 'TOKEN_RESPONSE_NOT_JSON',
      message:
        'the code exchange got HTTP 200 (Content-Type application/x-www-form-urlencoded) with a form-encoded body (fields: access_token, token_type): the access token is in it, but the host parses token responses as JSON only, so it cannot read the token',
      fix: FIX,
    });
  });

  test('GitHub gets the proxy advice; a cut body says where it was cut; no token says so', () => {
    const f = facts({ body: '<html><title>Oops</title></html>', headers: { 'content-type': 'text/html' }, truncated: true }, { provider: 'github', grant: 'refresh_token' });
    expect(only(checkResponseNotJson(f), f)).toEqual({
      code: 'TOKEN_RESPONSE_NOT_JSON',
      message: 'the refresh got HTTP 200 (Content-Type text/html) with an HTML page ("Oops") (cut at 100000 bytes, the host\'s limit): the host parses token responses as JSON only, so it cannot read it',
      fix: `${FIX} GitHub answers form-encoded unless asked for JSON: put a small token proxy on your domain that answers JSON.`,
    });
    expect(checkResponseNotJson(facts({ body: '', headers: {} }))[0]?.message).toBe(
      'the code exchange got HTTP 200 (no Content-Type) with an empty body: the host parses token responses as JSON only, so it cannot read it',
    );
  });

  test('JSON, or an error status, is not this finding', () => {
    expect(checkResponseNotJson(facts({ body: GOOD }))).toEqual([]);
    expect(checkResponseNotJson(facts({ status: 400, body: 'bad' }))).toEqual([]);
    expect(checkResponseNotJson(failed({ kind: 'timeout', message: 't' }))).toEqual([]);
  });
});

test.describe('TOKEN_ERROR_WITH_200', () => {
  test('the indicators and the description, no proxy advice for an unknown provider', () => {
    const f = facts({ body: { error: 'bad_verification_code', error_description: 'The code is wrong' } });
    expect(only(checkErrorWith200(f), f)).toEqual({
      code: 'TOKEN_ERROR_WITH_200',
      message:
        'the code exchange got HTTP 200 (Content-Type application/json) whose body reports an error (error="bad_verification_code"; description: "The code is wrong") and no access_token: the status says success, so the host looks for a token, finds none and the sign-in fails without the reason',
      fix: 'Answer token errors with HTTP 400 (401 for invalid_client) and a JSON body {"error": "...", "error_description": "..."} as RFC 6749 §5.2 requires.',
    });
  });

  test('GitHub and Slack do it by design: the proxy advice names them; no description, none shown', () => {
    const slack = checkErrorWith200(facts({ body: { ok: false } }, { provider: 'slack', grant: 'refresh_token' }))[0];
    expect(slack?.message).toBe(
      'the refresh got HTTP 200 (Content-Type application/json) whose body reports an error (ok:false) and no access_token: the status says success, so the host looks for a token, finds none and the sign-in fails without the reason',
    );
    expect(slack?.fix).toMatch(/requires\. Slack does this by design: put a token proxy on your domain that turns these answers into 400 errors\.$/);
    expect(checkErrorWith200(facts({ body: { error: 'x' } }, { provider: 'github' }))[0]?.fix).toMatch(/requires\. GitHub does this by design/);
    expect(checkErrorWith200(facts({ body: { error: 'x' } }, { provider: 'google' }))[0]?.fix).toMatch(/requires\.$/);
  });

  test('a usable token, an error status or no signal is not this finding', () => {
    expect(checkErrorWith200(facts({ body: { ...GOOD, error: 'odd' } }))).toEqual([]);
    expect(checkErrorWith200(facts({ status: 400, body: { error: 'invalid_grant' } }))).toEqual([]);
    expect(checkErrorWith200(facts({ body: { hello: 'world' } }))).toEqual([]);
  });
});

test.describe('TOKEN_ERROR_NOT_RFC6749', () => {
  const FIX =
    'Answer refused token requests with HTTP 400 (401 for a failed client authentication) and Content-Type: application/json {"error": "invalid_grant" | "invalid_client" | "invalid_request" | ..., "error_description": "..."} (RFC 6749 §5.2); a bad code or refresh token must never cause a 5xx.';

  test('a 5xx with plain text: both problems', () => {
    const f = facts({ status: 500, body: 'Internal error' });
    expect(only(checkErrorNotRfc6749(f), f)).toEqual({
      code: 'TOKEN_ERROR_NOT_RFC6749',
      message: 'the code exchange was refused with HTTP 500 (Content-Type text/plain): status 500 instead of 400/401; plain text instead of JSON',
      fix: FIX,
    });
  });

  test('a redirect names its target, or not; JSON without a string error lists its fields', () => {
    expect(checkErrorNotRfc6749(facts({ status: 302, body: '', headers: { location: 'https://auth.example/login' } }))[0]?.message).toBe(
      'the code exchange was refused with HTTP 302 (no Content-Type): status 302 redirect to https://auth.example/login; an empty body instead of JSON',
    );
    expect(checkErrorNotRfc6749(facts({ status: 300, body: { error: 'x' } }, { grant: 'refresh_token' }))[0]?.message).toBe(
      'the refresh was refused with HTTP 300 (Content-Type application/json): status 300 redirect',
    );
    expect(checkErrorNotRfc6749(facts({ status: 399, body: { error: 'x' } }))[0]?.message).toContain('status 399 redirect');
    expect(checkErrorNotRfc6749(facts({ status: 400, body: { message: 'no', code: 7 } }))[0]?.message).toBe(
      'the code exchange was refused with HTTP 400 (Content-Type application/json): a JSON body without a string "error" field (fields: message, code)',
    );
    expect(checkErrorNotRfc6749(facts({ status: 403, body: { error: 'access_denied' } }))[0]?.message).toBe(
      'the code exchange was refused with HTTP 403 (Content-Type application/json): status 403 instead of 400/401',
    );
  });

  test('400 or 401 with an RFC 6749 body, 429, a 2xx and no answer are not this finding', () => {
    expect(checkErrorNotRfc6749(facts({ status: 400, body: { error: 'invalid_grant' } }))).toEqual([]);
    expect(checkErrorNotRfc6749(facts({ status: 401, body: { error: 'invalid_client' } }))).toEqual([]);
    expect(checkErrorNotRfc6749(facts({ status: 429, body: 'slow down' }))).toEqual([]);
    expect(checkErrorNotRfc6749(facts({ body: 'ok' }))).toEqual([]);
    expect(checkErrorNotRfc6749(failed({ kind: 'timeout', message: 't' }))).toEqual([]);
  });
});

test.describe('TOKEN_FIELDS_NONSTANDARD', () => {
  const FIX =
    'Return access_token, token_type, expires_in and refresh_token at the top level of the JSON object, in snake_case (not camelCase, not inside a data/body/authed_user wrapper, expires_in rather than expires).';

  test('no top-level access token: every alias, and the sign-in fails', () => {
    const f = facts({ body: { data: { accessToken: 'at-1', expiresIn: 60 } } });
    expect(only(checkFieldsNonstandard(f), f)).toEqual({
      code: 'TOKEN_FIELDS_NONSTANDARD',
      message:
        'the code exchange got HTTP 200 (Content-Type application/json) with token fields at non-standard paths: data.accessToken (for access_token), data.expiresIn (for expires_in); there is no top-level access_token, and the host reads only the top-level RFC 6749 names, so it stores no token and the sign-in fails',
      fix: FIX,
    });
  });

  test('with a token: only the missing fields, each role once with its consequence; Slack gets its advice', () => {
    const f = facts({ body: { access_token: 'at-1', token_type: 'Bearer', refreshToken: 'rt-1', expires: 60, expiry: 60 } }, { provider: 'slack', grant: 'refresh_token' });
    expect(only(checkFieldsNonstandard(f), f)).toEqual({
      code: 'TOKEN_FIELDS_NONSTANDARD',
      message:
        'the refresh got HTTP 200 (Content-Type application/json) with token fields at non-standard paths: refreshToken (for refresh_token), expires (for expires_in), expiry (for expires_in); the host reads only the top-level RFC 6749 names, so it sees no refresh_token, so users lose access when the token expires; no expires_in, so it keeps the token forever and never refreshes it',
      fix: `${FIX} Slack nests user tokens under authed_user: a token proxy on your domain has to flatten the response.`,
    });
    expect(checkFieldsNonstandard(facts({ body: { access_token: 'at-1', tokenType: 'bearer' } }))[0]?.message).toMatch(/tokenType \(for token_type\); the host reads only the top-level RFC 6749 names, so it sees no token_type$/);
  });

  test('standard fields, an alias of a field present at the top, or no answer are not this finding', () => {
    expect(checkFieldsNonstandard(facts({ body: GOOD }))).toEqual([]);
    expect(checkFieldsNonstandard(facts({ body: { ...GOOD, refreshToken: 'rt-2', user: { access_token: 'at-2' } } }))).toEqual([]);
    expect(checkFieldsNonstandard(failed({ kind: 'timeout', message: 't' }))).toEqual([]);
    // Only a 2xx JSON answer is read for tokens; without any access token, other aliases are not worth a word.
    expect(checkFieldsNonstandard(facts({ body: 'accessToken=at-1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))).toEqual([]);
    expect(checkFieldsNonstandard(facts({ status: 400, body: { accessToken: 'at-1' } }))).toEqual([]);
    expect(checkFieldsNonstandard(facts({ body: { expiresIn: 60, tokenType: 'bearer' } }))).toEqual([]);
  });
});

test.describe('ACCESS_TOKEN_MISSING', () => {
  const FIX = 'Return the issued access token as a non-empty string in a top-level access_token field of the JSON object (RFC 6749 §5.1).';

  test('access_token present but empty: its value and the fields', () => {
    const f = facts({ body: { access_token: '', token_type: 'Bearer' } });
    expect(only(checkAccessTokenMissing(f), f)).toEqual({
      code: 'ACCESS_TOKEN_MISSING',
      message:
        'the code exchange got HTTP 200 (Content-Type application/json), but access_token is the string "", not a non-empty string (fields: access_token, token_type): the host has nothing to call the API with',
      fix: FIX,
    });
  });

  test('no access token anywhere, or a body that is no object', () => {
    expect(checkAccessTokenMissing(facts({ body: { token_type: 'Bearer' } }, { grant: 'refresh_token' }))[0]?.message).toBe(
      'the refresh got HTTP 200 (Content-Type application/json), but there is no access token at any path (top-level fields: token_type): the host has nothing to call the API with',
    );
    expect(checkAccessTokenMissing(facts({ body: [1, 2] }))[0]?.message).toBe(
      'the code exchange got HTTP 200 (Content-Type application/json), but the body is JSON but not an object: the host has nothing to call the API with',
    );
  });

  test('a token, an alias (TOKEN_FIELDS_NONSTANDARD says it), an error signal, a non-JSON body or a refusal is not this finding', () => {
    expect(checkAccessTokenMissing(facts({ body: GOOD }))).toEqual([]);
    expect(checkAccessTokenMissing(facts({ body: { accessToken: 'at-1' } }))).toEqual([]);
    expect(checkAccessTokenMissing(facts({ body: { error: 'invalid_grant' } }))).toEqual([]);
    expect(checkAccessTokenMissing(facts({ body: 'plain' }))).toEqual([]);
    expect(checkAccessTokenMissing(facts({ status: 400, body: { token_type: 'Bearer' } }))).toEqual([]);
  });
});

test.describe('EXPIRES_IN_NOT_NUMBER', () => {
  const FIX = 'Send expires_in as a positive JSON number of seconds, e.g. "expires_in": 3600 (not "3600").';
  const msg = (expires: unknown, grant: Ctx['grant'] = 'authorization_code') => checkExpiresInNotNumber(facts({ body: { ...GOOD, expires_in: expires } }, { grant }))[0]?.message;

  test('a numeric string: coerced by the host, refused by strict clients', () => {
    const f = facts({ body: { ...GOOD, expires_in: '3600' } });
    expect(only(checkExpiresInNotNumber(f), f)).toEqual({
      code: 'EXPIRES_IN_NOT_NUMBER',
      message: 'the code exchange response\'s expires_in is the string "3600", not a positive number: the host coerces it to 3600 s, but strict OAuth clients reject the response',
      fix: FIX,
    });
  });

  test('each effect: unreadable, already expired, read as it is', () => {
    expect(msg('soon', 'refresh_token')).toBe('the refresh response\'s expires_in is the string "soon", not a positive number: the host cannot read a lifetime from it and treats the token as never expiring');
    expect(msg(0)).toBe("the code exchange response's expires_in is 0, not a positive number: the host takes the token as already expired");
    expect(msg(-5)).toBe("the code exchange response's expires_in is -5, not a positive number: the host takes the token as already expired");
    expect(msg('0')).toBe('the code exchange response\'s expires_in is the string "0", not a positive number: the host takes the token as already expired');
    // JSON.parse reads 1e999 as Infinity: a number, but no lifetime.
    expect(checkExpiresInNotNumber(facts({ body: '{"access_token":"at-1","token_type":"Bearer","expires_in":1e999}', headers: { 'content-type': 'application/json' } }))[0]?.message).toBe(
      "the code exchange response's expires_in is Infinity, not a positive number: the host cannot read a lifetime from it and treats the token as never expiring",
    );
    expect(msg(null)).toBe("the code exchange response's expires_in is null, not a positive number: the host cannot read a lifetime from it and treats the token as never expiring");
  });

  test('a positive number, no expires_in or no token is not this finding', () => {
    expect(checkExpiresInNotNumber(facts({ body: GOOD }))).toEqual([]);
    expect(checkExpiresInNotNumber(facts({ body: { ...GOOD, expires_in: 0.5 } }))).toEqual([]);
    expect(checkExpiresInNotNumber(facts({ body: { access_token: 'at-1' } }))).toEqual([]);
    expect(checkExpiresInNotNumber(facts({ body: { expires_in: '3600' } }))).toEqual([]);
    expect(checkExpiresInNotNumber(facts({ status: 500, body: 'expires_in=3600' }))).toEqual([]);
    expect(checkExpiresInNotNumber(failed({ kind: 'timeout', message: 't' }))).toEqual([]);
  });
});

test.describe('TOKEN_TYPE_MISSING and TOKEN_TYPE_NOT_BEARER', () => {
  test('no token_type: the fields, and what stricter clients do', () => {
    const f = facts({ body: { access_token: 'at-1', expires_in: 60 } });
    expect(only(checkTokenTypeMissing(f), f)).toEqual({
      code: 'TOKEN_TYPE_MISSING',
      message: 'the code exchange response has no token_type (fields: access_token, expires_in); this host assumes Bearer, stricter clients reject the response',
      fix: 'Add "token_type": "Bearer" to the token response.',
    });
    expect(checkTokenTypeMissing(facts({ body: { access_token: 'at-1', token_type: null } }, { grant: 'refresh_token' }))[0]?.message).toBe(
      'the refresh response has no token_type (fields: access_token, token_type); this host assumes Bearer, stricter clients reject the response',
    );
    expect(checkTokenTypeMissing(facts({ body: { access_token: 'at-1', tokenType: 'Bearer' } }))).toEqual([]);
    expect(checkTokenTypeMissing(facts({ body: GOOD }))).toEqual([]);
    expect(checkTokenTypeMissing(facts({ body: { token_type: 'Bearer' } }))).toEqual([]);
  });

  test('another token_type: its value, and why the API refuses; bearer in any case and padding passes', () => {
    const f = facts({ body: { ...GOOD, token_type: 'mac' } });
    expect(only(checkTokenTypeNotBearer(f), f)).toEqual({
      code: 'TOKEN_TYPE_NOT_BEARER',
      message:
        'the code exchange response\'s token_type is the string "mac", not bearer: the host sends the token as Authorization: Bearer regardless, so an API expecting that token type refuses it',
      fix: 'Issue bearer tokens (RFC 6750) and say so with "token_type": "Bearer"; the API must accept them in Authorization: Bearer <token>.',
    });
    expect(checkTokenTypeNotBearer(facts({ body: { ...GOOD, token_type: 1 } }, { grant: 'refresh_token' }))[0]?.message).toMatch(/^the refresh response's token_type is 1, not bearer/);
    expect(checkTokenTypeNotBearer(facts({ body: { ...GOOD, token_type: ' BEARER ' } }))).toEqual([]);
    expect(checkTokenTypeNotBearer(facts({ body: { ...GOOD, token_type: null } }))).toEqual([]);
    expect(checkTokenTypeNotBearer(facts({ body: { access_token: 'at-1' } }))).toEqual([]);
    expect(checkTokenTypeNotBearer(facts({ body: { token_type: 'mac' } }))).toEqual([]);
    expect(checkTokenTypeNotBearer(facts({ status: 500, body: 'token_type=mac' }))).toEqual([]);
    expect(checkTokenTypeNotBearer(failed({ kind: 'timeout', message: 't' }))).toEqual([]);
    expect(checkTokenTypeMissing(failed({ kind: 'timeout', message: 't' }))).toEqual([]);
    expect(checkNoExpiry(failed({ kind: 'timeout', message: 't' }))).toEqual([]);
  });
});

test.describe('TOKEN_NO_EXPIRY', () => {
  const FIX = 'Send expires_in (seconds) with every access token, together with a refresh_token, so the host refreshes before the token dies.';

  test('with a refresh token: it is never used', () => {
    const f = facts({ body: { access_token: 'at-1', token_type: 'Bearer', refresh_token: 'rt-1' } });
    expect(only(checkNoExpiry(f), f)).toEqual({
      code: 'TOKEN_NO_EXPIRY',
      message:
        'the code exchange response has no expires_in (fields: access_token, token_type, refresh_token): the host treats the access token as never expiring; the refresh_token it got is never used, so once the server expires or revokes it users are stuck with 401s',
      fix: FIX,
    });
    expect(checkNoExpiry(facts({ body: { access_token: 'at-1' } }, { grant: 'refresh_token' }))[0]?.message).toBe(
      'the refresh response has no expires_in (fields: access_token): the host treats the access token as never expiring, so once the server expires or revokes it users are stuck with 401s',
    );
  });

  test('expires_in of any value, an alias, or no token is not this finding', () => {
    expect(checkNoExpiry(facts({ body: GOOD }))).toEqual([]);
    expect(checkNoExpiry(facts({ body: { access_token: 'at-1', expires_in: 'soon' } }))).toEqual([]);
    expect(checkNoExpiry(facts({ body: { access_token: 'at-1', expiresIn: 60 } }))).toEqual([]);
    expect(checkNoExpiry(facts({ body: { token_type: 'Bearer' } }))).toEqual([]);
  });
});

test.describe('REFRESH_TOKEN_MISSING', () => {
  test('the lifetime in hours or minutes, the provider fix, and a present but unusable refresh_token', () => {
    const f = facts({ body: { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600 } }, { provider: 'google' });
    const d = only(checkRefreshTokenMissing(f), f);
    expect(d.message).toBe('the code exchange returned expires_in 3600 but no usable refresh_token: users lose access after 3600 s (1 h) and must sign in again');
    expect(d.fix).toContain('access_type=offline');
    expect(checkRefreshTokenMissing(facts({ body: { access_token: 'at-1', expires_in: 3599, refresh_token: '' } }))[0]?.message).toBe(
      'the code exchange returned expires_in 3599 but no usable refresh_token (refresh_token is the string ""): users lose access after 3599 s (60 min) and must sign in again',
    );
    expect(checkRefreshTokenMissing(facts({ body: { access_token: 'at-1', expires_in: 5400 } }))[0]?.message).toContain('after 5400 s (1.5 h)');
    expect(checkRefreshTokenMissing(facts({ body: { access_token: 'at-1', expires_in: 90 } }))[0]?.message).toContain('after 90 s (1.5 min)');
    expect(checkRefreshTokenMissing(facts({ body: { access_token: 'at-1', expires_in: 'soon' } }))[0]?.message).toBe(
      'the code exchange returned expires_in the string "soon" but no usable refresh_token: users lose access once it expires and must sign in again',
    );
  });

  test('a refresh answer, a refresh token, no expires_in, an alias or no token is not this finding', () => {
    const expiring = { access_token: 'at-1', expires_in: 3600 };
    expect(checkRefreshTokenMissing(facts({ body: expiring }, { grant: 'refresh_token' }))).toEqual([]);
    expect(checkRefreshTokenMissing(facts({ body: { ...expiring, refresh_token: 'rt-1' } }))).toEqual([]);
    expect(checkRefreshTokenMissing(facts({ body: { access_token: 'at-1' } }))).toEqual([]);
    expect(checkRefreshTokenMissing(facts({ body: { access_token: 'at-1', expires_in: null } }))).toEqual([]);
    expect(checkRefreshTokenMissing(facts({ body: { ...expiring, refreshToken: 'rt-1' } }))).toEqual([]);
    expect(checkRefreshTokenMissing(facts({ body: { expires_in: 3600 } }))).toEqual([]);
  });
});

test.describe('the MCP additions: no-store, audience, speed', () => {
  test('TOKEN_RESPONSE_CACHEABLE names the header it got, or its absence', () => {
    const f = facts({ body: GOOD, headers: { 'content-type': 'application/json', 'cache-control': 'private, max-age=60' } });
    expect(only(checkTokenResponseNotCacheable(f), f)).toEqual({
      code: 'TOKEN_RESPONSE_CACHEABLE',
      message: 'the code exchange answer carries tokens with Cache-Control: private, max-age=60; a proxy or client cache may keep them',
      fix: 'Send Cache-Control: no-store (and Pragma: no-cache) with every token response (RFC 6749 §5.1).',
    });
    expect(checkTokenResponseNotCacheable(facts({ body: GOOD, headers: { 'content-type': 'application/json' } }, { grant: 'refresh_token' }))[0]?.message).toBe(
      'the refresh answer carries tokens with no Cache-Control header; a proxy or client cache may keep them',
    );
    expect(checkTokenResponseNotCacheable(facts({ body: GOOD, headers: { 'content-type': 'application/json', 'cache-control': 'private, No-Store' } }))).toEqual([]);
    expect(checkTokenResponseNotCacheable(facts({ body: GOOD, headers: { 'content-type': 'application/json', 'cache-control': 'no-store-ish' } }))).toHaveLength(1);
    expect(checkTokenResponseNotCacheable(facts({ status: 400, body: { error: 'invalid_grant' }, headers: { 'content-type': 'application/json' } }))).toEqual([]);
  });

  const jwt = (claims: Record<string, unknown>) => `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
  const RESOURCE = 'https://mcp.example/mcp';

  test('TOKEN_AUDIENCE_NOT_RESOURCE: the audiences it has, or missing', () => {
    const f = facts({ body: { ...GOOD, access_token: jwt({ aud: ['https://other.example', 7] }) } }, { resource: RESOURCE });
    expect(only(checkTokenAudience(f), f)).toEqual({
      code: 'TOKEN_AUDIENCE_NOT_RESOURCE',
      message: `the access token's aud is "https://other.example", not the requested resource ${RESOURCE}`,
      fix: "Put the resource the host requested (the MCP URL) into the access token's aud, and have the MCP server accept only tokens whose aud names it.",
    });
    expect(checkTokenAudience(facts({ body: { ...GOOD, access_token: jwt({ sub: 'u' }) } }, { resource: RESOURCE }))[0]?.message).toBe(
      `the access token's aud is missing, not the requested resource ${RESOURCE}`,
    );
    expect(checkTokenAudience(facts({ body: { ...GOOD, access_token: jwt({ aud: 'x'.repeat(130) }) } }, { resource: RESOURCE }))[0]?.message).toBe(
      `the access token's aud is "${'x'.repeat(120)}", not the requested resource ${RESOURCE}`,
    );
  });

  test('TOKEN_AUDIENCE_NOT_RESOURCE: the resource exactly or canonically in aud passes; opaque tokens or no resource are not judged', () => {
    expect(checkTokenAudience(facts({ body: { ...GOOD, access_token: jwt({ aud: RESOURCE }) } }, { resource: RESOURCE }))).toEqual([]);
    expect(checkTokenAudience(facts({ body: { ...GOOD, access_token: jwt({ aud: ['a', 'HTTPS://MCP.example:443/mcp/'] }) } }, { resource: RESOURCE }))).toEqual([]);
    expect(checkTokenAudience(facts({ body: { ...GOOD, access_token: jwt({ aud: 'not a url' }) } }, { resource: 'not a url' }))).toEqual([]);
    // Two texts that are no URL are no canonical match: only the very same text is.
    expect(checkTokenAudience(facts({ body: { ...GOOD, access_token: jwt({ aud: 'another text' }) } }, { resource: 'not a url' })).map((d) => d.code)).toEqual(['TOKEN_AUDIENCE_NOT_RESOURCE']);
    expect(checkTokenAudience(facts({ body: { ...GOOD, access_token: jwt({ aud: 'https://other.example' }) } }))).toEqual([]);
    expect(checkTokenAudience(facts({ body: GOOD }, { resource: RESOURCE }))).toEqual([]);
  });

  test('OAUTH_ENDPOINT_SLOW: over 5 s, in seconds with one decimal', () => {
    const f = facts({ body: GOOD, durationMs: 7_250 });
    expect(only(checkTokenEndpointFast(f), f)).toEqual({
      code: 'OAUTH_ENDPOINT_SLOW',
      message: 'the token endpoint took 7.3 s (the strictest host gives up at 10 s)',
      fix: 'Answer token requests within a few seconds: keep slow work (user provisioning, remote calls) out of the token endpoint.',
    });
    expect(checkTokenEndpointFast(facts({ body: GOOD, durationMs: 5_000 }))).toEqual([]);
    expect(checkTokenEndpointFast(facts({ body: GOOD, durationMs: 5_001 }))).toHaveLength(1);
    expect(checkTokenEndpointFast(failed({ kind: 'timeout', message: 't' }))).toEqual([]);
  });
});

test.describe('edges the drafts alone do not reach', () => {
  const transport = failed({ kind: 'timeout', message: 't' });

  test('no answer at all is none of the answer checks', () => {
    for (const check of [checkAccessTokenMissing, checkErrorWith200, checkTokenResponseNotCacheable, checkRefreshTokenMissing, checkFieldsNonstandard]) expect(check(transport)).toEqual([]);
    expect(checkTokenAudience({ ...transport, resource: 'https://mcp.example/mcp' })).toEqual([]);
  });

  test('a refusal outside 300-399 and 400/401 is no redirect, even under 200', () => {
    expect(checkErrorNotRfc6749(facts({ status: 199, body: { error: 'x' } }))[0]?.message).toBe(
      'the code exchange was refused with HTTP 199 (Content-Type application/json): status 199 instead of 400/401',
    );
  });

  test('several error indicators and several audiences are listed with commas', () => {
    expect(checkErrorWith200(facts({ body: { error: 'x', ok: false } }))[0]?.message).toContain('reports an error (error="x", ok:false) and no access_token');
    const jwt = `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ aud: ['https://a.example', 'https://b.example'] })).toString('base64url')}.sig`;
    expect(checkTokenAudience(facts({ body: { ...GOOD, access_token: jwt } }, { resource: 'https://mcp.example/mcp' }))[0]?.message).toBe(
      'the access token\'s aud is "https://a.example", "https://b.example", not the requested resource https://mcp.example/mcp',
    );
  });

  test('without a top-level token, standard fields beside the aliases are not reported as aliases', () => {
    expect(checkFieldsNonstandard(facts({ body: { refresh_token: 'rt-1', data: { accessToken: 'at-1' } } }))[0]?.message).toContain(
      'with token fields at non-standard paths: data.accessToken (for access_token); there is no top-level access_token',
    );
  });

  test("an alias of another field does not silence a missing field's check", () => {
    expect(checkNoExpiry(facts({ body: { access_token: 'at-1', token_type: 'Bearer', refreshToken: 'rt-1' } }))).toHaveLength(1);
  });

  test('a form body without an access token says the host cannot read it, not that the token is in it', () => {
    expect(checkResponseNotJson(facts({ body: 'token_type=bearer&expires_in=60', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))[0]?.message).toMatch(
      /: the host parses token responses as JSON only, so it cannot read it$/,
    );
  });
});
