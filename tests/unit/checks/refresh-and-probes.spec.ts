import { test, expect } from '@playwright/test';
import { checkRedirectKeepsAuth } from '../../../mock-host/checks/api/redirect-drops-auth.ts';
import { checkAccessSurvivesExpiry } from '../../../mock-host/checks/refresh/lost-access.ts';
import { checkOmittedRefreshTokenKeptWorking, checkRefreshAccepted } from '../../../mock-host/checks/refresh/refresh-outcome.ts';
import { checkRefreshKeepsScope } from '../../../mock-host/checks/refresh/refresh-scope.ts';
import { checkConcurrentRefreshes, checkRefreshRotationSurvivesReplay } from '../../../mock-host/checks/refresh/rotation.ts';
import { checkBodyEncodingAccepted, checkClientAuthAccepted, checkExchangeAccepted } from '../../../mock-host/checks/token/exchange-rejected.ts';
import { checkClientSecretVerified, checkCodeSingleUse, checkRedirectUriBound } from '../../../mock-host/checks/token/grant-probes.ts';
import { chatgptPlugin } from '../../../mock-host/profiles/chatgpt-plugin/index.ts';

const codes = (drafts: readonly { code: string }[]) => drafts.map((d) => d.code);
const grant = (issued: boolean, id = 'x9') => ({ issued, exchangeId: id, curl: `curl -d refresh_token=$REFRESH_TOKEN https://as.example/token # ${id}` });

test.describe('refresh checks', () => {
  const refresh = (issued: boolean, usedKeptRefreshToken: boolean) => ({ issued, usedKeptRefreshToken, failure: 'HTTP 400: error=invalid_grant', exchangeId: 'x5', curl: 'curl …' });

  test('a refused refresh is REFRESH_REJECTED, or REFRESH_TOKEN_LOST when the token was kept from an earlier response', () => {
    expect(checkRefreshAccepted(refresh(false, false))).toMatchObject([{ code: 'REFRESH_REJECTED', evidence: ['x5'], reproduce: 'curl …' }]);
    expect(codes(checkRefreshAccepted(refresh(false, true)))).toEqual(['REFRESH_TOKEN_LOST']);
    expect(checkRefreshAccepted(refresh(true, false))).toEqual([]);
  });

  test('a kept refresh token that still works is REFRESH_OMITS_REFRESH_TOKEN (info), only then', () => {
    expect(codes(checkOmittedRefreshTokenKeptWorking(refresh(true, true)))).toEqual(['REFRESH_OMITS_REFRESH_TOKEN']);
    expect(checkOmittedRefreshTokenKeptWorking(refresh(true, false))).toEqual([]);
    expect(checkOmittedRefreshTokenKeptWorking(refresh(false, true))).toEqual([]);
  });

  test('a refresh that loses scope is REFRESH_SCOPE_NARROWED', () => {
    const [d] = checkRefreshKeepsScope({ original: 'read write', refreshed: 'read', exchangeId: 'x6' });
    expect(d).toMatchObject({ code: 'REFRESH_SCOPE_NARROWED', evidence: ['x6'] });
    expect(d?.message).toContain('lacks scope write');
    expect(checkRefreshKeepsScope({ original: 'read write', refreshed: 'write read extra', exchangeId: 'x6' })).toEqual([]);
    expect(checkRefreshKeepsScope({ original: 'read', exchangeId: 'x6' })).toEqual([]);
  });

  test('rotation: a refused replay is REFRESH_TOKEN_ROTATED; the newest refused after it is REFRESH_REUSE_REVOKES_FAMILY', () => {
    expect(checkRefreshRotationSurvivesReplay({ replay: grant(true) })).toEqual([]);
    expect(codes(checkRefreshRotationSurvivesReplay({ replay: grant(false, 'x1'), newestAfterReplay: grant(true, 'x2') }))).toEqual(['REFRESH_TOKEN_ROTATED']);
    const family = checkRefreshRotationSurvivesReplay({ replay: grant(false, 'x1'), newestAfterReplay: grant(false, 'x2') });
    expect(codes(family)).toEqual(['REFRESH_TOKEN_ROTATED', 'REFRESH_REUSE_REVOKES_FAMILY']);
    expect(family[1]?.evidence).toEqual(['x1', 'x2']);
  });

  test('one of two racing refreshes failing is REFRESH_CONCURRENT_FAILS; both failing is not a race', () => {
    expect(codes(checkConcurrentRefreshes({ results: [grant(true, 'a'), { ...grant(false, 'b'), failure: 'invalid_grant' }] }))).toEqual(['REFRESH_CONCURRENT_FAILS']);
    expect(checkConcurrentRefreshes({ results: [grant(true), grant(true)] })).toEqual([]);
    expect(checkConcurrentRefreshes({ results: [grant(false), grant(false)] })).toEqual([]);
  });

  test('lost access is the profile\'s outcome code, with its user message and the causes\' evidence', () => {
    const [d] = checkAccessSurvivesExpiry({
      lost: true,
      heldRefreshToken: false,
      lifetimeSeconds: 3600,
      lostCredentials: chatgptPlugin.lostCredentials,
      causes: [{ code: 'REFRESH_TOKEN_MISSING', evidence: ['x3'] }],
    });
    expect(d?.code).toBe('USER_MISSING_CREDENTIALS');
    expect(d?.message).toContain('User is missing credentials');
    expect(d?.message).toContain('REFRESH_TOKEN_MISSING (docs/findings.md#refresh_token_missing)');
    expect(d?.evidence).toEqual(['x3']);
    expect(checkAccessSurvivesExpiry({ lost: false, heldRefreshToken: true, lostCredentials: chatgptPlugin.lostCredentials, causes: [] })).toEqual([]);
  });
});

test.describe('token endpoint decisions', () => {
  const retried = (retryIssued: boolean) => ({ status: 400, failedExchangeId: 'x1', failedCurl: 'curl x1', retryExchangeId: 'x2', retryIssued });

  test('the other encoding or client auth working names what the endpoint objects to', () => {
    expect(checkBodyEncodingAccepted({ ...retried(true), used: 'json', other: 'form', fix: 'f' })).toMatchObject([{ code: 'TOKEN_BODY_ENCODING_REJECTED', evidence: ['x1', 'x2'], reproduce: 'curl x1' }]);
    expect(checkBodyEncodingAccepted({ ...retried(false), used: 'json', other: 'form', fix: 'f' })).toEqual([]);
    const [auth] = checkClientAuthAccepted({ ...retried(true), used: 'client_secret_post', other: 'client_secret_basic', fix: 'f' });
    expect(auth?.code).toBe('TOKEN_CLIENT_AUTH_REJECTED');
    expect(auth?.message).toContain('in the request body and accepted them in the Basic header');
  });

  test('a refused exchange with no other cause is TOKEN_EXCHANGE_REJECTED', () => {
    const base = { issued: false, failure: 'HTTP 400', exchangeId: 'x1', curl: 'c', fix: 'f' };
    expect(codes(checkExchangeAccepted({ ...base, knownCauses: [] }))).toEqual(['TOKEN_EXCHANGE_REJECTED']);
    expect(checkExchangeAccepted({ ...base, knownCauses: ['TOKEN_RESPONSE_NOT_JSON'] })).toEqual([]);
    expect(checkExchangeAccepted({ ...base, issued: true, knownCauses: [] })).toEqual([]);
  });

  test('probes: a replayed code, a wrong secret, another redirect_uri', () => {
    expect(codes(checkCodeSingleUse({ replay: grant(true) }))).toEqual(['CODE_REUSE_ACCEPTED']);
    expect(checkCodeSingleUse({ replay: grant(false) })).toEqual([]);
    expect(checkClientSecretVerified({ wrongSecret: grant(true) })).toMatchObject([{ code: 'CLIENT_SECRET_NOT_VERIFIED', reproduce: grant(true).curl }]);
    expect(checkClientSecretVerified({ wrongSecret: grant(false) })).toEqual([]);
    expect(codes(checkRedirectUriBound({ authorized: 'https://a/cb', exchangedWith: 'https://a/cb-elsewhere', grant: grant(true) }))).toEqual(['REDIRECT_URI_NOT_BOUND']);
  });
});

test('a cross-origin redirect of an authenticated call is API_REDIRECT_DROPS_AUTH', () => {
  const hop = { operationId: 'listTodos', from: 'https://api.example', to: 'https://cdn.example', status: 302, sendsAuth: true, exchangeId: 'x1', curl: 'c' };
  expect(codes(checkRedirectKeepsAuth(hop))).toEqual(['API_REDIRECT_DROPS_AUTH']);
  expect(checkRedirectKeepsAuth({ ...hop, to: hop.from })).toEqual([]);
  expect(checkRedirectKeepsAuth({ ...hop, sendsAuth: false })).toEqual([]);
});
