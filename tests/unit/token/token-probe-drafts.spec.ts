import { expect, test } from '@playwright/test';
import { checkClientAssertionVerified, type InvalidAssertionProbe } from '../../../mock-host/checks/token/client-assertion-verified.ts';
import { checkClientAssertionAccepted, checkPublicClientAccepted, checkRefreshWithoutScope, checkResourceAccepted, type RefusedExchange } from '../../../mock-host/checks/token/client-kind-rejected.ts';
import { checkBodyEncodingAccepted, checkClientAuthAccepted, checkExchangeAccepted, type RetriedExchange } from '../../../mock-host/checks/token/exchange-rejected.ts';
import { checkClientSecretVerified, checkCodeSingleUse, checkRedirectUriBound, type ProbedGrant } from '../../../mock-host/checks/token/grant-probes.ts';

// The token endpoint's probe and retry checks, whole drafts (issue 14): what each one says, cites and reproduces.

const grant = (issued: boolean, curl = 'curl -d code=$CODE …'): ProbedGrant => ({ issued, exchangeId: 'x3', curl });

test.describe('grant probes', () => {
  test('CODE_REUSE_ACCEPTED', () => {
    expect(checkCodeSingleUse({ replay: grant(true) })).toEqual([
      {
        code: 'CODE_REUSE_ACCEPTED',
        message: 'the authorization code was exchanged successfully a second time',
        fix: 'Mark codes used at the first exchange and refuse them afterwards; on a replay, also revoke the tokens issued for that code (RFC 6749 §4.1.2).',
        evidence: ['x3'],
        reproduce: 'curl -d code=$CODE …',
      },
    ]);
    expect(checkCodeSingleUse({ replay: grant(true, '') })).toEqual([expect.not.objectContaining({ reproduce: expect.anything() })]);
    expect(checkCodeSingleUse({ replay: grant(false) })).toEqual([]);
  });

  test('CLIENT_SECRET_NOT_VERIFIED', () => {
    expect(checkClientSecretVerified({ wrongSecret: grant(true) })).toEqual([
      {
        code: 'CLIENT_SECRET_NOT_VERIFIED',
        message: 'the token endpoint issued tokens to a request with a wrong client_secret',
        fix: 'Verify client_secret (in constant time) for every grant; answer 401 invalid_client when it is wrong.',
        evidence: ['x3'],
        reproduce: 'curl -d code=$CODE …',
      },
    ]);
    expect(checkClientSecretVerified({ wrongSecret: grant(false) })).toEqual([]);
  });

  test('REDIRECT_URI_NOT_BOUND', () => {
    expect(checkRedirectUriBound({ authorized: 'https://a.example/cb', exchangedWith: 'https://a.example/other', grant: grant(true, '') })).toEqual([
      {
        code: 'REDIRECT_URI_NOT_BOUND',
        message: 'the code authorized for https://a.example/cb was exchanged with redirect_uri=https://a.example/other',
        fix: 'Store the redirect_uri with the code and refuse an exchange whose redirect_uri differs (invalid_grant).',
        evidence: ['x3'],
      },
    ]);
    expect(checkRedirectUriBound({ authorized: 'https://a.example/cb', exchangedWith: 'https://a.example/other', grant: grant(false) })).toEqual([]);
  });
});

test.describe('CLIENT_ASSERTION_NOT_VERIFIED', () => {
  const probe = (issued: boolean, flaw: string, exchangeId: string, curl = ''): InvalidAssertionProbe => ({ issued, flaw, exchangeId, curl });
  const FIX =
    "Verify every client assertion (RFC 7523 §3): the signature with a key from the client's jwks_uri, iss = sub = client_id, aud = the token endpoint or the issuer, exp in the future, and a jti not seen before; answer 401 invalid_client otherwise.";

  test('every accepted flaw, cited, reproduced by the first', () => {
    const probes = [probe(true, 'signed with another key', 'x1'), probe(false, 'for another audience', 'x2'), probe(true, 'that expired', 'x3', 'curl x3')];
    expect(checkClientAssertionVerified({ probes })).toEqual([
      {
        code: 'CLIENT_ASSERTION_NOT_VERIFIED',
        message: 'the token endpoint issued tokens for a client assertion signed with another key; and for one that expired',
        fix: FIX,
        evidence: ['x1', 'x3'],
      },
    ]);
    expect(checkClientAssertionVerified({ probes: [probe(true, 'replayed', 'x4', 'curl x4')] })).toEqual([
      { code: 'CLIENT_ASSERTION_NOT_VERIFIED', message: 'the token endpoint issued tokens for a client assertion replayed', fix: FIX, evidence: ['x4'], reproduce: 'curl x4' },
    ]);
    expect(checkClientAssertionVerified({ probes: [probe(false, 'replayed', 'x4')] })).toEqual([]);
    expect(checkClientAssertionVerified({ probes: [] })).toEqual([]);
  });
});

test.describe('client kinds and retries', () => {
  const refused = (over: Partial<RefusedExchange>): RefusedExchange => ({ rejection: { status: 401, error: 'invalid_client' }, authMethod: 'none', registered: true, exchangeId: 'x1', curl: 'curl x1', ...over });

  test('TOKEN_PUBLIC_CLIENT_REJECTED, with the status and the error when there is one', () => {
    expect(checkPublicClientAccepted(refused({}))).toEqual([
      {
        code: 'TOKEN_PUBLIC_CLIENT_REJECTED',
        message: 'the token endpoint refused the code exchange of a public client (401 invalid_client) that it registered with token_endpoint_auth_method none',
        fix: 'Let public clients (token_endpoint_auth_method none) exchange their codes with client_id and code_verifier: PKCE is their proof (RFC 7636, OAuth 2.1 §2.1).',
        evidence: ['x1'],
        reproduce: 'curl x1',
      },
    ]);
    expect(checkPublicClientAccepted(refused({ rejection: { status: 401 } }))[0]?.message).toBe(
      'the token endpoint refused the code exchange of a public client (401) that it registered with token_endpoint_auth_method none',
    );
    expect(checkPublicClientAccepted(refused({ rejection: { status: 400, error: 'invalid_client' } }))).toHaveLength(1);
    expect(checkPublicClientAccepted(refused({ rejection: undefined }))).toEqual([]);
    expect(checkPublicClientAccepted(refused({ rejection: { status: 400 } }))).toEqual([]);
  });

  test('TOKEN_CLIENT_ASSERTION_REJECTED: an error with its status; a warning when only the issuer audience works', () => {
    const assertion = refused({ authMethod: 'private_key_jwt', registered: false, rejection: { status: 400, error: 'unauthorized_client' } });
    const FIX = "Verify client assertions against the key at the client document's jwks_uri, and accept aud as either the token endpoint URL or the issuer (RFC 7523, draft-ietf-oauth-rfc7523bis).";
    expect(checkClientAssertionAccepted(assertion)).toEqual([
      {
        code: 'TOKEN_CLIENT_ASSERTION_REJECTED',
        message: "the token endpoint refused the host's private_key_jwt client assertion (400 unauthorized_client)",
        fix: FIX,
        evidence: ['x1'],
        reproduce: 'curl x1',
      },
    ]);
    expect(checkClientAssertionAccepted({ ...assertion, rejection: { status: 401 }, issuerAudienceAccepted: false, issuerAudienceExchangeId: 'x2' })).toEqual([
      {
        code: 'TOKEN_CLIENT_ASSERTION_REJECTED',
        message: "the token endpoint refused the host's private_key_jwt client assertion (401)",
        fix: FIX,
        evidence: ['x1', 'x2'],
        reproduce: 'curl x1',
      },
    ]);
    expect(checkClientAssertionAccepted({ ...assertion, issuerAudienceAccepted: true, issuerAudienceExchangeId: 'x2' })).toEqual([
      {
        code: 'TOKEN_CLIENT_ASSERTION_REJECTED',
        severity: 'warning',
        message: "the token endpoint refused the host's client assertion with aud = the token endpoint URL, and accepted the same assertion with aud = the issuer",
        fix: FIX,
        evidence: ['x1', 'x2'],
        reproduce: 'curl x1',
      },
    ]);
    expect(checkClientAssertionAccepted({ ...assertion, rejection: { status: 400, error: 'invalid_grant' } })).toEqual([]);
    expect(checkClientAssertionAccepted({ ...assertion, authMethod: 'none' })).toEqual([]);
  });

  const retry = { failedExchangeId: 'x1', retryExchangeId: 'x2', curl: 'curl x1' };

  test('RESOURCE_PARAMETER_REJECTED names the grant and the resource', () => {
    const FIX = "Accept the MCP server's URL, path included, as an RFC 8707 resource (https://mcp.example/mcp) at the token endpoint (Entra: use an Application ID URI the server also accepts, or a proxy that maps it).";
    expect(checkResourceAccepted({ ...retry, resource: 'https://mcp.example/mcp', grant: 'authorization_code', withoutIssued: true })).toEqual([
      {
        code: 'RESOURCE_PARAMETER_REJECTED',
        message: 'the code exchange with resource=https://mcp.example/mcp was refused, and the same request without resource succeeded',
        fix: FIX,
        evidence: ['x1', 'x2'],
        reproduce: 'curl x1',
      },
    ]);
    expect(checkResourceAccepted({ ...retry, resource: 'https://mcp.example/mcp', grant: 'refresh_token', withoutIssued: true })[0]?.message).toBe(
      'the refresh with resource=https://mcp.example/mcp was refused, and the same request without resource succeeded',
    );
  });

  test('REFRESH_NEEDS_SCOPE names the scope that worked', () => {
    expect(checkRefreshWithoutScope({ ...retry, scope: 'notes:read offline_access', withScopeIssued: true })).toEqual([
      {
        code: 'REFRESH_NEEDS_SCOPE',
        message: 'the refresh the host sends (no scope) was refused, and the same refresh with scope="notes:read offline_access" succeeded (Entra: AADSTS90009)',
        fix: "Keep the grant's scope with the refresh token and apply it when a refresh names none (RFC 6749 §6), or put a token proxy in front that adds the scope.",
        evidence: ['x1', 'x2'],
        reproduce: 'curl x1',
      },
    ]);
  });
});

test.describe('retried exchanges', () => {
  const retried = (retryIssued: boolean): RetriedExchange => ({ status: 400, failedExchangeId: 'x1', failedCurl: 'curl x1', retryExchangeId: 'x2', retryIssued });

  test('TOKEN_BODY_ENCODING_REJECTED, either way round', () => {
    expect(checkBodyEncodingAccepted({ ...retried(true), used: 'json', other: 'form', fix: 'send a form' })).toEqual([
      {
        code: 'TOKEN_BODY_ENCODING_REJECTED',
        message: 'the token endpoint answered 400 to a JSON body (the encoding the host uses) and accepted the same request as a form-encoded body',
        fix: 'send a form',
        evidence: ['x1', 'x2'],
        reproduce: 'curl x1',
      },
    ]);
    expect(checkBodyEncodingAccepted({ ...retried(true), used: 'form', other: 'json', fix: 'f' })[0]?.message).toBe(
      'the token endpoint answered 400 to a form-encoded body (the encoding the host uses) and accepted the same request as a JSON body',
    );
  });

  test('TOKEN_CLIENT_AUTH_REJECTED names where the credentials went', () => {
    expect(checkClientAuthAccepted({ ...retried(true), used: 'client_secret_post', other: 'client_secret_basic', fix: 'read the body' })).toEqual([
      {
        code: 'TOKEN_CLIENT_AUTH_REJECTED',
        message: 'the token endpoint answered 400 to client credentials in the request body and accepted them in the Basic header',
        fix: 'read the body',
        evidence: ['x1', 'x2'],
        reproduce: 'curl x1',
      },
    ]);
    expect(checkClientAuthAccepted({ ...retried(true), used: 'private_key_jwt', other: 'client_secret_post', fix: 'f' })[0]?.message).toBe(
      'the token endpoint answered 400 to client credentials in private_key_jwt and accepted them in the request body',
    );
    expect(checkClientAuthAccepted({ ...retried(false), used: 'client_secret_post', other: 'client_secret_basic', fix: 'f' })).toEqual([]);
  });

  test('TOKEN_EXCHANGE_REJECTED: the failure, or no token; the reproduction when there is one', () => {
    const base = { issued: false, knownCauses: [], exchangeId: 'x1', curl: 'curl x1', fix: 'look at the log' };
    expect(checkExchangeAccepted({ ...base, failure: 'HTTP 500' })).toEqual([
      { code: 'TOKEN_EXCHANGE_REJECTED', message: 'the token endpoint refused the code exchange: HTTP 500', fix: 'look at the log', evidence: ['x1'], reproduce: 'curl x1' },
    ]);
    expect(checkExchangeAccepted({ ...base, curl: '' })).toEqual([
      { code: 'TOKEN_EXCHANGE_REJECTED', message: 'the token endpoint refused the code exchange: no token in the answer', fix: 'look at the log', evidence: ['x1'] },
    ]);
  });
});
