import { test, expect } from '@playwright/test';
import { checkAuthorizedCall, checkRateLimited } from '../../../mock-host/checks/api/check-api-response.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import { withTightenedTimeouts } from '../../../mock-host/profiles/tightened-timeouts.ts';
import type { HttpOutcome } from '../../../mock-host/recorder/exchange.ts';

function answered(status: number, durationMs = 20): HttpOutcome {
  return {
    exchangeId: 'ex-1',
    request: { method: 'GET', url: 'https://plugin.example.com/todos', phase: 'use', label: 'call listTodos', timeoutMs: 45_000, maxBodyBytes: 2_000_000 },
    response: { status, headers: {}, body: '{}', truncated: false, bytes: 2, durationMs },
  };
}

const call = (outcome: HttpOutcome, extra: { authDropped?: boolean; profile?: keyof typeof PROFILES } = {}) =>
  checkAuthorizedCall({ outcome, profile: PROFILES[extra.profile ?? 'chatgpt-plugin'], operationId: 'listTodos', tokenSource: 'exchange', curl: 'curl …', ...(extra.authDropped ? { authDropped: true } : {}) });

test('a 401 to a valid token is API_CALL_FAILED', () => {
  expect(call(answered(401)).map((d) => d.code)).toEqual(['API_CALL_FAILED']);
});

test('a 401 after a redirect dropped the token answers no token: API_REDIRECT_DROPS_AUTH says it, not API_CALL_FAILED', () => {
  expect(call(answered(401), { authDropped: true })).toEqual([]);
  expect(call(answered(403), { authDropped: true })).toEqual([]);
  // Any other failure there is still the API's.
  expect(call(answered(500), { authDropped: true }).map((d) => d.code)).toEqual(['API_CALL_FAILED']);
});

test('API_SLOW follows the profile bound, so a tightened profile shows it in a second', () => {
  expect(call(answered(200, 1_200))).toEqual([]);
  const tightened = withTightenedTimeouts(PROFILES['chatgpt-plugin'], { slowApiWarningMs: 1_000 });
  const drafts = checkAuthorizedCall({ outcome: answered(200, 1_200), profile: tightened, operationId: 'listTodos', tokenSource: 'exchange', curl: '' });
  expect(drafts).toMatchObject([{ code: 'API_SLOW', severity: 'warning', fix: 'Keep API answers well under 1 s.' }]);
});

/** Each draft as CODE@severity (`catalog`: the draft leaves its catalog severity), so a moved or added one shows. */
const exactly = (drafts: readonly { code: string; severity?: string }[]) => drafts.map((d) => `${d.code}@${d.severity ?? 'catalog'}`);

function failed(kind: 'timeout' | 'network'): HttpOutcome {
  const { exchangeId, request } = answered(200);
  return { exchangeId, request, error: { kind, message: kind === 'timeout' ? 'no answer within 45 s' : 'ECONNRESET' } };
}

test('no answer within the API timeout is API_SLOW at error (the host gave up), besides API_CALL_FAILED; another failure is API_CALL_FAILED alone', () => {
  expect(exactly(call(failed('timeout')))).toEqual(['API_SLOW@error', 'API_CALL_FAILED@catalog']);
  expect(exactly(call(failed('network')))).toEqual(['API_CALL_FAILED@catalog']);
});

test('a failed answer gives exactly one finding, with nothing added beside it', () => {
  for (const status of [400, 401, 404, 500, 503]) expect(exactly(call(answered(status))), String(status)).toEqual(['API_CALL_FAILED@catalog']);
  expect(exactly(call(answered(200)))).toEqual([]);
  // A 429 is the rate-limit check's, not a failed call.
  expect(exactly(call(answered(429)))).toEqual([]);
});

test('API_RATE_LIMITED is a warning without Retry-After (the host cannot know when to retry), info with it', () => {
  const limited = (headers: Record<string, string>): HttpOutcome => {
    const outcome = answered(429);
    return { ...outcome, ...(outcome.response ? { response: { ...outcome.response, headers } } : {}) };
  };
  expect(exactly(checkRateLimited({ outcome: limited({}), operationId: 'listTodos' }))).toEqual(['API_RATE_LIMITED@warning']);
  expect(exactly(checkRateLimited({ outcome: limited({ 'retry-after': '30' }), operationId: 'listTodos' }))).toEqual(['API_RATE_LIMITED@info']);
  expect(checkRateLimited({ outcome: answered(200), operationId: 'listTodos' })).toEqual([]);
  expect(checkRateLimited({ outcome: answered(503), operationId: 'listTodos' })).toEqual([]);
});

// Mutation testing (npm run mutation) found these branches unguarded: each draft is compared whole.
const base = (status: number, over: { body?: string; headers?: Record<string, string>; durationMs?: number; truncated?: boolean; bytes?: number } = {}): HttpOutcome => {
  const o = answered(status, over.durationMs ?? 20);
  return { ...o, ...(o.response ? { response: { ...o.response, ...(over.body !== undefined ? { body: over.body } : {}), headers: over.headers ?? {}, truncated: over.truncated ?? false, bytes: over.bytes ?? 2 } } : {}) };
};
const withToken = (outcome: HttpOutcome, tokenSource: 'exchange' | 'refresh' | 'static', failureInBody?: string) =>
  checkAuthorizedCall({ outcome, profile: PROFILES['chatgpt-plugin'], operationId: 'listTodos', tokenSource, curl: 'curl …', ...(failureInBody ? { failureInBody } : {}) });

test('the timeout and the failure say what happened, with the exchange and the reproduction', () => {
  expect(call(failed('timeout'))).toEqual([
    { code: 'API_SLOW', severity: 'error', message: "listTodos gave no complete answer within the host's 45 s timeout", fix: 'Answer within 45 s; move slow work to a background job and return early.', evidence: ['ex-1'], reproduce: 'curl …' },
    { code: 'API_CALL_FAILED', message: "listTodos failed before any answer: plugin.example.com:443 gave no complete answer within the host's 45 s limit (no answer within 45 s)", fix: 'Make the API reachable from the host at the URL in the OpenAPI servers list.', evidence: ['ex-1'], reproduce: 'curl …' },
  ]);
});

test('API_SLOW starts just above the warning bound, and says how long the call took', () => {
  expect(call(answered(200, 10_000))).toEqual([]);
  expect(call(answered(200, 10_001))).toEqual([
    { code: 'API_SLOW', severity: 'warning', message: 'listTodos took 10.0 s (warning above 10 s, the host gives up at 45 s)', fix: 'Keep API answers well under 10 s.', evidence: ['ex-1'], reproduce: 'curl …' },
  ]);
});

test('API_RESPONSE_TOO_LARGE: a truncated answer, or one over the character limit; exactly at the limit is fine', () => {
  expect(call(base(200, { body: 'x'.repeat(100_000) }))).toEqual([]);
  expect(call(base(200, { body: 'x'.repeat(100_001) }))).toMatchObject([{ code: 'API_RESPONSE_TOO_LARGE', message: 'listTodos answered 100001 characters; the host keeps at most 100000' }]);
  expect(call(base(200, { body: 'x', truncated: true, bytes: 2_000_000 }))).toEqual([
    { code: 'API_RESPONSE_TOO_LARGE', message: 'listTodos answered more than 2000000 bytes; the host keeps at most 100000', fix: 'Paginate or summarise responses so each stays under 100,000 characters.', evidence: ['ex-1'], reproduce: 'curl …' },
  ]);
});

test('a 2xx that failed in its body (an MCP tool error) is API_CALL_FAILED quoting the failure; only a 2xx', () => {
  expect(withToken(base(200), 'exchange', 'isError: no such todo')).toEqual([
    { code: 'API_CALL_FAILED', message: 'listTodos answered 200 but failed in its body (isError: no such todo), to a valid token', fix: 'Make the tool succeed for a valid token and ordinary input; report tool failures only for real failures.', evidence: ['ex-1'], reproduce: 'curl …' },
  ]);
  expect(exactly(withToken(base(299), 'exchange', 'e'))).toEqual(['API_CALL_FAILED@catalog']);
  expect(withToken(base(500), 'exchange', 'e')).toMatchObject([{ message: 'listTodos answered 500 to a valid token (expected 2xx)' }]);
  expect(withToken(base(300), 'exchange')).toMatchObject([{ code: 'API_CALL_FAILED', message: 'listTodos answered 300 to a valid token (expected 2xx)' }]);
  expect(withToken(base(199), 'exchange')).toMatchObject([{ code: 'API_CALL_FAILED' }]);
});

test('a 401 to a refreshed token is API_REFRESHED_TOKEN_REJECTED; to a first token, or a 403 to a refreshed one, API_CALL_FAILED', () => {
  expect(withToken(base(401), 'refresh')).toEqual([
    { code: 'API_REFRESHED_TOKEN_REJECTED', message: 'listTodos refused the access token obtained by refresh with 401', fix: 'Make tokens minted by the refresh grant valid for the API: same audience, issuer, signing key and scopes as the originals.', evidence: ['ex-1'], reproduce: 'curl …' },
  ]);
  expect(exactly(withToken(base(401), 'exchange'))).toEqual(['API_CALL_FAILED@catalog']);
  expect(exactly(withToken(base(403), 'refresh'))).toEqual(['API_CALL_FAILED@catalog']);
});

test('a 403 insufficient_scope (in WWW-Authenticate or the body) is API_SCOPE_REJECTED; another 403 or a 401 saying it is not', () => {
  const scope = [{ code: 'API_SCOPE_REJECTED', message: 'listTodos answered 403 insufficient_scope to a fresh token carrying the granted scope', fix: "Grant the scopes the manifest requests, or require only scopes your authorization server issues for the manifest's scope.", evidence: ['ex-1'], reproduce: 'curl …' }];
  expect(call(base(403, { headers: { 'www-authenticate': 'Bearer error="insufficient_scope"' } }))).toEqual(scope);
  expect(call(base(403, { body: '{"error":"INSUFFICIENT_SCOPE"}' }))).toEqual(scope);
  expect(exactly(call(base(403, { body: `${' '.repeat(2000)}insufficient_scope` })))).toEqual(['API_CALL_FAILED@catalog']);
  expect(exactly(call(base(403, { body: '{"error":"forbidden"}' })))).toEqual(['API_CALL_FAILED@catalog']);
  expect(exactly(call(base(401, { headers: { 'www-authenticate': 'Bearer error="insufficient_scope"' } })))).toEqual(['API_CALL_FAILED@catalog']);
});

test('a failed call with a static credential (service_http, user_http) says credential, with its fix', () => {
  expect(withToken(base(401), 'static')).toEqual([
    { code: 'API_CALL_FAILED', message: 'listTodos answered 401 to a valid credential (expected 2xx)', fix: 'Accept the tokens your token endpoint issues, and answer 2xx for a valid call.', evidence: ['ex-1'], reproduce: 'curl …' },
  ]);
});

test('API_RATE_LIMITED says whether Retry-After came, and what to do', () => {
  const limited = (headers: Record<string, string>) => checkRateLimited({ outcome: base(429, { headers }), operationId: 'listTodos' });
  expect(limited({})).toEqual([{ code: 'API_RATE_LIMITED', severity: 'warning', message: 'listTodos answered 429 without Retry-After', fix: 'Send Retry-After with every 429 so the host knows when to retry.', evidence: ['ex-1'] }]);
  expect(limited({ 'retry-after': '30' })).toEqual([{ code: 'API_RATE_LIMITED', severity: 'info', message: 'listTodos answered 429 with Retry-After: 30', fix: 'Nothing to fix; keep limits generous for the host.', evidence: ['ex-1'] }]);
  expect(checkRateLimited({ outcome: failed('network'), operationId: 'listTodos' })).toEqual([]);
});

test('the checks keep the ids summary.json lists them by', () => {
  expect([checkAuthorizedCall.id, checkRateLimited.id]).toEqual(['api-call-with-valid-token-succeeds', 'api-rate-limit-says-when']);
});

test('a failure in the body counts only for a 2xx, and is quoted up to 200 characters; an outcome with nothing recorded gives nothing', () => {
  for (const status of [199, 300]) expect(withToken(base(status), 'exchange', 'e'), String(status)).toMatchObject([{ message: `listTodos answered ${status} to a valid token (expected 2xx)` }]);
  const long = `isError: ${'x'.repeat(300)}`;
  expect(withToken(base(200), 'exchange', long)).toMatchObject([{ message: `listTodos answered 200 but failed in its body (${long.slice(0, 200)}), to a valid token` }]);
  const { exchangeId, request } = answered(200);
  expect(call({ exchangeId, request })).toEqual([]);
});
