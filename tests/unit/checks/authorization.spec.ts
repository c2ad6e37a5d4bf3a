import { test, expect } from '@playwright/test';
import { checkAuthorizePageLoads } from '../../../mock-host/checks/authorization/authorize-page.ts';
import { checkCallbackError, checkCallbackSingleValued, checkCodeReturned, checkStateMatches, checkStateReturned, type CallbackInput } from '../../../mock-host/checks/authorization/callback.ts';
import { checkLoginAutomated } from '../../../mock-host/checks/authorization/login.ts';
import { checkUnregisteredRedirectRefused } from '../../../mock-host/checks/authorization/unregistered-redirect.ts';
import type { AuthorizationRequest } from '../../../mock-host/model/authorization.ts';
import { parseCallback } from '../../../mock-host/oauth/callback.ts';

const REDIRECT = 'https://chat.openai.com/aip/plugin-1/oauth/callback';
const sent: AuthorizationRequest = { url: 'https://as.example/authorize?state=s-1', state: 's-1', redirectUri: REDIRECT, clientId: 'c', scope: 'read' };
const input = (query: string, over: Partial<AuthorizationRequest> = {}): CallbackInput => ({ callback: parseCallback(`${REDIRECT}?${query}`), sent: { ...sent, ...over }, exchangeId: 'x7' });
const codes = (drafts: readonly { code: string }[]) => drafts.map((d) => d.code);

// Every authorization decision is a pure check over what the browser brought back: no browser, no server here.
test.describe('callback checks', () => {
  test('a repeated code or state is STATE_MISMATCH, citing the callback hop', () => {
    const [d] = checkCallbackSingleValued(input('code=a&state=s-1&state=evil'));
    expect(d).toMatchObject({ code: 'STATE_MISMATCH', evidence: ['x7'] });
    expect(d?.message).toContain('repeats state');
    expect(checkCallbackSingleValued(input('code=a&state=s-1'))).toEqual([]);
  });

  test('an error is classified by what it says', () => {
    const run = (query: string, over: Partial<AuthorizationRequest> = {}, hostSendsPkce = false) => codes(checkCallbackError({ ...input(query, over), hostSendsPkce, hostName: 'ChatGPT plugin' }));
    expect(run('error=invalid_request&error_description=code_challenge%20required')).toEqual(['PKCE_REQUIRED']);
    // A host that sends PKCE cannot be "missing" it: the same words are an ordinary error there.
    expect(run('error=invalid_request&error_description=code_challenge%20required', {}, true)).toEqual(['AUTHORIZE_ERROR_RESPONSE']);
    expect(run('error=invalid_scope', { scope: '' })).toEqual(['SCOPE_EMPTY_REJECTED']);
    expect(run('error=invalid_scope', { scope: 'read' })).toEqual(['AUTHORIZE_ERROR_RESPONSE']);
    expect(run('error=invalid_request&error_description=redirect_uri%20mismatch')).toEqual(['REDIRECT_URI_REJECTED']);
    expect(run('error=access_denied')).toEqual(['AUTHORIZE_ERROR_RESPONSE']);
    expect(run('code=abc&state=s-1')).toEqual([]);
    const [d] = checkCallbackError({ ...input('error=server_error&error_description=boom'), hostSendsPkce: false, hostName: 'h' });
    expect(d).toMatchObject({ evidence: ['x7'] });
    expect(d?.message).toContain('error=server_error (boom)');
  });

  test('a missing state is STATE_NOT_RETURNED; a state of another install, an unknown or an expired one is STATE_MISMATCH', () => {
    expect(codes(checkStateReturned(input('code=abc')))).toEqual(['STATE_NOT_RETURNED']);
    expect(checkStateReturned(input('code=abc&state=s-1'))).toEqual([]);
    const matches = (verdict: Parameters<typeof checkStateMatches>[0]['verdict']) => codes(checkStateMatches({ ...input('code=abc&state=s-2'), verdict }));
    expect(matches({ ok: true, matchesThisInstall: true })).toEqual([]);
    expect(matches({ ok: true, matchesThisInstall: false })).toEqual(['STATE_MISMATCH']);
    for (const reason of ['unknown', 'expired', 'missing'] as const) expect(matches({ ok: false, reason })).toEqual(['STATE_MISMATCH']);
    expect(checkStateMatches({ ...input('code=abc&state=s-2'), verdict: { ok: false, reason: 'expired' } })[0]?.message).toContain('(expired)');
  });

  test('a callback with neither code nor error is AUTHORIZE_ERROR_RESPONSE', () => {
    expect(codes(checkCodeReturned(input('state=s-1')))).toEqual(['AUTHORIZE_ERROR_RESPONSE']);
    expect(checkCodeReturned(input('state=s-1&code=abc'))).toEqual([]);
  });
});

test.describe('browser outcome checks', () => {
  test('an authorization page that fails or refuses', () => {
    const page = (failure: Parameters<typeof checkAuthorizePageLoads>[0]['failure']) => checkAuthorizePageLoads({ failure, redirectUri: REDIRECT, hostName: 'ChatGPT plugin', exchangeId: 'x2' });
    expect(page({ kind: 'unreachable', detail: 'net::ERR_CONNECTION_REFUSED' })).toMatchObject([{ code: 'AUTHORIZE_UNREACHABLE', evidence: ['x2'] }]);
    expect(codes(page({ kind: 'refused', status: 400, text: 'Invalid redirect_uri parameter' }))).toEqual(['REDIRECT_URI_REJECTED']);
    expect(codes(page({ kind: 'refused', status: 500, text: 'Internal error' }))).toEqual(['AUTHORIZE_UNREACHABLE']);
  });

  test('a login the harness could not automate is LOGIN_AUTOMATION_FAILED, with the stuck page', () => {
    expect(checkLoginAutomated({})).toEqual([]);
    const [d] = checkLoginAutomated({ stuckAt: 'https://as.example/login', reason: 'found no button', exchangeId: 'x4' });
    expect(d).toMatchObject({ code: 'LOGIN_AUTOMATION_FAILED', evidence: ['x4'] });
    expect(d?.message).toContain('https://as.example/login: found no button');
  });

  test('a code sent to an unregistered redirect URI is REDIRECT_URI_NOT_VALIDATED', () => {
    expect(codes(checkUnregisteredRedirectRefused({ redirectUri: 'https://evil.invalid/x', codeSent: true }))).toEqual(['REDIRECT_URI_NOT_VALIDATED']);
    expect(checkUnregisteredRedirectRefused({ redirectUri: 'https://evil.invalid/x', codeSent: false })).toEqual([]);
  });
});

test('a check refuses to report a code it does not declare', () => {
  expect(checkStateReturned.codes).toEqual(['STATE_NOT_RETURNED']);
  expect(checkCallbackError.id).toBe('authorization-succeeds');
  expect(checkCallbackError.spec).toContain('RFC');
});
