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
