import { test, expect } from '@playwright/test';
import { checkAdvertisedEndpointsExist } from '../../../mock-host/checks/authorization-server/advertised-endpoints.ts';
import {
  checkAsIssuer,
  checkAsMetadataReachable,
  checkAuthorizationServerUsable,
  checkCimdAuthMethods,
  checkClientRegistrationOffered,
  checkIssAdvertised,
  checkOfflineAccessAdvertised,
  checkOidcDiscoveryAlongside,
  checkPkceAdvertised,
  type AsMetadataFacts,
  type AsMetadataFetch,
} from '../../../mock-host/checks/authorization-server/metadata.ts';
import type { AuthorizationServerMetadata } from '../../../mock-host/mcp/metadata-schemas.ts';

// Whole drafts of the authorization-server metadata checks (issue 14's mutation score).
const issuer = 'https://as.example';
const oauthUrl = 'https://as.example/.well-known/oauth-authorization-server';
const openidUrl = 'https://as.example/.well-known/openid-configuration';
const base: AuthorizationServerMetadata = { issuer, authorization_endpoint: 'https://as.example/authorize', token_endpoint: 'https://as.example/token' };
const fetched = (metadata: Partial<AuthorizationServerMetadata> = {}): AsMetadataFetch & { metadata: AuthorizationServerMetadata } => ({
  url: oauthUrl, kind: 'oauth', exchangeId: 'm1', curl: 'curl m1', status: 200, metadata: { ...base, ...metadata },
});
const facts = (metadata: Partial<AuthorizationServerMetadata> = {}): AsMetadataFacts => ({ issuer, tried: [fetched(metadata)], used: fetched(metadata) });
const unused: AsMetadataFacts = { issuer, tried: [] };
const cited = { evidence: ['m1'], reproduce: 'curl m1' };

test.describe('advertised endpoints', () => {
  test('a 404 or no answer is AS_ADVERTISED_ENDPOINT_MISSING, one per endpoint', () => {
    expect(checkAdvertisedEndpointsExist({
      endpoints: [
        { member: 'revocation_endpoint', url: 'https://as.example/revoke', status: 404, exchangeId: 'e1', curl: 'curl e1' },
        { member: 'jwks_uri', url: 'https://as.example/jwks', failure: 'timeout after 5000 ms', exchangeId: 'e2' },
        { member: 'introspection_endpoint', url: 'https://as.example/introspect', exchangeId: 'e3' },
        { member: 'userinfo_endpoint', url: 'https://as.example/userinfo', status: 401, exchangeId: 'e4' },
        { member: 'registration_endpoint', url: 'https://as.example/register', status: 405, exchangeId: 'e5' },
      ],
    })).toEqual([
      {
        code: 'AS_ADVERTISED_ENDPOINT_MISSING',
        message: 'the metadata advertises revocation_endpoint https://as.example/revoke, which answers 404',
        fix: 'Serve revocation_endpoint at the advertised URL, or remove it from the metadata (ChatGPT calls the revocation endpoint when a user disconnects).',
        evidence: ['e1'],
        reproduce: 'curl e1',
      },
      {
        code: 'AS_ADVERTISED_ENDPOINT_MISSING',
        message: 'the metadata advertises jwks_uri https://as.example/jwks, which could not be reached (timeout after 5000 ms)',
        fix: 'Serve jwks_uri at the advertised URL, or remove it from the metadata.',
        evidence: ['e2'],
      },
      {
        code: 'AS_ADVERTISED_ENDPOINT_MISSING',
        message: 'the metadata advertises introspection_endpoint https://as.example/introspect, which could not be reached (no answer)',
        fix: 'Serve introspection_endpoint at the advertised URL, or remove it from the metadata.',
        evidence: ['e3'],
      },
    ]);
  });
});

test.describe('metadata reachable', () => {
  test('the used metadata passes; otherwise every try, the first URL and the wait in the draft', () => {
    expect(checkAsMetadataReachable({ ...facts(), timeoutMs: 5000 })).toEqual([]);
    const tried: AsMetadataFetch[] = [
      { url: oauthUrl, kind: 'oauth', exchangeId: 't1', curl: 'curl t1', status: 404 },
      { url: openidUrl, kind: 'openid', exchangeId: 't2', curl: 'curl t2', status: 200, invalid: 'no token_endpoint' },
      { url: 'https://as.example/.well-known/x', kind: 'openid', exchangeId: 't3', curl: 'curl t3', error: 'network: reset' },
      { url: 'https://as.example/.well-known/y', kind: 'openid', exchangeId: 't4', curl: 'curl t4' },
    ];
    expect(checkAsMetadataReachable({ issuer, tried, timeoutMs: 2500 })).toEqual([{
      code: 'AS_METADATA_UNREACHABLE',
      message: `no usable metadata for the authorization server ${issuer}: ${oauthUrl} → 404; ${openidUrl} → no token_endpoint; https://as.example/.well-known/x → network: reset; https://as.example/.well-known/y → no answer`,
      fix: `Serve RFC 8414 metadata at ${oauthUrl} (application/json, with issuer, authorization_endpoint and token_endpoint), within 2.5 s.`,
      evidence: ['t1', 't2', 't3', 't4'],
      reproduce: 'curl t4',
    }]);
    expect(checkAsMetadataReachable({ issuer, tried: [], timeoutMs: 5000 })).toEqual([{
      code: 'AS_METADATA_UNREACHABLE',
      message: `no usable metadata for the authorization server ${issuer}: `,
      fix: 'Serve RFC 8414 metadata at /.well-known/oauth-authorization-server (application/json, with issuer, authorization_endpoint and token_endpoint), within 5 s.',
      evidence: [],
    }]);
  });
});

test.describe('issuer, PKCE, registration, iss', () => {
  test('issuer mismatch', () => {
    expect(checkAsIssuer(facts())).toEqual([]);
    expect(checkAsIssuer(unused)).toEqual([]);
    const long = `https://as.example/${'i'.repeat(300)}`;
    expect(checkAsIssuer(facts({ issuer: long }))).toEqual([{
      code: 'AS_ISSUER_MISMATCH',
      message: `the metadata at ${oauthUrl} says issuer "${long.slice(0, 200)}", but it was fetched for "${issuer}" (the protected resource metadata's authorization_servers entry); clients must reject it`,
      fix: 'Make the issuer in the authorization server metadata and the entry in authorization_servers the same string, byte for byte (scheme, host, port, path, trailing slash).',
      ...cited,
    }]);
  });

  test('PKCE S256 advertised', () => {
    const fix = 'Add "code_challenge_methods_supported": ["S256"] to the authorization server metadata (and enforce PKCE).';
    expect(checkPkceAdvertised(facts({ code_challenge_methods_supported: ['plain', 'S256'] }))).toEqual([]);
    expect(checkPkceAdvertised(unused)).toEqual([]);
    expect(checkPkceAdvertised(facts())).toEqual([{ code: 'AS_PKCE_NOT_ADVERTISED', message: 'the metadata has no code_challenge_methods_supported; MCP clients refuse to authorize without it', fix, ...cited }]);
    expect(checkPkceAdvertised(facts({ code_challenge_methods_supported: ['plain'] }))).toEqual([{ code: 'AS_PKCE_NOT_ADVERTISED', message: 'code_challenge_methods_supported is ["plain"], without S256', fix, ...cited }]);
    const many = Array.from({ length: 20 }, (_, n) => `method-${n}`);
    expect(checkPkceAdvertised(facts({ code_challenge_methods_supported: many }))[0]?.message).toBe(`code_challenge_methods_supported is ${JSON.stringify(many).slice(0, 100)}, without S256`);
  });

  test('client registration offered', () => {
    const fix = 'Support client ID metadata documents (client_id_metadata_document_supported: true) or dynamic client registration (registration_endpoint), or document the pre-registered client users must enter.';
    expect(checkClientRegistrationOffered({ ...unused, clientConfigured: false })).toEqual([]);
    expect(checkClientRegistrationOffered({ ...facts({ client_id_metadata_document_supported: true }), clientConfigured: false })).toEqual([]);
    expect(checkClientRegistrationOffered({ ...facts({ registration_endpoint: 'https://as.example/register' }), clientConfigured: false })).toEqual([]);
    expect(checkClientRegistrationOffered({ ...facts({ client_id_metadata_document_supported: false }), clientConfigured: false })).toEqual([{
      code: 'AS_NO_CLIENT_REGISTRATION',
      message: 'the authorization server advertises neither client_id_metadata_document_supported nor a registration_endpoint: the host cannot get a client (Claude Code: "Incompatible auth server: does not support dynamic client registration")',
      fix,
      ...cited,
    }]);
    expect(checkClientRegistrationOffered({ ...facts(), clientConfigured: true })).toEqual([{
      code: 'AS_NO_CLIENT_REGISTRATION',
      severity: 'info',
      message: 'the authorization server advertises neither client_id_metadata_document_supported nor a registration_endpoint; this run uses the configured client (PLUGIN_CLIENT_ID)',
      fix,
      ...cited,
    }]);
  });

  test('iss parameter advertised', () => {
    expect(checkIssAdvertised(facts({ authorization_response_iss_parameter_supported: true }))).toEqual([]);
    expect(checkIssAdvertised(unused)).toEqual([]);
    expect(checkIssAdvertised(facts({ authorization_response_iss_parameter_supported: false }))).toEqual([{
      code: 'AS_ISS_NOT_ADVERTISED',
      message: 'the metadata does not advertise authorization_response_iss_parameter_supported: true (RFC 9207); ChatGPT then needs one redirect URI per connection',
      fix: 'Return iss on every authorization response and advertise authorization_response_iss_parameter_supported: true.',
      ...cited,
    }]);
  });
});

test.describe('CIMD auth methods', () => {
  const run = (metadata: Partial<AuthorizationServerMetadata>, documentMethods: string[], fallsBackToDcr: boolean, f: AsMetadataFacts = facts(metadata)) =>
    checkCimdAuthMethods({ ...f, documentMethods, fallsBackToDcr });
  const fix = 'List none or private_key_jwt in token_endpoint_auth_methods_supported (public CIMD clients use none).';

  test('not advertised or a shared method: nothing', () => {
    expect(run({}, ['none'], true)).toEqual([]);
    expect(run({ client_id_metadata_document_supported: false }, ['none'], true)).toEqual([]);
    expect(run({}, ['none'], true, unused)).toEqual([]);
    expect(run({ client_id_metadata_document_supported: true, token_endpoint_auth_methods_supported: ['client_secret_post', 'none'] }, ['none'], false)).toEqual([]);
    // Without the member, the RFC 8414 default client_secret_basic is what the server supports.
    expect(run({ client_id_metadata_document_supported: true }, ['client_secret_basic'], false)).toEqual([]);
  });

  test('no shared method: warning with a DCR fallback, error without', () => {
    const cimd = { client_id_metadata_document_supported: true, token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'] };
    const lead = 'CIMD is advertised, but token_endpoint_auth_methods_supported (client_secret_basic, client_secret_post) has none of the host document\'s methods (none, private_key_jwt); ';
    expect(run({ ...cimd, registration_endpoint: 'https://as.example/register' }, ['none', 'private_key_jwt'], true)).toEqual([
      { code: 'AS_CIMD_AUTH_METHOD_MISMATCH', severity: 'warning', message: `${lead}the host falls back to dynamic registration`, fix, ...cited },
    ]);
    expect(run(cimd, ['none', 'private_key_jwt'], true)).toEqual([
      { code: 'AS_CIMD_AUTH_METHOD_MISMATCH', severity: 'error', message: `${lead}and there is no registration_endpoint to fall back to`, fix, ...cited },
    ]);
    expect(run({ ...cimd, registration_endpoint: 'https://as.example/register' }, ['none', 'private_key_jwt'], false)).toEqual([
      { code: 'AS_CIMD_AUTH_METHOD_MISMATCH', severity: 'error', message: `${lead}this host uses CIMD whenever it is advertised and does not fall back to dynamic registration`, fix, ...cited },
    ]);
    expect(run({ client_id_metadata_document_supported: true }, ['none'], false)[0]?.message).toContain('token_endpoint_auth_methods_supported (client_secret_basic) has none');
  });
});

test.describe('offline access advertised', () => {
  const fix = 'List offline_access in scopes_supported and refresh_token in grant_types_supported, and issue refresh tokens to the hosts\' clients.';
  const tail = ': hosts add offline_access to their request only when the authorization server lists it, so servers that issue refresh tokens only for it never do';

  test('each missing list member, both, or none', () => {
    expect(checkOfflineAccessAdvertised(unused)).toEqual([]);
    expect(checkOfflineAccessAdvertised(facts())).toEqual([]);
    expect(checkOfflineAccessAdvertised(facts({ scopes_supported: ['openid', 'offline_access'], grant_types_supported: ['authorization_code', 'refresh_token'] }))).toEqual([]);
    expect(checkOfflineAccessAdvertised(facts({ scopes_supported: ['openid'], grant_types_supported: ['authorization_code'] }))).toEqual([
      { code: 'AS_OFFLINE_ACCESS_NOT_ADVERTISED', message: `scopes_supported lacks offline_access and grant_types_supported lacks refresh_token${tail}`, fix, ...cited },
    ]);
    expect(checkOfflineAccessAdvertised(facts({ scopes_supported: ['openid'] }))[0]?.message).toBe(`scopes_supported lacks offline_access${tail}`);
    expect(checkOfflineAccessAdvertised(facts({ scopes_supported: ['offline_access'], grant_types_supported: ['authorization_code'] }))[0]?.message).toBe(`grant_types_supported lacks refresh_token${tail}`);
  });
});

test.describe('OIDC discovery alongside', () => {
  const oauth = fetched();
  const openid = (status?: number): AsMetadataFetch => ({ url: openidUrl, kind: 'openid', exchangeId: 'o1', curl: 'curl o1', ...(status === undefined ? {} : { status }) });

  test('RFC 8414 served and openid-configuration 404 is the finding', () => {
    expect(checkOidcDiscoveryAlongside({ oauth, openid: openid(404) })).toEqual([{
      code: 'AS_OIDC_DISCOVERY_MISSING',
      message: `${oauthUrl} serves RFC 8414 metadata but ${openidUrl} answers 404; ChatGPT fetches both`,
      fix: 'Serve the same metadata at /.well-known/openid-configuration too.',
      evidence: ['o1'],
      reproduce: 'curl o1',
    }]);
    expect(checkOidcDiscoveryAlongside({ oauth, openid: openid(500) })).toEqual([]);
    expect(checkOidcDiscoveryAlongside({ oauth, openid: openid() })).toEqual([]);
    expect(checkOidcDiscoveryAlongside({ oauth })).toEqual([]);
    const { metadata: _m, ...withoutMetadata } = oauth;
    expect(checkOidcDiscoveryAlongside({ oauth: { ...withoutMetadata, status: 404 }, openid: openid(404) })).toEqual([]);
    expect(checkOidcDiscoveryAlongside({ openid: openid(404) })).toEqual([]);
  });
});

test.describe('authorization server usable', () => {
  const fix = 'List only working authorization servers, the one the hosts should use first.';
  test('error for the entry the host uses, warning for another, nothing without a problem', () => {
    const input = { issuer, index: 1, exchangeIds: ['a', 'b'], problem: 'its metadata is unreachable' };
    expect(checkAuthorizationServerUsable({ ...input, usedByHost: true })).toEqual([{
      code: 'PRM_AUTHORIZATION_SERVER_UNUSABLE',
      severity: 'error',
      message: `authorization_servers[1] (${issuer}) is unusable: its metadata is unreachable; this host uses that entry and never falls back to another`,
      fix,
      evidence: ['a', 'b'],
    }]);
    expect(checkAuthorizationServerUsable({ ...input, usedByHost: true, pickUnconfirmed: true })[0]?.message).toBe(
      `authorization_servers[1] (${issuer}) is unusable: its metadata is unreachable; which entry this host uses is unconfirmed, so it may be this one`,
    );
    expect(checkAuthorizationServerUsable({ ...input, usedByHost: false, pickUnconfirmed: true })).toEqual([{
      code: 'PRM_AUTHORIZATION_SERVER_UNUSABLE',
      severity: 'warning',
      message: `authorization_servers[1] (${issuer}) is unusable: its metadata is unreachable`,
      fix,
      evidence: ['a', 'b'],
    }]);
    const { problem: _p, ...fine } = input;
    expect(checkAuthorizationServerUsable({ ...fine, usedByHost: true })).toEqual([]);
  });
});

test('metadata unreachable after a single try still names its reproduction', () => {
  expect(checkAsMetadataReachable({ issuer, tried: [{ url: oauthUrl, kind: 'oauth', exchangeId: 't1', curl: 'curl t1', status: 404 }], timeoutMs: 1000 })[0]?.reproduce).toBe('curl t1');
});
