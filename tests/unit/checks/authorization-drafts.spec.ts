import { test, expect } from '@playwright/test';
import { checkAuthorizePageLoads, type AuthorizePageFailure } from '../../../mock-host/checks/authorization/authorize-page.ts';
import { checkCallbackError, checkCallbackIssuer, checkCallbackSingleValued, checkCodeReturned, checkStateMatches, checkStateReturned, type CallbackInput } from '../../../mock-host/checks/authorization/callback.ts';
import { checkConsentDenyHonoured } from '../../../mock-host/checks/authorization/consent-deny.ts';
import { checkLoginAutomated } from '../../../mock-host/checks/authorization/login.ts';
import { checkPkceEnforced } from '../../../mock-host/checks/authorization/pkce-enforced.ts';
import { checkUnregisteredRedirectRefused } from '../../../mock-host/checks/authorization/unregistered-redirect.ts';
import type { AuthorizationRequest } from '../../../mock-host/model/authorization.ts';
import { parseCallback } from '../../../mock-host/oauth/callback.ts';

// Whole drafts of the authorization checks (issue 14's mutation score): each branch's message, fix and evidence.
const REDIRECT = 'https://claude.ai/api/mcp/auth_callback';
const sent: AuthorizationRequest = { url: 'https://as.example/authorize?state=s-1', state: 's-1', redirectUri: REDIRECT, clientId: 'https://claude.ai/oauth/client.json', scope: 'read' };
const input = (query: string, over: Partial<AuthorizationRequest> = {}, exchangeId: string | null = 'x7'): CallbackInput => ({
  callback: parseCallback(`${REDIRECT}?${query}`),
  sent: { ...sent, ...over },
  ...(exchangeId ? { exchangeId } : {}),
});

test.describe('authorization page', () => {
  const page = (failure: AuthorizePageFailure, extra: { exchangeId?: string; cimdClientId?: string } = { exchangeId: 'x2' }) =>
    checkAuthorizePageLoads({ failure, redirectUri: REDIRECT, hostName: 'Claude', ...extra });

  test('unreachable, redirect URI refused, another refusal: whole drafts', () => {
    expect(page({ kind: 'unreachable', detail: 'net::ERR_CONNECTION_REFUSED' })).toEqual([
      { code: 'AUTHORIZE_UNREACHABLE', message: 'the authorization page did not load: net::ERR_CONNECTION_REFUSED', fix: "Make the authorization page reachable over HTTPS from users' browsers.", evidence: ['x2'] },
    ]);
    expect(page({ kind: 'refused', status: 400, text: 'Invalid Redirect URI' }, {})).toEqual([{
      code: 'REDIRECT_URI_REJECTED',
      message: 'the authorization page answered 400 and names the redirect URI: "Invalid Redirect URI"',
      fix: `Register exactly ${REDIRECT} as a redirect URI of the OAuth client (Claude uses it verbatim).`,
    }]);
    const long = 'x'.repeat(300);
    expect(page({ kind: 'refused', status: 500, text: long })).toEqual([{
      code: 'AUTHORIZE_UNREACHABLE',
      message: `the authorization page answered 500 without redirecting: "${'x'.repeat(160)}"`,
      fix: 'Serve the authorization page for GET requests with the parameters the host sends.',
      evidence: ['x2'],
    }]);
    expect(page({ kind: 'refused', status: 400, text: `redirect_uri ${long}` })[0]?.message).toBe(`the authorization page answered 400 and names the redirect URI: "${`redirect_uri ${long}`.slice(0, 160)}"`);
  });

  test('a CIMD client refused on a page that does not name the redirect URI', () => {
    const cimdClientId = 'https://claude.ai/oauth/client.json';
    expect(page({ kind: 'refused', status: 400, text: 'unknown client' }, { exchangeId: 'x3', cimdClientId })).toEqual([{
      code: 'CIMD_HOST_DOCUMENT_REJECTED',
      message: `the authorization page answered 400 to the host's client ID metadata document ${cimdClientId}: "unknown client"`,
      fix: "Accept the host's client metadata document as published (fetch it within your limits, take its redirect_uris, read token_endpoint_auth_methods_supported as well as the singular token_endpoint_auth_method).",
      evidence: ['x3'],
    }]);
    expect(page({ kind: 'refused', status: 400, text: 'c'.repeat(200) }, { cimdClientId })[0]?.message).toBe(`the authorization page answered 400 to the host's client ID metadata document ${cimdClientId}: "${'c'.repeat(160)}"`);
    expect(page({ kind: 'refused', status: 400, text: 'bad redirect uri' }, { cimdClientId })[0]?.code).toBe('REDIRECT_URI_REJECTED');
    expect(page({ kind: 'unreachable', detail: 'dns' }, { cimdClientId })[0]?.code).toBe('AUTHORIZE_UNREACHABLE');
  });
});

test.describe('callback', () => {
  test('repeated parameters', () => {
    expect(checkCallbackSingleValued(input('code=a&code=b&state=s-1&state=evil'))).toEqual([{
      code: 'STATE_MISMATCH',
      message: 'the callback repeats code and state; the host cannot tell which value answers its request, so it refuses the install',
      fix: "Redirect to the redirect_uri with exactly one code and one state (RFC 6749 §3.1: parameters must not be repeated); append to the redirect_uri's query instead of concatenating strings.",
      evidence: ['x7'],
    }]);
    expect(checkCallbackSingleValued(input('code=a&code=b&state=s-1', {}, null))[0]).not.toHaveProperty('evidence');
  });

  const error = (query: string, over: Partial<AuthorizationRequest> = {}, extra: { hostSendsPkce?: boolean; clientSource?: 'configured' | 'dcr' | 'cimd' } = {}) =>
    checkCallbackError({ ...input(query, over), hostSendsPkce: extra.hostSendsPkce ?? false, hostName: 'ChatGPT plugin', ...(extra.clientSource ? { clientSource: extra.clientSource } : {}) });

  test('CIMD client refused', () => {
    const draft = {
      code: 'CIMD_HOST_DOCUMENT_REJECTED',
      message: `the authorization server refused the host's client ID metadata document ${sent.clientId}: error=invalid_client (client document unreadable)`,
      fix: "Accept the host's client metadata document as published: fetch it, take client_id and redirect_uris from it, and read token_endpoint_auth_methods_supported as well as the singular token_endpoint_auth_method (ChatGPT declares private_key_jwt and lists none too).",
      evidence: ['x7'],
    };
    expect(error('error=invalid_client&error_description=client%20document%20unreadable', {}, { clientSource: 'cimd' })).toEqual([draft]);
    expect(error('error=unauthorized_client', {}, { clientSource: 'cimd' })[0]?.code).toBe('CIMD_HOST_DOCUMENT_REJECTED');
    expect(error('error=invalid_client', {}, { clientSource: 'dcr' })[0]?.code).toBe('AUTHORIZE_ERROR_RESPONSE');
    expect(error('error=access_denied', {}, { clientSource: 'cimd' })[0]?.code).toBe('AUTHORIZE_ERROR_RESPONSE');
  });

  test('resource refused', () => {
    expect(error('error=invalid_target', { resource: 'https://mcp.example/mcp' })).toEqual([{
      code: 'RESOURCE_PARAMETER_REJECTED',
      message: 'the authorization server refused resource=https://mcp.example/mcp: error=invalid_target',
      fix: "Accept the MCP server's URL as an RFC 8707 resource indicator, path included (https://mcp.example/mcp), and bind it into the token's audience.",
      evidence: ['x7'],
    }]);
    expect(error('error=invalid_target')[0]?.code).toBe('AUTHORIZE_ERROR_RESPONSE');
    expect(error('error=invalid_request', { resource: 'https://mcp.example/mcp' })[0]?.code).toBe('AUTHORIZE_ERROR_RESPONSE');
  });

  test('PKCE demanded from a host that sends none', () => {
    expect(error('error=invalid_request&error_description=PKCE%20required')).toEqual([{
      code: 'PKCE_REQUIRED',
      message: 'the provider demands PKCE: error=invalid_request (PKCE required)',
      fix: 'ChatGPT plugin hosts send no code_challenge: make PKCE optional for this confidential client (it authenticates with its client secret).',
      evidence: ['x7'],
    }]);
    expect(error('error=invalid_request&error_description=missing%20Code_Challenge')[0]?.code).toBe('PKCE_REQUIRED');
    expect(error('error=invalid_request&error_description=pkce%20required', {}, { hostSendsPkce: true })[0]?.code).toBe('AUTHORIZE_ERROR_RESPONSE');
  });

  test('empty scope refused, redirect URI refused, any other error', () => {
    expect(error('error=invalid_scope', { scope: '  ' })).toEqual([{
      code: 'SCOPE_EMPTY_REJECTED',
      message: 'the host sent no scope and the provider rejects that: error=invalid_scope',
      fix: 'Put at least one scope in the configuration (a placeholder is fine), or let the authorization server apply default scopes when scope is empty.',
      evidence: ['x7'],
    }]);
    expect(error('error=invalid_request', { scope: '' })[0]?.code).toBe('AUTHORIZE_ERROR_RESPONSE');
    expect(error('error=invalid_request&error_description=bad%20REDIRECT_URI')).toEqual([{
      code: 'REDIRECT_URI_REJECTED',
      message: `the provider refused redirect_uri=${REDIRECT}: error=invalid_request (bad REDIRECT_URI)`,
      fix: `Register exactly ${REDIRECT} as a redirect URI of the OAuth client.`,
      evidence: ['x7'],
    }]);
    expect(error('error=redirect_uri_mismatch')[0]?.code).toBe('REDIRECT_URI_REJECTED');
    const long = 'd'.repeat(300);
    expect(error(`error=server_error&error_description=${long}`)).toEqual([{
      code: 'AUTHORIZE_ERROR_RESPONSE',
      message: `the provider redirected back with error=server_error (${'d'.repeat(200)})`,
      fix: 'Check the OAuth client configuration the error names; the host only shows users a generic failure.',
      evidence: ['x7'],
    }]);
    expect(error('code=abc&state=s-1')).toEqual([]);
  });

  test('state returned, state matches, code returned', () => {
    expect(checkStateReturned(input('code=abc'))).toEqual([{
      code: 'STATE_NOT_RETURNED',
      message: 'the callback carried a code but no state parameter; the host aborts the install',
      fix: 'Echo the state parameter from the authorization request unchanged on the redirect (RFC 6749 §4.1.2).',
      evidence: ['x7'],
    }]);
    const fix = 'Return the state parameter byte for byte as received; do not re-encode, trim or regenerate it.';
    expect(checkStateMatches({ ...input('code=abc&state=s-22'), verdict: { ok: true, matchesThisInstall: false } })).toEqual([
      { code: 'STATE_MISMATCH', message: 'the callback\'s state (4 characters) is not the one the host sent (another install)', fix, evidence: ['x7'] },
    ]);
    expect(checkStateMatches({ ...input('code=abc'), verdict: { ok: false, reason: 'missing' } })).toEqual([
      { code: 'STATE_MISMATCH', message: 'the callback\'s state (0 characters) is not the one the host sent (missing)', fix, evidence: ['x7'] },
    ]);
    expect(checkStateMatches({ ...input('code=abc&state=s-1'), verdict: { ok: false, reason: 'unknown' } })[0]?.message).toContain('(unknown)');
    expect(checkStateMatches({ ...input('code=abc&state=s-1'), verdict: { ok: true, matchesThisInstall: true } })).toEqual([]);
    expect(checkCodeReturned(input('state=s-1'))).toEqual([
      { code: 'AUTHORIZE_ERROR_RESPONSE', message: 'the callback carried neither code nor error', fix: 'Redirect to the redirect_uri with code and state after consent.', evidence: ['x7'] },
    ]);
  });

  test('RFC 9207 iss', () => {
    const fix = 'Add iss=<your issuer, exactly as in the metadata> to every authorization response, success and error (RFC 9207 §2), or stop advertising authorization_response_iss_parameter_supported.';
    const iss = (query: string, advertised = true) => checkCallbackIssuer({ ...input(query), advertised, issuer: 'https://as.example' });
    expect(iss('code=a&state=s-1&iss=https%3A%2F%2Fas.example')).toEqual([]);
    expect(iss('code=a&state=s-1', false)).toEqual([]);
    expect(iss('code=a&state=s-1&iss=https%3A%2F%2Fevil.example', false)).toEqual([]);
    expect(iss('code=a&state=s-1')).toEqual([{
      code: 'AUTHORIZE_ISS_INVALID',
      message: 'the authorization response carries no iss, though the metadata advertises authorization_response_iss_parameter_supported',
      fix,
      evidence: ['x7'],
    }]);
    expect(iss(`code=a&state=s-1&iss=${'i'.repeat(300)}`)).toEqual([{
      code: 'AUTHORIZE_ISS_INVALID',
      message: `the authorization response's iss "${'i'.repeat(200)}" is not the metadata's issuer "https://as.example"`,
      fix,
      evidence: ['x7'],
    }]);
    expect(iss('code=a&state=s-1&iss=')[0]?.message).toBe('the authorization response\'s iss "" is not the metadata\'s issuer "https://as.example"');
  });
});

test.describe('consent, login, PKCE, unregistered redirect', () => {
  test('consent deny ignored', () => {
    const fix = 'When the user denies consent, redirect to the redirect URI with error=access_denied (and the state) and issue no code.';
    expect(checkConsentDenyHonoured({ codeSent: false, error: 'access_denied', exchangeId: 'c1' })).toEqual([]);
    expect(checkConsentDenyHonoured({ codeSent: true, exchangeId: 'c1' })).toEqual([
      { code: 'CONSENT_DENY_IGNORED', message: 'the harness pressed the consent page\'s deny button and the callback still carried a code', fix, evidence: ['c1'] },
    ]);
    expect(checkConsentDenyHonoured({ codeSent: true, error: 'access_denied' })).toEqual([
      { code: 'CONSENT_DENY_IGNORED', message: 'the harness pressed the consent page\'s deny button and the callback still carried a code (and error=access_denied)', fix },
    ]);
    expect(checkConsentDenyHonoured({ codeSent: true, error: null })[0]?.message).toBe('the harness pressed the consent page\'s deny button and the callback still carried a code');
  });

  test('login automation', () => {
    const fix = 'Not a plugin fault. Set PLUGIN_LOGIN_USERNAME and PLUGIN_LOGIN_PASSWORD for a test account, or PLUGIN_LOGIN_SCRIPT (a module that logs in), or PLUGIN_STORAGE_STATE (a saved logged-in browser state) for providers that block automation.';
    expect(checkLoginAutomated({ stuckAt: 'https://as.example/login' })).toEqual([]);
    expect(checkLoginAutomated({ reason: 'no button', exchangeId: 'l1' })).toEqual([
      { code: 'LOGIN_AUTOMATION_FAILED', message: 'the harness could not get through login and consent at an unknown page: no button', fix, evidence: ['l1'] },
    ]);
    expect(checkLoginAutomated({ stuckAt: 'https://as.example/mfa', reason: '' })).toEqual([
      { code: 'LOGIN_AUTOMATION_FAILED', message: 'the harness could not get through login and consent at https://as.example/mfa: ', fix },
    ]);
  });

  test('PKCE not enforced: every failed probe in message and fix, evidence and the first reproduction', () => {
    expect(checkPkceEnforced({
      probes: [
        { kind: 'no-challenge', codeIssued: true, exchangeId: 'p1' },
        { kind: 'plain-challenge', codeIssued: false, exchangeId: 'p2' },
        { kind: 'plain-challenge', codeIssued: true },
        { kind: 'missing-verifier', issued: true, exchangeId: 'p4' },
        { kind: 'wrong-verifier', issued: true, exchangeId: 'p5', curl: 'curl p5' },
        { kind: 'wrong-verifier', issued: false, exchangeId: 'p6', curl: 'curl p6' },
      ],
    })).toEqual([{
      code: 'PKCE_NOT_ENFORCED',
      message: 'an authorization request without code_challenge got a code; an authorization request with code_challenge_method=plain got a code; the token endpoint exchanged a code for tokens without code_verifier; the token endpoint exchanged a code for tokens with a wrong code_verifier',
      fix: [
        'Refuse authorization requests without code_challenge (redirect with error=invalid_request): OAuth 2.1 and MCP require PKCE for every client.',
        'Accept only code_challenge_method=S256 (and advertise code_challenge_methods_supported: ["S256"]); refuse plain, and a code_challenge without a method, with error=invalid_request.',
        'Refuse the exchange of a code issued for a code_challenge when code_verifier is missing (400 invalid_grant).',
        "Store the code_challenge with the code and refuse the exchange (400 invalid_grant) unless BASE64URL(SHA256(code_verifier)) equals it.",
      ].join(' '),
      evidence: ['p1', 'p4', 'p5'],
      reproduce: 'curl p5',
    }]);
    // Without exchange ids or a reproduction, the draft has neither member.
    expect(checkPkceEnforced({ probes: [{ kind: 'plain-challenge', codeIssued: true }] })).toEqual([{
      code: 'PKCE_NOT_ENFORCED',
      message: 'an authorization request with code_challenge_method=plain got a code',
      fix: 'Accept only code_challenge_method=S256 (and advertise code_challenge_methods_supported: ["S256"]); refuse plain, and a code_challenge without a method, with error=invalid_request.',
    }]);
    expect(checkPkceEnforced({ probes: [{ kind: 'missing-verifier', issued: true, exchangeId: 'p4', curl: '' }, { kind: 'wrong-verifier', issued: true, exchangeId: 'p5', curl: 'curl p5' }] })[0]?.reproduce).toBe('curl p5');
    expect(checkPkceEnforced({ probes: [] })).toEqual([]);
  });

  test('unregistered redirect', () => {
    const fix = 'Compare redirect_uri with the registered URIs by exact string match before showing login or consent; show an error page (no redirect) when it is not registered.';
    expect(checkUnregisteredRedirectRefused({ redirectUri: 'https://evil.invalid/x', codeSent: true, exchangeId: 'u1' })).toEqual([
      { code: 'REDIRECT_URI_NOT_VALIDATED', message: 'the provider sent an authorization code to the unregistered redirect URI https://evil.invalid/x', fix, evidence: ['u1'] },
    ]);
    expect(checkUnregisteredRedirectRefused({ redirectUri: 'https://evil.invalid/x', codeSent: true })).toEqual([
      { code: 'REDIRECT_URI_NOT_VALIDATED', message: 'the provider sent an authorization code to the unregistered redirect URI https://evil.invalid/x', fix },
    ]);
  });
});
