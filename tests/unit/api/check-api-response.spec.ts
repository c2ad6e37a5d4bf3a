import { test, expect } from '@playwright/test';
import { checkAuthorizedCall } from '../../../mock-host/checks/api/check-api-response.ts';
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
