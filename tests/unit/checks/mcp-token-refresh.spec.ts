import { test, expect } from '@playwright/test';
import { checkCallbackError, checkCallbackIssuer, type CallbackInput } from '../../../mock-host/checks/authorization/callback.ts';
import { checkDeadRefreshTokenRefusedAsInvalidGrant, type DeadRefreshAnswer } from '../../../mock-host/checks/refresh/dead-refresh-token.ts';
import { checkAccessSurvivesExpiry } from '../../../mock-host/checks/refresh/lost-access.ts';
import { checkPublicClientRefreshRotated } from '../../../mock-host/checks/refresh/refresh-outcome.ts';
import { checkTokenAudience } from '../../../mock-host/checks/token/audience.ts';
import { checkClientAssertionAccepted, checkPublicClientAccepted, checkRefreshWithoutScope, checkResourceAccepted, type RefusedExchange } from '../../../mock-host/checks/token/client-kind-rejected.ts';
import { checkTokenEndpointFast } from '../../../mock-host/checks/token/endpoint-slow.ts';
import { checkTokenResponseNotCacheable } from '../../../mock-host/checks/token/response-cacheable.ts';
import type { AuthorizationRequest } from '../../../mock-host/model/authorization.ts';
import { parseCallback } from '../../../mock-host/oauth/callback.ts';
import type { TokenHttpFacts, TokenResponseFacts } from '../../../mock-host/oauth/token-facts.ts';
import { claudeConnector } from '../../../mock-host/profiles/claude-connector/index.ts';
import { withTightenedTimeouts } from '../../../mock-host/profiles/tightened-timeouts.ts';
import { lookalikeRedirects } from '../../../mock-host/engine/probes/code-probes.ts';

// The MCP hosts' registration, authorization, token and refresh decisions (FINDINGS.md §7.3–7.6, 7.8): pure checks
// over what the host recorded, no browser and no server.
const codes = (drafts: readonly { code: string }[]) => drafts.map((d) => d.code);
const severities = (drafts: readonly { code: string; severity?: string }[]) => drafts.map((d) => `${d.code}@${d.severity ?? 'catalog'}`);

test.describe('dead refresh tokens', () => {
  const answer = (over: Partial<DeadRefreshAnswer>): DeadRefreshAnswer => ({ token: 'one the server never issued', issued: false, exchangeId: 'x1', curl: 'curl x1', ...over });

  test('400 invalid_grant passes; 401, invalid_request, 5xx and a 200 error are REFRESH_ERROR_NOT_INVALID_GRANT', () => {
    expect(checkDeadRefreshTokenRefusedAsInvalidGrant({ answers: [answer({ rejection: { status: 400, error: 'invalid_grant' } })] })).toEqual([]);
    const [d] = checkDeadRefreshTokenRefusedAsInvalidGrant({ answers: [answer({ rejection: { status: 401, error: 'invalid_request' } })] });
    expect(d).toMatchObject({ code: 'REFRESH_ERROR_NOT_INVALID_GRANT', evidence: ['x1'], reproduce: 'curl x1' });
    expect(d?.message).toContain('HTTP 401 error=invalid_request (one the server never issued)');
    for (const rejection of [{ status: 400, error: 'invalid_request' }, { status: 500 }, { status: 200, error: 'invalid_grant' }]) {
      expect(codes(checkDeadRefreshTokenRefusedAsInvalidGrant({ answers: [answer({ rejection })] }))).toEqual(['REFRESH_ERROR_NOT_INVALID_GRANT']);
    }
  });

  test('one finding for every wrong answer; tokens issued or no answer at all are left to other checks', () => {
    const [d] = checkDeadRefreshTokenRefusedAsInvalidGrant({
      answers: [answer({ rejection: { status: 500 } }), answer({ token: 'a revoked one', exchangeId: 'x2', rejection: { status: 401, error: 'invalid_client' } }), answer({ exchangeId: 'x3', rejection: { status: 400, error: 'invalid_grant' } })],
    });
    expect(d?.evidence).toEqual(['x1', 'x2']);
    expect(checkDeadRefreshTokenRefusedAsInvalidGrant({ answers: [answer({ issued: true }), answer({})] })).toEqual([]);
  });
});

test.describe('lost access under MCP hosts', () => {
  test('a refused refreshed token is CONNECTION_EXPIRED saying so, with its root cause', () => {
    const [d] = checkAccessSurvivesExpiry({
      lost: true,
      heldRefreshToken: true,
      lifetimeSeconds: 3600,
      lostCredentials: claudeConnector.lostCredentials,
      causes: [{ code: 'API_REFRESHED_TOKEN_REJECTED', evidence: ['x4'] }],
      how: 'refreshed-token-refused',
    });
    expect(d?.code).toBe('CONNECTION_EXPIRED');
    expect(d?.message).toContain('the server refuses the access token the refresh gave');
    expect(d?.message).toContain('API_REFRESHED_TOKEN_REJECTED');
    expect(d?.fix).toContain('tokens the refresh grant mints');
    expect(d?.evidence).toEqual(['x4']);
  });
});

test.describe('client kinds at the token endpoint', () => {
  const refused = (over: Partial<RefusedExchange>): RefusedExchange => ({ rejection: { status: 401, error: 'invalid_client' }, authMethod: 'none', registered: true, exchangeId: 'x1', curl: 'curl x1', ...over });

  test('a registered public client refused for its missing secret is TOKEN_PUBLIC_CLIENT_REJECTED', () => {
    expect(codes(checkPublicClientAccepted(refused({})))).toEqual(['TOKEN_PUBLIC_CLIENT_REJECTED']);
    expect(codes(checkPublicClientAccepted(refused({ rejection: { status: 400, error: 'unauthorized_client' } })))).toEqual(['TOKEN_PUBLIC_CLIENT_REJECTED']);
    // A configured client, another method, or a refusal about something else (the code) is not this.
    expect(checkPublicClientAccepted(refused({ registered: false }))).toEqual([]);
    expect(checkPublicClientAccepted(refused({ authMethod: 'client_secret_post' }))).toEqual([]);
    expect(checkPublicClientAccepted(refused({ rejection: { status: 400, error: 'invalid_grant' } }))).toEqual([]);
  });

  test('a refused assertion is TOKEN_CLIENT_ASSERTION_REJECTED; refusing only aud = token endpoint is a warning', () => {
    const assertion = refused({ authMethod: 'private_key_jwt' });
    expect(severities(checkClientAssertionAccepted(assertion))).toEqual(['TOKEN_CLIENT_ASSERTION_REJECTED@catalog']);
    expect(severities(checkClientAssertionAccepted({ ...assertion, issuerAudienceAccepted: false, issuerAudienceExchangeId: 'x2' }))).toEqual(['TOKEN_CLIENT_ASSERTION_REJECTED@catalog']);
    const [onlyIssuer] = checkClientAssertionAccepted({ ...assertion, issuerAudienceAccepted: true, issuerAudienceExchangeId: 'x2' });
    expect(onlyIssuer).toMatchObject({ severity: 'warning', evidence: ['x1', 'x2'] });
    expect(checkClientAssertionAccepted(refused({}))).toEqual([]);
  });

  test('resource refused while the same request without it works is RESOURCE_PARAMETER_REJECTED; scope likewise REFRESH_NEEDS_SCOPE', () => {
    const retry = { failedExchangeId: 'x1', retryExchangeId: 'x2', curl: 'curl x1' };
    expect(checkResourceAccepted({ ...retry, resource: 'https://mcp.example/mcp', grant: 'refresh_token', withoutIssued: true })).toMatchObject([{ code: 'RESOURCE_PARAMETER_REJECTED', evidence: ['x1', 'x2'] }]);
    expect(checkResourceAccepted({ ...retry, resource: 'https://mcp.example/mcp', grant: 'authorization_code', withoutIssued: false })).toEqual([]);
    const [scope] = checkRefreshWithoutScope({ ...retry, scope: 'notes:read offline_access', withScopeIssued: true });
    expect(scope?.code).toBe('REFRESH_NEEDS_SCOPE');
    expect(scope?.message).toContain('scope="notes:read offline_access"');
    expect(checkRefreshWithoutScope({ ...retry, scope: 'notes:read', withScopeIssued: false })).toEqual([]);
  });
});

test.describe('refresh rotation for public clients', () => {
  const refresh = { issued: true, usedKeptRefreshToken: false, exchangeId: 'x5', curl: 'curl x5', previous: 'rt-1' };

  test('the same or no refresh token back is REFRESH_NOT_ROTATED; a new one, or a failed refresh, is not', () => {
    expect(checkPublicClientRefreshRotated({ ...refresh, returned: 'rt-1' })[0]?.message).toContain('the same refresh token');
    expect(checkPublicClientRefreshRotated(refresh)[0]?.message).toContain('no new refresh_token');
    expect(checkPublicClientRefreshRotated({ ...refresh, returned: 'rt-2' })).toEqual([]);
    expect(checkPublicClientRefreshRotated({ ...refresh, issued: false })).toEqual([]);
  });
});

test.describe('authorization responses of MCP hosts', () => {
  const REDIRECT = 'https://claude.ai/api/mcp/auth_callback';
  const sent: AuthorizationRequest = { url: 'https://as.example/authorize?state=s-1', state: 's-1', redirectUri: REDIRECT, clientId: 'https://mock.example/cimd/client.json', scope: 'notes:read', resource: 'https://mcp.example/mcp' };
  const input = (query: string): CallbackInput => ({ callback: parseCallback(`${REDIRECT}?${query}`), sent, exchangeId: 'x7' });
  const issuer = 'https://as.example';

  test('an advertised iss that is missing or differs is AUTHORIZE_ISS_INVALID, on errors too; unadvertised, nothing is asked', () => {
    expect(checkCallbackIssuer({ ...input(`code=c&state=s-1&iss=${encodeURIComponent(issuer)}`), advertised: true, issuer })).toEqual([]);
    expect(checkCallbackIssuer({ ...input('code=c&state=s-1'), advertised: true, issuer })[0]?.message).toContain('carries no iss');
    expect(checkCallbackIssuer({ ...input(`code=c&state=s-1&iss=${encodeURIComponent(`${issuer}/`)}`), advertised: true, issuer })[0]?.message).toContain('is not the metadata\'s issuer');
    expect(codes(checkCallbackIssuer({ ...input('error=access_denied&state=s-1'), advertised: true, issuer }))).toEqual(['AUTHORIZE_ISS_INVALID']);
    expect(checkCallbackIssuer({ ...input('code=c&state=s-1'), advertised: false, issuer })).toEqual([]);
  });

  test('a CIMD client refused at /authorize is CIMD_HOST_DOCUMENT_REJECTED; invalid_target for the resource is RESOURCE_PARAMETER_REJECTED', () => {
    const host = { hostSendsPkce: true, hostName: 'Claude connector' };
    expect(codes(checkCallbackError({ ...input('error=unauthorized_client&state=s-1'), ...host, clientSource: 'cimd' }))).toEqual(['CIMD_HOST_DOCUMENT_REJECTED']);
    expect(codes(checkCallbackError({ ...input('error=invalid_client&state=s-1'), ...host, clientSource: 'cimd' }))).toEqual(['CIMD_HOST_DOCUMENT_REJECTED']);
    expect(codes(checkCallbackError({ ...input('error=invalid_client&state=s-1'), ...host, clientSource: 'dcr' }))).not.toContain('CIMD_HOST_DOCUMENT_REJECTED');
    expect(codes(checkCallbackError({ ...input('error=invalid_target&state=s-1'), ...host, clientSource: 'cimd' }))).toEqual(['RESOURCE_PARAMETER_REJECTED']);
  });
});

test.describe('MCP token answers', () => {
  const jwt = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
  const facts = (http: Partial<TokenHttpFacts>, over: Partial<TokenResponseFacts> = {}): TokenResponseFacts => ({
    exchangeId: 'x3',
    grant: 'authorization_code',
    endpoint: 'https://as.example/token',
    reproduce: 'curl x3',
    resource: 'https://mcp.example/mcp',
    http: {
      status: 200,
      success: true,
      contentType: 'application/json',
      body: { kind: 'json', value: {} },
      truncated: false,
      maxBodyBytes: 1000,
      locations: [],
      tokens: { accessToken: jwt({ aud: 'https://mcp.example/mcp' }), expiresInSeconds: 3600, tokenType: 'Bearer' },
      cacheControl: 'no-store',
      durationMs: 80,
      accessTokenClaims: { aud: 'https://mcp.example/mcp' },
      ...http,
    },
    ...over,
  });

  test("a JWT whose aud lacks the requested resource is TOKEN_AUDIENCE_NOT_RESOURCE; opaque tokens are not judged", () => {
    expect(checkTokenAudience(facts({}))).toEqual([]);
    expect(checkTokenAudience(facts({ accessTokenClaims: { aud: ['https://other.example', 'https://MCP.example/mcp'] } }))).toEqual([]);
    expect(checkTokenAudience(facts({ accessTokenClaims: { aud: 'https://mcp.example' } }))).toMatchObject([{ code: 'TOKEN_AUDIENCE_NOT_RESOURCE', evidence: ['x3'] }]);
    expect(checkTokenAudience(facts({ accessTokenClaims: {} }))[0]?.message).toContain('missing');
    expect(checkTokenAudience(facts({ accessTokenClaims: undefined }))).toEqual([]);
    expect(checkTokenAudience(facts({ accessTokenClaims: { aud: 'https://mcp.example' } }, { resource: undefined }))).toEqual([]);
  });

  test('tokens without Cache-Control: no-store are TOKEN_RESPONSE_CACHEABLE; an error answer is not judged', () => {
    expect(checkTokenResponseNotCacheable(facts({ cacheControl: 'no-cache, no-store' }))).toEqual([]);
    expect(checkTokenResponseNotCacheable(facts({ cacheControl: undefined }))[0]?.message).toContain('no Cache-Control header');
    expect(checkTokenResponseNotCacheable(facts({ cacheControl: 'max-age=60' }, { grant: 'refresh_token' }))[0]?.message).toContain('refresh answer carries tokens with Cache-Control: max-age=60');
    expect(checkTokenResponseNotCacheable(facts({ cacheControl: undefined, tokens: undefined, success: false, status: 400 }))).toEqual([]);
  });

  test('an answer after more than 5 s is OAUTH_ENDPOINT_SLOW', () => {
    expect(checkTokenEndpointFast(facts({ durationMs: 5000 }))).toEqual([]);
    expect(checkTokenEndpointFast(facts({ durationMs: 6100 }))[0]?.message).toContain('6.1 s');
    expect(checkTokenEndpointFast(facts({}, { http: undefined, transport: { kind: 'timeout', message: 't', timeoutMs: 10_000 } }))).toEqual([]);
  });
});

test("Claude's budgets: 10 s for the code exchange, 30 s for the refresh; a tightened token bound holds for both", () => {
  expect(claudeConnector.timeouts).toMatchObject({ tokenMs: 10_000, refreshTokenMs: 30_000 });
  expect(withTightenedTimeouts(claudeConnector, { tokenMs: 2_000 }).timeouts).toMatchObject({ tokenMs: 2_000, refreshTokenMs: 2_000 });
});

test('lookalikes of a host callback: a longer path and an extra query, loopback ports kept', () => {
  expect(lookalikeRedirects('https://claude.ai/api/mcp/auth_callback')).toEqual(['https://claude.ai/api/mcp/auth_callback-conformance', 'https://claude.ai/api/mcp/auth_callback?conformance=1']);
  expect(lookalikeRedirects('http://localhost:53682/callback/')).toEqual(['http://localhost:53682/callback-conformance', 'http://localhost:53682/callback/?conformance=1']);
});
