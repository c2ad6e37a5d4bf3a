import { test, expect } from '@playwright/test';
import { checkDeadRefreshTokenRefusedAsInvalidGrant, type DeadRefreshAnswer } from '../../../mock-host/checks/refresh/dead-refresh-token.ts';
import { checkAccessSurvivesExpiry, type LostAccessInput } from '../../../mock-host/checks/refresh/lost-access.ts';
import { checkOmittedRefreshTokenKeptWorking, checkPublicClientRefreshRotated, checkRefreshAccepted, type HostRefresh } from '../../../mock-host/checks/refresh/refresh-outcome.ts';
import { checkRefreshKeepsScope } from '../../../mock-host/checks/refresh/refresh-scope.ts';
import { checkConcurrentRefreshes, checkRefreshRotationSurvivesReplay } from '../../../mock-host/checks/refresh/rotation.ts';

// Whole drafts of the refresh checks (issue 14's mutation score).

test.describe('dead refresh token', () => {
  const answer = (over: Partial<DeadRefreshAnswer>): DeadRefreshAnswer => ({ token: 'one the server never issued', issued: false, exchangeId: 'd1', curl: 'curl d1', ...over });
  const fix = 'Answer a refresh token that is unknown, replaced or revoked with HTTP 400 {"error":"invalid_grant"} (RFC 6749 §5.2): hosts re-link on exactly that; 401 invalid_client makes Claude re-register, and 5xx or invalid_request read as a server fault to retry.';

  test('every wrong refusal in one draft; honoured, unanswered and invalid_grant ones left out', () => {
    expect(checkDeadRefreshTokenRefusedAsInvalidGrant({
      answers: [
        answer({ rejection: { status: 401, error: 'invalid_client' } }),
        answer({ token: 'the one a rotation replaced', rejection: { status: 500 }, exchangeId: 'd2', curl: 'curl d2' }),
        answer({ rejection: { status: 400, error: 'invalid_grant' }, exchangeId: 'd3' }),
        answer({ issued: true, rejection: { status: 401 }, exchangeId: 'd4' }),
        answer({ exchangeId: 'd5' }),
      ],
    })).toEqual([{
      code: 'REFRESH_ERROR_NOT_INVALID_GRANT',
      message: 'a refresh with a dead refresh token got HTTP 401 error=invalid_client (one the server never issued); HTTP 500 without an RFC 6749 error (the one a rotation replaced) instead of HTTP 400 error=invalid_grant',
      fix,
      evidence: ['d1', 'd2'],
      reproduce: 'curl d1',
    }]);
    // Both halves of invalid_grant matter: the status and the error.
    expect(checkDeadRefreshTokenRefusedAsInvalidGrant({ answers: [answer({ rejection: { status: 401, error: 'invalid_grant' } })] })[0]?.message).toContain('HTTP 401 error=invalid_grant');
    expect(checkDeadRefreshTokenRefusedAsInvalidGrant({ answers: [answer({ rejection: { status: 400, error: 'invalid_request' } })] })[0]?.message).toContain('HTTP 400 error=invalid_request');
    expect(checkDeadRefreshTokenRefusedAsInvalidGrant({ answers: [] })).toEqual([]);
  });
});

test.describe('lost access', () => {
  const lostCredentials = { code: 'CONNECTION_EXPIRED' as const, userMessage: '<App> needs you to reconnect (<App>)', hostBehaviour: 'Claude marks the connector disconnected' };
  const base: LostAccessInput = { lost: true, heldRefreshToken: true, lifetimeSeconds: 60, lostCredentials, causes: [], appName: 'Notes' };

  test('not lost: nothing', () => {
    expect(checkAccessSurvivesExpiry({ ...base, lost: false, causes: [{ code: 'REFRESH_REJECTED', evidence: ['r1'] }] })).toEqual([]);
  });

  test('a host defect without a server cause is info', () => {
    expect(checkAccessSurvivesExpiry({ ...base, hostDefect: 'it never refreshes on a 401', appName: undefined })).toEqual([{
      code: 'CONNECTION_EXPIRED',
      severity: 'info',
      message: 'the host lost access without a fault of the server: it never refreshes on a 401. Users see: the app needs you to reconnect (the app). Claude marks the connector disconnected.',
      fix: 'Nothing in the server is wrong; a longer access-token lifetime makes the host meet it less often.',
      evidence: [],
    }]);
    // With a server cause the defect is not the story.
    expect(checkAccessSurvivesExpiry({ ...base, hostDefect: 'x', causes: [{ code: 'REFRESH_REJECTED', evidence: ['r1'] }] })[0]).not.toHaveProperty('severity');
  });

  test('a missing refresh token: root causes with their docs, evidence deduplicated', () => {
    expect(checkAccessSurvivesExpiry({
      ...base,
      heldRefreshToken: false,
      causes: [{ code: 'REFRESH_TOKEN_MISSING', evidence: ['t1', 't2'] }, { code: 'AS_OFFLINE_ACCESS_NOT_ADVERTISED', evidence: ['m1', 't1'] }, { code: 'REFRESH_TOKEN_MISSING', evidence: ['t3'] }],
    })).toEqual([{
      code: 'CONNECTION_EXPIRED',
      message: "the access token expired on the host's clock (after 60 s) and the host holds no refresh token. Users see: Notes needs you to reconnect (Notes). Claude marks the connector disconnected. Root cause: REFRESH_TOKEN_MISSING (docs/findings.md#refresh_token_missing), AS_OFFLINE_ACCESS_NOT_ADVERTISED (docs/findings.md#as_offline_access_not_advertised).",
      fix: 'Return a refresh_token with the access token (see REFRESH_TOKEN_MISSING for the provider switch), and accept grant_type=refresh_token.',
      evidence: ['t1', 't2', 'm1', 't3'],
    }]);
  });

  test('a failed refresh, and a refreshed token the server refuses', () => {
    const { lifetimeSeconds: _l, ...noLifetime } = base;
    expect(checkAccessSurvivesExpiry({ ...noLifetime, causes: [{ code: 'REFRESH_REJECTED', evidence: ['r1'] }] })).toEqual([{
      code: 'CONNECTION_EXPIRED',
      message: "the access token expired on the host's clock (after ? s) and the refresh failed. Users see: Notes needs you to reconnect (Notes). Claude marks the connector disconnected. Root cause: REFRESH_REJECTED (docs/findings.md#refresh_rejected).",
      fix: 'Make grant_type=refresh_token work with the refresh token you issued (see the root-cause finding).',
      evidence: ['r1'],
    }]);
    expect(checkAccessSurvivesExpiry({ ...base, how: 'refreshed-token-refused', causes: [{ code: 'API_REFRESHED_TOKEN_REJECTED', evidence: ['a1'] }] })).toEqual([{
      code: 'CONNECTION_EXPIRED',
      message: "the access token expired on the host's clock (after 60 s) and the server refuses the access token the refresh gave. Users see: Notes needs you to reconnect (Notes). Claude marks the connector disconnected. Root cause: API_REFRESHED_TOKEN_REJECTED (docs/findings.md#api_refreshed_token_rejected).",
      fix: 'Accept the access tokens the refresh grant mints wherever the originals work (see the root-cause finding).',
      evidence: ['a1'],
    }]);
    expect(checkAccessSurvivesExpiry({ ...base, how: 'refresh-failed' })).toEqual([{
      code: 'CONNECTION_EXPIRED',
      message: "the access token expired on the host's clock (after 60 s) and the refresh failed. Users see: Notes needs you to reconnect (Notes). Claude marks the connector disconnected. Root cause: see the refresh exchange.",
      fix: 'Make grant_type=refresh_token work with the refresh token you issued (see the root-cause finding).',
      evidence: [],
    }]);
  });
});

test.describe('refresh outcome', () => {
  const refresh = (over: Partial<HostRefresh> = {}): HostRefresh => ({ issued: false, usedKeptRefreshToken: false, exchangeId: 'r1', curl: 'curl r1', ...over });

  test('rejected and lost refresh tokens', () => {
    expect(checkRefreshAccepted(refresh({ issued: true }))).toEqual([]);
    expect(checkRefreshAccepted(refresh({ failure: 'HTTP 400 invalid_grant' }))).toEqual([{
      code: 'REFRESH_REJECTED',
      message: 'grant_type=refresh_token with the stored refresh token failed: HTTP 400 invalid_grant',
      fix: 'Enable the refresh_token grant for this client and accept refresh tokens you issued, with the same client authentication and body encoding as the code exchange.',
      evidence: ['r1'],
      reproduce: 'curl r1',
    }]);
    expect(checkRefreshAccepted(refresh({ curl: '' }))).toEqual([{
      code: 'REFRESH_REJECTED',
      message: 'grant_type=refresh_token with the stored refresh token failed: no token in the answer',
      fix: 'Enable the refresh_token grant for this client and accept refresh tokens you issued, with the same client authentication and body encoding as the code exchange.',
      evidence: ['r1'],
    }]);
    expect(checkRefreshAccepted(refresh({ usedKeptRefreshToken: true, failure: 'HTTP 400 invalid_grant' }))).toEqual([{
      code: 'REFRESH_TOKEN_LOST',
      message: 'the previous refresh response had no refresh_token, and the refresh token the host kept is now refused (HTTP 400 invalid_grant)',
      fix: 'Either return a new refresh_token with every refresh response, or keep the old refresh token valid when you omit it.',
      evidence: ['r1'],
      reproduce: 'curl r1',
    }]);
    expect(checkRefreshAccepted(refresh({ usedKeptRefreshToken: true }))[0]?.message).toBe('the previous refresh response had no refresh_token, and the refresh token the host kept is now refused (no token)');
  });

  test('an omitted refresh token that keeps working', () => {
    expect(checkOmittedRefreshTokenKeptWorking(refresh({ issued: true, usedKeptRefreshToken: true }))).toEqual([{
      code: 'REFRESH_OMITS_REFRESH_TOKEN',
      message: 'a refresh response had no refresh_token; the host kept the previous one and it still works',
      fix: 'Nothing breaks for this host; returning the refresh token (new or the same) in every refresh response is more robust for other clients.',
      evidence: ['r1'],
    }]);
    expect(checkOmittedRefreshTokenKeptWorking(refresh({ issued: true }))).toEqual([]);
    expect(checkOmittedRefreshTokenKeptWorking(refresh({ usedKeptRefreshToken: true }))).toEqual([]);
  });

  test('a public client\'s refresh token rotates', () => {
    const fix = 'Rotate refresh tokens of public clients: return a new refresh_token with every refresh and retire the old one after a short grace period (OAuth 2.1 §4.3.1).';
    const r = { ...refresh({ issued: true }), previous: 'rt-1' };
    expect(checkPublicClientRefreshRotated({ ...r, returned: 'rt-1' })).toEqual([
      { code: 'REFRESH_NOT_ROTATED', message: 'the refresh answer returned the same refresh token to a public client', fix, evidence: ['r1'], reproduce: 'curl r1' },
    ]);
    expect(checkPublicClientRefreshRotated({ ...r, curl: '', returned: '' })).toEqual([
      { code: 'REFRESH_NOT_ROTATED', message: 'the refresh answer to a public client carries no new refresh_token', fix, evidence: ['r1'] },
    ]);
    expect(checkPublicClientRefreshRotated({ ...r, returned: 'rt-2' })).toEqual([]);
    expect(checkPublicClientRefreshRotated({ ...r, issued: false })).toEqual([]);
  });
});

test.describe('refresh scope', () => {
  test('a narrowed scope names what was lost', () => {
    expect(checkRefreshKeepsScope({ original: 'notes:read, notes:write  offline_access', refreshed: 'notes:read', exchangeId: 's1' })).toEqual([{
      code: 'REFRESH_SCOPE_NARROWED',
      message: 'the refreshed token lacks scope notes:write, offline_access (original "notes:read, notes:write  offline_access", refreshed "notes:read")',
      fix: 'Keep the originally granted scope on refresh when the request names none (RFC 6749 §6).',
      evidence: ['s1'],
    }]);
    expect(checkRefreshKeepsScope({ original: 'a b', refreshed: 'b,a c', exchangeId: 's1' })).toEqual([]);
    expect(checkRefreshKeepsScope({ original: '', refreshed: '', exchangeId: 's1' })).toEqual([]);
    expect(checkRefreshKeepsScope({ refreshed: 'a', exchangeId: 's1' })).toEqual([]);
    expect(checkRefreshKeepsScope({ original: 'a', exchangeId: 's1' })).toEqual([]);
    expect(checkRefreshKeepsScope({ original: 'a', refreshed: '', exchangeId: 's1' })[0]?.message).toBe('the refreshed token lacks scope a (original "a", refreshed "")');
  });
});

test.describe('rotation and concurrency', () => {
  const rotated = {
    code: 'REFRESH_TOKEN_ROTATED',
    message: 'each refresh returns a new refresh token and the previous one is refused at once',
    fix: 'Nothing to fix for this host, which keeps the newest token; a short grace period for the previous token makes lost responses survivable.',
    evidence: ['p1'],
  };
  const replay = { issued: false, exchangeId: 'p1', curl: 'curl p1' };

  test('a refused replay is rotation; a newest token refused after it is a revoked family', () => {
    expect(checkRefreshRotationSurvivesReplay({ replay: { ...replay, issued: true } })).toEqual([]);
    expect(checkRefreshRotationSurvivesReplay({ replay })).toEqual([rotated]);
    expect(checkRefreshRotationSurvivesReplay({ replay, newestAfterReplay: { issued: true, exchangeId: 'n1', curl: 'curl n1' } })).toEqual([rotated]);
    expect(checkRefreshRotationSurvivesReplay({ replay, newestAfterReplay: { issued: false, exchangeId: 'n1', curl: 'curl n1' } })).toEqual([rotated, {
      code: 'REFRESH_REUSE_REVOKES_FAMILY',
      message: 'after the previous refresh token was replayed, the newest one was refused too: the whole grant was revoked',
      fix: 'Allow a grace period (e.g. 30-60 s) in which the previous refresh token still works, or make the host never replay (it cannot guarantee that across lost responses).',
      evidence: ['p1', 'n1'],
      reproduce: 'curl n1',
    }]);
  });

  test('some of the simultaneous refreshes failing is REFRESH_CONCURRENT_FAILS; none or all is not', () => {
    const r = (issued: boolean, id: string, failure?: string) => ({ issued, exchangeId: id, curl: `curl ${id}`, ...(failure ? { failure } : {}) });
    expect(checkConcurrentRefreshes({ results: [r(true, 'c1'), r(false, 'c2', 'HTTP 400 invalid_grant'), r(false, 'c3', 'HTTP 500')] })).toEqual([{
      code: 'REFRESH_CONCURRENT_FAILS',
      message: 'of 3 simultaneous refreshes with the same refresh token, 2 failed (HTTP 400 invalid_grant)',
      fix: 'Give the previous refresh token a short grace period after rotation (or return the same new token to both), so racing refreshes both succeed.',
      evidence: ['c1', 'c2', 'c3'],
    }]);
    expect(checkConcurrentRefreshes({ results: [r(false, 'c1'), r(true, 'c2')] })[0]?.message).toBe('of 2 simultaneous refreshes with the same refresh token, 1 failed (no token)');
    expect(checkConcurrentRefreshes({ results: [r(true, 'c1'), r(true, 'c2')] })).toEqual([]);
    expect(checkConcurrentRefreshes({ results: [r(false, 'c1'), r(false, 'c2')] })).toEqual([]);
    expect(checkConcurrentRefreshes({ results: [] })).toEqual([]);
  });
});

test('refresh scope: empty items from leading separators are no scope', () => {
  expect(checkRefreshKeepsScope({ original: ' a', refreshed: 'a', exchangeId: 's1' })).toEqual([]);
});
