import { test, expect } from '@playwright/test';
import { hasBearerChallenge } from '../../../mock-host/checks/api/bearer-challenge.ts';
import { checkBearerCase, checkInvalidCredentialAnswer, type InvalidCredential } from '../../../mock-host/checks/api/check-invalid-token.ts';
import { checkRedirectKeepsAuth } from '../../../mock-host/checks/api/redirect-drops-auth.ts';
import type { HttpOutcome } from '../../../mock-host/recorder/exchange.ts';

// Whole drafts of the API's bad-credential, bearer-case and redirect checks (issue 14's mutation score).
const request: HttpOutcome['request'] = { method: 'GET', url: 'https://api.example/notes', headers: {}, phase: 'use', label: 'probe', timeoutMs: 1000, maxBodyBytes: 1000 };
const outcome = (status: number, headers: Record<string, string> = {}, body = '{"notes":[]}', exchangeId = 'x1'): HttpOutcome => ({
  exchangeId,
  request,
  response: { status, headers, body, truncated: false, bytes: body.length, durationMs: 1 },
});
const curl = 'curl …';
const cited = { evidence: ['x1'], reproduce: curl };
const run = (o: HttpOutcome, credential: InvalidCredential = 'garbage') => checkInvalidCredentialAnswer({ outcome: o, credential, operationId: 'listNotes', curl });

test.describe('bearer challenge', () => {
  test('a Bearer challenge anywhere in the header list, any case; not a scheme that only starts like it', () => {
    expect(hasBearerChallenge({ 'www-authenticate': 'Bearer' })).toBe(true);
    expect(hasBearerChallenge({ 'www-authenticate': 'bearer realm="x"' })).toBe(true);
    expect(hasBearerChallenge({ 'www-authenticate': 'Basic realm="x",  Bearer' })).toBe(true);
    expect(hasBearerChallenge({ 'www-authenticate': 'Bearer,Basic' })).toBe(true);
    expect(hasBearerChallenge({ 'www-authenticate': 'Bearerx' })).toBe(false);
    expect(hasBearerChallenge({ 'www-authenticate': 'Basic realm="Bearer"' })).toBe(false);
    expect(hasBearerChallenge({ 'www-authenticate': 'xBearer' })).toBe(false);
    expect(hasBearerChallenge({})).toBe(false);
  });
});

test.describe('invalid credential answers', () => {
  test('401 with a Bearer challenge passes; no answer is not judged here', () => {
    expect(run(outcome(401, { 'www-authenticate': 'Bearer error="invalid_token"' }))).toEqual([]);
    expect(run({ exchangeId: 'x1', request, error: { kind: 'network', message: 'reset' } })).toEqual([]);
  });

  test('a 2xx without an error body accepts the credential', () => {
    const fix = 'Validate the bearer token on every operation that needs the user, and answer 401 with WWW-Authenticate: Bearer when it is missing or invalid.';
    expect(run(outcome(200))).toEqual([{ code: 'API_ACCEPTS_INVALID_TOKEN', message: 'listNotes answered 200 to a garbage bearer token', fix, ...cited }]);
    expect(run(outcome(299), 'missing')).toEqual([{ code: 'API_ACCEPTS_MISSING_TOKEN', message: 'listNotes answered 299 to no Authorization header', fix, ...cited }]);
    expect(run(outcome(204, {}, ''), 'expired')).toEqual([{
      code: 'API_ACCEPTS_EXPIRED_TOKEN',
      message: 'listNotes answered 204 to an expired access token',
      fix: 'Check the token expiry (exp / stored expiry) on every request and answer 401 invalid_token once it has passed.',
      ...cited,
    }]);
  });

  test('any status but 401 is API_INVALID_TOKEN_STATUS, a 2xx error body included', () => {
    const fix = 'Answer 401 with WWW-Authenticate: Bearer error="invalid_token" for missing, invalid or expired tokens; keep 403 for insufficient scope only. Hosts refresh or re-authenticate only on 401.';
    expect(run(outcome(403, {}, ''))).toEqual([{ code: 'API_INVALID_TOKEN_STATUS', message: 'listNotes answered 403 to a garbage bearer token (expected 401)', fix, ...cited }]);
    expect(run(outcome(300, {}, ''))).toEqual([{ code: 'API_INVALID_TOKEN_STATUS', message: 'listNotes answered 300 to a garbage bearer token (expected 401)', fix, ...cited }]);
    expect(run(outcome(199, {}, ''))).toEqual([{ code: 'API_INVALID_TOKEN_STATUS', message: 'listNotes answered 199 with an error body to a garbage bearer token (expected 401)', fix, ...cited }]);
    for (const body of ['{"error":"invalid_token"}', 'Invalid token', 'UNAUTHORISED', 'unauthorized', 'token expired']) {
      expect(run(outcome(200, {}, body), 'expired'), body).toEqual([{ code: 'API_INVALID_TOKEN_STATUS', message: 'listNotes answered 200 with an error body to an expired access token (expected 401)', fix, ...cited }]);
    }
    // Only the first 2000 characters are read for error words.
    expect(run(outcome(200, {}, `${' '.repeat(2000)}error`))[0]?.code).toBe('API_ACCEPTS_INVALID_TOKEN');
    expect(run(outcome(200, {}, `${' '.repeat(1995)}error`))[0]?.code).toBe('API_INVALID_TOKEN_STATUS');
  });

  test('a 401 without a Bearer challenge', () => {
    const fix = 'Add WWW-Authenticate: Bearer realm="…", error="invalid_token" to every 401 (RFC 6750 §3).';
    expect(run(outcome(401, {}, ''), 'missing')).toEqual([{ code: 'API_401_WITHOUT_CHALLENGE', message: 'listNotes answered 401 to no Authorization header without a WWW-Authenticate: Bearer header', fix, ...cited }]);
    const basic = `Basic realm="${'r'.repeat(100)}"`;
    expect(run(outcome(401, { 'www-authenticate': basic }, ''))).toEqual([{
      code: 'API_401_WITHOUT_CHALLENGE',
      message: `listNotes answered 401 to a garbage bearer token without a WWW-Authenticate: Bearer header (got "${basic.slice(0, 80)}")`,
      fix,
      ...cited,
    }]);
  });
});

test.describe('bearer scheme case', () => {
  const ok = outcome(200, {}, '{}', 'u1');
  test('accepts "Bearer" but refuses "bearer"', () => {
    expect(checkBearerCase({ upper: ok, lower: outcome(401, {}, '', 'l1'), operationId: 'listNotes', curl })).toEqual([{
      code: 'API_BEARER_CASE_SENSITIVE',
      message: 'listNotes accepts "Bearer <token>" but answered 401 to "bearer <token>"',
      fix: 'Compare the Authorization scheme case-insensitively.',
      evidence: ['l1'],
      reproduce: curl,
    }]);
    expect(checkBearerCase({ upper: ok, lower: { exchangeId: 'l1', request, error: { kind: 'network', message: 'socket hang up' } }, operationId: 'listNotes', curl })[0]?.message).toBe(
      'listNotes accepts "Bearer <token>" but answered socket hang up to "bearer <token>"',
    );
    expect(checkBearerCase({ upper: ok, lower: outcome(300, {}, '', 'l1'), operationId: 'o', curl })).toHaveLength(1);
    expect(checkBearerCase({ upper: ok, lower: outcome(199, {}, '', 'l1'), operationId: 'o', curl })).toHaveLength(1);
    expect(checkBearerCase({ upper: ok, lower: outcome(299, {}, '', 'l1'), operationId: 'o', curl })).toEqual([]);
    expect(checkBearerCase({ upper: outcome(401), lower: outcome(401), operationId: 'o', curl })).toEqual([]);
    expect(checkBearerCase({ upper: outcome(300), lower: outcome(401), operationId: 'o', curl })).toEqual([]);
    expect(checkBearerCase({ upper: outcome(199), lower: outcome(401), operationId: 'o', curl })).toEqual([]);
    expect(checkBearerCase({ upper: { exchangeId: 'u', request }, lower: outcome(401), operationId: 'o', curl })).toEqual([]);
  });
});

test.describe('redirects', () => {
  test('an authenticated call redirected to another origin', () => {
    const hop = { operationId: 'listNotes', from: 'https://api.example', to: 'https://www.api.example', status: 301, sendsAuth: true, exchangeId: 'r1', curl };
    expect(checkRedirectKeepsAuth(hop)).toEqual([{
      code: 'API_REDIRECT_DROPS_AUTH',
      message: 'listNotes answered 301 to https://www.api.example, another origin than https://api.example; HTTP clients drop the Authorization header there',
      fix: 'Serve the API at the canonical URL given in the OpenAPI servers list; do not redirect authenticated calls to another host, scheme or port.',
      evidence: ['r1'],
      reproduce: curl,
    }]);
  });
});

test('bearer case: a lower-case call with neither answer nor error detail', () => {
  expect(checkBearerCase({ upper: outcome(200), lower: { exchangeId: 'l1', request }, operationId: 'o', curl })[0]?.message).toBe('o accepts "Bearer <token>" but answered undefined to "bearer <token>"');
});
