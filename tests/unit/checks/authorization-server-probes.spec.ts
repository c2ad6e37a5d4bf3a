import { test, expect } from '@playwright/test';
import { checkConsentDenyHonoured } from '../../../mock-host/checks/authorization/consent-deny.ts';
import { checkPkceEnforced } from '../../../mock-host/checks/authorization/pkce-enforced.ts';
import { checkAdvertisedEndpointsExist } from '../../../mock-host/checks/authorization-server/advertised-endpoints.ts';
import { checkInsecureRedirectRefused } from '../../../mock-host/checks/registration/insecure-redirect.ts';
import { checkUnknownClientRefused } from '../../../mock-host/checks/registration/unknown-client.ts';
import { checkClientAssertionVerified } from '../../../mock-host/checks/token/client-assertion-verified.ts';
import { withBrokenSignature } from '../../../mock-host/engine/probes/assertion-probe.ts';

const codes = (drafts: readonly { code: string }[]) => drafts.map((d) => d.code);

// The authorization-server probes send their requests through the recorder; these pure checks decide on what came back.
test.describe('PKCE probes', () => {
  test('a code for a request without code_challenge or with plain is PKCE_NOT_ENFORCED, citing each hop', () => {
    const [d] = checkPkceEnforced({ probes: [{ kind: 'no-challenge', codeIssued: true, exchangeId: 'x1' }, { kind: 'plain-challenge', codeIssued: true, exchangeId: 'x2' }] });
    expect(d).toMatchObject({ code: 'PKCE_NOT_ENFORCED', evidence: ['x1', 'x2'] });
    expect(d?.message).toContain('without code_challenge');
    expect(d?.message).toContain('code_challenge_method=plain');
  });

  test('tokens for a wrong or missing code_verifier are PKCE_NOT_ENFORCED with a reproduction', () => {
    const [wrong] = checkPkceEnforced({ probes: [{ kind: 'no-challenge', codeIssued: false }, { kind: 'wrong-verifier', issued: true, exchangeId: 'x3', curl: 'curl -d code_verifier=$CODE_VERIFIER …' }] });
    expect(wrong).toMatchObject({ code: 'PKCE_NOT_ENFORCED', evidence: ['x3'], reproduce: 'curl -d code_verifier=$CODE_VERIFIER …' });
    expect(codes(checkPkceEnforced({ probes: [{ kind: 'missing-verifier', issued: true, exchangeId: 'x4' }] }))).toEqual(['PKCE_NOT_ENFORCED']);
  });

  test('refusals everywhere are clean', () => {
    expect(
      checkPkceEnforced({
        probes: [
          { kind: 'no-challenge', codeIssued: false, exchangeId: 'x1' },
          { kind: 'plain-challenge', codeIssued: false },
          { kind: 'wrong-verifier', issued: false, exchangeId: 'x3' },
          { kind: 'missing-verifier', issued: false, exchangeId: 'x4' },
        ],
      }),
    ).toEqual([]);
  });
});

test.describe('unknown client', () => {
  const answer = (status: number | undefined, error?: string) => ({ clientId: 'conformance-unknown-1', ...(status !== undefined ? { status } : {}), ...(error ? { error } : {}), exchangeId: 'x5', curl: 'curl …' });

  test('only HTTP 401 invalid_client is right', () => {
    expect(checkUnknownClientRefused(answer(401, 'invalid_client'))).toEqual([]);
    const [d] = checkUnknownClientRefused(answer(400, 'invalid_request'));
    expect(d).toMatchObject({ code: 'UNKNOWN_CLIENT_NOT_INVALID_CLIENT', evidence: ['x5'], reproduce: 'curl …' });
    expect(d?.message).toContain('HTTP 400 error=invalid_request');
    expect(codes(checkUnknownClientRefused(answer(400, 'invalid_client')))).toEqual(['UNKNOWN_CLIENT_NOT_INVALID_CLIENT']);
    expect(codes(checkUnknownClientRefused(answer(401)))).toEqual(['UNKNOWN_CLIENT_NOT_INVALID_CLIENT']);
    expect(checkUnknownClientRefused({ ...answer(undefined), failure: 'connection reset' })[0]?.message).toContain('connection reset');
  });
});

test.describe('dynamic registration of an insecure redirect URI', () => {
  const reg = (status: number | undefined, clientIssued: boolean) => ({ redirectUri: 'http://conformance-insecure.invalid/callback', ...(status !== undefined ? { status } : {}), clientIssued, exchangeId: 'x6' });

  test('a 2xx answer naming a client is DCR_ACCEPTS_INSECURE_REDIRECT; a refusal or no answer is not', () => {
    expect(checkInsecureRedirectRefused(reg(201, true))).toMatchObject([{ code: 'DCR_ACCEPTS_INSECURE_REDIRECT', evidence: ['x6'] }]);
    expect(checkInsecureRedirectRefused(reg(400, false))).toEqual([]);
    expect(checkInsecureRedirectRefused(reg(201, false))).toEqual([]);
    expect(checkInsecureRedirectRefused(reg(undefined, false))).toEqual([]);
  });
});

test.describe('advertised endpoints', () => {
  test('a 404 or no answer is AS_ADVERTISED_ENDPOINT_MISSING, one per endpoint; any other answer is fine', () => {
    const drafts = checkAdvertisedEndpointsExist({
      endpoints: [
        { member: 'revocation_endpoint', url: 'https://as.example/revoke', status: 404, exchangeId: 'x1' },
        { member: 'jwks_uri', url: 'https://as.example/jwks', status: 200, exchangeId: 'x2' },
        { member: 'introspection_endpoint', url: 'https://as.example/introspect', status: 401, exchangeId: 'x3' },
        { member: 'userinfo_endpoint', url: 'https://as.example/userinfo', failure: 'ECONNREFUSED', exchangeId: 'x4' },
      ],
    });
    expect(codes(drafts)).toEqual(['AS_ADVERTISED_ENDPOINT_MISSING', 'AS_ADVERTISED_ENDPOINT_MISSING']);
    expect(drafts[0]).toMatchObject({ evidence: ['x1'] });
    expect(drafts[0]?.fix).toContain('disconnects');
    expect(drafts[1]?.message).toContain('ECONNREFUSED');
    expect(checkAdvertisedEndpointsExist({ endpoints: [{ member: 'registration_endpoint', url: 'https://as.example/register', status: 400, exchangeId: 'x5' }] })).toEqual([]);
  });
});

test.describe('client assertions', () => {
  test('tokens for a broken assertion are CLIENT_ASSERTION_NOT_VERIFIED; a refusal is clean', () => {
    const probe = (issued: boolean) => ({ flaw: 'whose signature does not verify', issued, exchangeId: 'x7', curl: 'curl -d client_assertion=$CLIENT_SECRET …' });
    expect(checkClientAssertionVerified({ probes: [probe(true)] })).toMatchObject([{ code: 'CLIENT_ASSERTION_NOT_VERIFIED', evidence: ['x7'], reproduce: 'curl -d client_assertion=$CLIENT_SECRET …' }]);
    expect(checkClientAssertionVerified({ probes: [probe(false)] })).toEqual([]);
    const [d] = checkClientAssertionVerified({ probes: [probe(false), { ...probe(true), flaw: 'that expired ten minutes ago', exchangeId: 'x9' }] });
    expect(d).toMatchObject({ code: 'CLIENT_ASSERTION_NOT_VERIFIED', evidence: ['x9'] });
    expect(d?.message).toContain('that expired ten minutes ago');
  });

  test('the broken assertion keeps header and claims and changes only the signature', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjIn0.AQIDBA';
    const broken = withBrokenSignature(jwt);
    expect(broken.split('.').slice(0, 2)).toEqual(jwt.split('.').slice(0, 2));
    expect(broken.split('.')[2]).not.toEqual(jwt.split('.')[2]);
    expect(() => withBrokenSignature('not-a-jwt')).toThrow();
  });
});

test.describe('denied consent', () => {
  test('a code after Deny is CONSENT_DENY_IGNORED; error=access_denied without a code is right', () => {
    expect(checkConsentDenyHonoured({ codeSent: true, error: null, exchangeId: 'x8' })).toMatchObject([{ code: 'CONSENT_DENY_IGNORED', evidence: ['x8'] }]);
    expect(checkConsentDenyHonoured({ codeSent: false, error: 'access_denied', exchangeId: 'x8' })).toEqual([]);
  });
});
