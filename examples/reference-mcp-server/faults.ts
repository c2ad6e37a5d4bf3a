import { z } from 'zod';

/** Where a fault acts; the README groups the fault table by it, and external-AS mode allows only the RS areas. */
export type FaultArea =
  | 'resource server'
  | 'mcp'
  | 'protected resource metadata'
  | 'authorization server metadata'
  | 'registration'
  | 'authorization'
  | 'token'
  | 'refresh';

export interface FaultDescription {
  readonly area: FaultArea;
  /** What changes on the wire, in one line (main.ts --list-faults, README). */
  readonly does: string;
  /** The FINDINGS.md codes a harness should report against a server with this fault; empty: none (robustness). */
  readonly findings: readonly string[];
}

const fault = (area: FaultArea, does: string, ...findings: string[]): FaultDescription => ({ area, does, findings });

/**
 * Every switch that makes the reference MCP server misbehave on purpose. Each changes exactly one behaviour; the
 * rest of the server stays conformant, so a harness run against it should report exactly the listed codes.
 */
export const FAULTS = {
  // Resource server: the answer to requests without a usable token
  'unauthenticated-403': fault('resource server', 'an MCP request without a token gets 403 (same challenge header)', 'MCP_UNAUTHENTICATED_NOT_401'),
  'unauthenticated-jsonrpc-error': fault('resource server', 'an MCP request without a token gets 200 with a JSON-RPC error', 'MCP_UNAUTHENTICATED_NOT_401'),
  'challenge-without-resource-metadata': fault('resource server', 'every 401 challenge lacks resource_metadata (PRM still served at the well-known URLs)', 'CHALLENGE_NO_RESOURCE_METADATA'),
  'no-www-authenticate': fault('resource server', 'every 401 carries no WWW-Authenticate header', 'API_401_WITHOUT_CHALLENGE'),
  'tool-auth-error-in-200': fault('resource server', 'mixed auth: initialize and tools/list work without a token; tools/call without one answers 200 isError without _meta["mcp/www_authenticate"]', 'AUTH_CHALLENGE_NOT_HTTP_401'),
  'mixed-auth-no-security-schemes': fault('resource server', 'mixed auth answered with _meta["mcp/www_authenticate"], but no tool declares securitySchemes', 'TOOL_SECURITY_SCHEMES_MISSING'),
  'expired-challenge-no-error': fault('resource server', 'the 401 for an expired or revoked token has no error="invalid_token"', 'EXPIRED_TOKEN_CHALLENGE_NO_ERROR'),
  'expired-token-accepted': fault('resource server', 'the resource server ignores exp', 'API_ACCEPTS_EXPIRED_TOKEN'),
  'invalid-token-accepted': fault('resource server', 'any bearer string is accepted, as the first user', 'API_ACCEPTS_INVALID_TOKEN'),
  'invalid-token-403': fault('resource server', 'an invalid, expired or revoked token gets 403 (same challenge header)', 'API_INVALID_TOKEN_STATUS'),
  'invalid-token-200-error': fault('resource server', 'an invalid, expired or revoked token gets 200 with a JSON-RPC error', 'API_INVALID_TOKEN_STATUS'),
  'foreign-token-accepted': fault('resource server', 'JWTs are decoded without checking signature or issuer (exp and aud still checked)', 'RS_ACCEPTS_FOREIGN_TOKEN'),
  'token-in-query-accepted': fault('resource server', '?access_token= is accepted when no Authorization header is sent', 'RS_TOKEN_IN_QUERY_ACCEPTED'),
  'bearer-case-sensitive': fault('resource server', 'the scheme must be written "Bearer": "bearer" counts as no token', 'API_BEARER_CASE_SENSITIVE'),
  'scope-403-without-challenge': fault('resource server', 'insufficient scope gets 403 without WWW-Authenticate', 'RS_SCOPE_CHALLENGE_INVALID'),
  'scope-401': fault('resource server', 'insufficient scope gets 401 (same insufficient_scope challenge)', 'RS_SCOPE_CHALLENGE_INVALID'),
  // MCP endpoint
  'stale-session-400': fault('mcp', 'an unknown or terminated Mcp-Session-Id gets 400', 'MCP_STALE_SESSION_NOT_404'),
  'stale-session-500': fault('mcp', 'an unknown or terminated Mcp-Session-Id gets 500', 'MCP_STALE_SESSION_NOT_404'),
  'no-origin-check': fault('mcp', 'a request with a foreign Origin is served', 'MCP_ORIGIN_NOT_VALIDATED'),
  'user-confusion': fault('mcp', 'whoami and the notes tools always act for the first user', 'TOKEN_USER_CONFUSION'),
  'tool-call-fails': fault('mcp', 'tools/call of any tool answers HTTP 500', 'API_CALL_FAILED'),
  // Protected resource metadata (RFC 9728)
  'prm-missing': fault('protected resource metadata', 'no PRM anywhere: both well-known URLs answer 404', 'PRM_UNREACHABLE'),
  'prm-not-json': fault('protected resource metadata', 'the PRM is served as an HTML page', 'PRM_INVALID'),
  'prm-no-authorization-servers': fault('protected resource metadata', 'PRM authorization_servers is []', 'PRM_INVALID'),
  'prm-root-only': fault('protected resource metadata', 'the path-inserted PRM 404s, the root one serves; challenges carry no resource_metadata', 'PRM_WELL_KNOWN_FORM_MISSING'),
  'prm-resource-mismatch': fault('protected resource metadata', 'PRM resource is the origin, without /mcp', 'PRM_RESOURCE_MISMATCH'),
  'prm-resource-trailing-slash': fault('protected resource metadata', 'PRM resource is <origin>/mcp/', 'PRM_RESOURCE_MISMATCH'),
  'prm-offline-access': fault('protected resource metadata', 'offline_access in PRM scopes_supported and in the challenge scope', 'PRM_OFFLINE_ACCESS_ADVERTISED'),
  'prm-first-as-broken': fault('protected resource metadata', 'authorization_servers is [<origin>/broken-issuer (metadata 404s), the real issuer]', 'PRM_AUTHORIZATION_SERVER_UNUSABLE'),
  // Authorization server metadata (RFC 8414, OIDC discovery)
  'as-metadata-missing': fault('authorization server metadata', 'both AS metadata well-known URLs answer 404', 'AS_METADATA_UNREACHABLE'),
  'no-openid-configuration': fault('authorization server metadata', 'only RFC 8414 metadata is served; /.well-known/openid-configuration 404s', 'AS_OIDC_DISCOVERY_MISSING'),
  'issuer-mismatch': fault('authorization server metadata', 'metadata issuer has a trailing slash (PRM and iss keep the real one)', 'AS_ISSUER_MISMATCH'),
  'no-pkce-advertised': fault('authorization server metadata', 'no code_challenge_methods_supported (PKCE S256 still required)', 'AS_PKCE_NOT_ADVERTISED'),
  'no-client-registration': fault('authorization server metadata', 'no registration_endpoint (/register 404s) and no CIMD: only pre-registered clients', 'AS_NO_CLIENT_REGISTRATION'),
  'cimd-without-none': fault('authorization server metadata', 'CIMD advertised with token_endpoint_auth_methods_supported ["client_secret_post","client_secret_basic"] (no none, no private_key_jwt); DCR still offered', 'AS_CIMD_AUTH_METHOD_MISMATCH'),
  'no-iss-parameter': fault('authorization server metadata', 'no authorization_response_iss_parameter_supported and no iss on redirects', 'AS_ISS_NOT_ADVERTISED'),
  'revocation-endpoint-missing': fault('authorization server metadata', 'revocation_endpoint is advertised but /revoke answers 404', 'AS_ADVERTISED_ENDPOINT_MISSING'),
  // Client registration: DCR (RFC 7591) and CIMD
  'cimd-singular-auth-method-only': fault('registration', 'a CIMD document is read for its singular token_endpoint_auth_method only: private_key_jwt clients get unauthorized_client at /authorize', 'CIMD_HOST_DOCUMENT_REJECTED'),
  'cimd-rejected': fault('registration', 'every CIMD client_id gets the error page although CIMD is advertised', 'CIMD_HOST_DOCUMENT_REJECTED'),
  'dcr-rejects-client-secret-post': fault('registration', 'DCR with token_endpoint_auth_method client_secret_post gets 400', 'DCR_REJECTS_HOST_METADATA'),
  'dcr-response-no-client-id': fault('registration', 'the 201 DCR answer has no client_id (the client is registered all the same)', 'DCR_RESPONSE_INVALID'),
  'dcr-response-text-plain': fault('registration', 'the 201 DCR answer is JSON labelled Content-Type: text/plain', 'DCR_RESPONSE_INVALID'),
  'dcr-accepts-insecure-redirect': fault('registration', 'DCR registers non-loopback http:// redirect URIs', 'DCR_ACCEPTS_INSECURE_REDIRECT'),
  'dcr-rate-limited': fault('registration', 'after registrationLimit POSTs to /register (default 2, refused ones counted), each further one gets 429 too_many_requests with Retry-After: 3600', 'API_RATE_LIMITED'),
  'dcr-rate-limited-no-retry-after': fault('registration', 'like dcr-rate-limited, but the 429 carries no Retry-After', 'API_RATE_LIMITED'),
  // Authorization endpoint
  'iss-missing': fault('authorization', 'iss support is advertised, but redirects carry no iss', 'AUTHORIZE_ISS_INVALID'),
  'iss-wrong': fault('authorization', 'redirects carry iss = the issuer with a trailing slash', 'AUTHORIZE_ISS_INVALID'),
  'pkce-not-enforced': fault('authorization', 'a code is issued for an authorization request without code_challenge', 'PKCE_NOT_ENFORCED'),
  'pkce-plain-accepted': fault('authorization', 'code_challenge_method=plain (or none, meaning plain) is accepted', 'PKCE_NOT_ENFORCED'),
  'resource-with-path-rejected': fault('authorization', 'a resource with a path is refused at /authorize and /token (invalid_target); no resource works (Entra style)', 'RESOURCE_PARAMETER_REJECTED'),
  'loopback-port-exact': fault('authorization', 'loopback redirect URIs must match the registered port exactly (http://localhost/callback refuses :53682)', 'REDIRECT_URI_REJECTED'),
  'redirect-prefix-match': fault('authorization', 'a redirect_uri is accepted when it starts with a registered one (…/auth_callback/../evil, extra query)', 'REDIRECT_URI_NOT_VALIDATED'),
  'empty-scope-rejected': fault('authorization', 'an authorization request without scope gets invalid_scope', 'SCOPE_EMPTY_REJECTED'),
  'consent-deny-ignored': fault('authorization', 'Deny on the consent page still redirects with a code', 'CONSENT_DENY_IGNORED'),
  'consent-script-redirect': fault('authorization', 'after Allow, a page redirects by script after 1.5 s instead of a 302 (a harness must cope)'),
  // Token endpoint
  'unknown-client-400': fault('token', 'an unknown client_id at /token gets 400 invalid_request instead of 401 invalid_client', 'UNKNOWN_CLIENT_NOT_INVALID_CLIENT'),
  'code-verifier-not-checked': fault('token', 'the token endpoint accepts a missing or wrong code_verifier', 'PKCE_NOT_ENFORCED'),
  'public-client-rejected': fault('token', 'a token request of a none client without a secret gets 401 invalid_client', 'TOKEN_PUBLIC_CLIENT_REJECTED'),
  'client-assertion-rejected': fault('token', 'every private_key_jwt client assertion is refused (401 invalid_client)', 'TOKEN_CLIENT_ASSERTION_REJECTED'),
  'client-assertion-aud-issuer-only': fault('token', 'a client assertion is accepted only with aud = the issuer (aud = token endpoint URL refused)', 'TOKEN_CLIENT_ASSERTION_REJECTED'),
  'client-assertion-not-verified': fault('token', 'client assertions are decoded without checking signature, exp, aud or jti', 'CLIENT_ASSERTION_NOT_VERIFIED'),
  'token-audience-wrong': fault('token', 'access tokens carry aud = the origin, and the resource server does not check aud', 'TOKEN_AUDIENCE_NOT_RESOURCE'),
  'token-response-cacheable': fault('token', 'token answers carry no Cache-Control: no-store (and no Pragma)', 'TOKEN_RESPONSE_CACHEABLE'),
  'slow-token-endpoint': fault('token', '/token answers after slowTokenMs (default 6000)', 'OAUTH_ENDPOINT_SLOW'),
  'json-only-token-endpoint': fault('token', '/token refuses form bodies with 415 and accepts JSON', 'TOKEN_BODY_ENCODING_REJECTED', 'TOKEN_ERROR_NOT_RFC6749'),
  'client-secret-basic-only': fault('token', 'confidential clients must use HTTP Basic: client_secret_post gets 401 invalid_client', 'TOKEN_CLIENT_AUTH_REJECTED'),
  'bad-grant-500': fault('token', 'an unknown, expired or used code or refresh token gets 500 HTML', 'TOKEN_ERROR_NOT_RFC6749', 'REFRESH_ERROR_NOT_INVALID_GRANT'),
  'no-refresh-token': fault('token', 'no refresh_token is ever issued (expires_in still set)', 'REFRESH_TOKEN_MISSING', 'CONNECTION_EXPIRED'),
  'refresh-token-needs-offline-access': fault('token', 'a refresh_token only when offline_access was requested, and AS metadata does not list offline_access', 'AS_OFFLINE_ACCESS_NOT_ADVERTISED', 'REFRESH_TOKEN_MISSING', 'CONNECTION_EXPIRED'),
  // Refresh
  'refresh-needs-scope': fault('refresh', 'a refresh without scope gets 400 invalid_request (Entra AADSTS90009 style); with the granted scope it works', 'REFRESH_NEEDS_SCOPE', 'CONNECTION_EXPIRED'),
  'refresh-rejected': fault('refresh', 'every refresh gets 400 invalid_grant', 'REFRESH_REJECTED', 'CONNECTION_EXPIRED'),
  'dead-refresh-token-401': fault('refresh', 'an unknown, replaced or revoked refresh token gets 401 invalid_request instead of 400 invalid_grant', 'REFRESH_ERROR_NOT_INVALID_GRANT'),
  'refresh-not-rotated': fault('refresh', 'a refresh answers with the same refresh token (public clients too)', 'REFRESH_NOT_ROTATED'),
  'rotate-without-grace': fault('refresh', 'a replaced refresh token dies at once (racing refreshes: one fails)', 'REFRESH_CONCURRENT_FAILS', 'REFRESH_TOKEN_ROTATED'),
  'reuse-revokes-family': fault('refresh', 'presenting a replaced refresh token (inside the grace window or not) revokes the whole family', 'REFRESH_REUSE_REVOKES_FAMILY', 'REFRESH_TOKEN_ROTATED'),
  'refreshed-token-rejected': fault('refresh', 'access tokens minted by a refresh are refused by the resource server', 'API_REFRESHED_TOKEN_REJECTED', 'CONNECTION_EXPIRED'),
} as const satisfies Record<string, FaultDescription>;

export type Fault = keyof typeof FAULTS;

export const FAULT_NAMES = Object.keys(FAULTS) as [Fault, ...Fault[]];

export const faultSchema = z.enum(FAULT_NAMES);

export function isFault(value: string): value is Fault {
  return Object.hasOwn(FAULTS, value);
}

/** Faults that live in the resource server (and its PRM), so they also apply in front of an external AS. */
const RESOURCE_SERVER_AREAS: ReadonlySet<FaultArea> = new Set(['resource server', 'mcp', 'protected resource metadata']);

export function actsOnResourceServer(name: Fault): boolean {
  return RESOURCE_SERVER_AREAS.has(FAULTS[name].area);
}

/**
 * Faults that answer the same question two ways, or where one takes away what the other changes. Combining them
 * gives a server that matches no real one, so the options refuse it.
 */
export const CONFLICTING_FAULTS: readonly (readonly Fault[])[] = [
  ['unauthenticated-403', 'unauthenticated-jsonrpc-error', 'tool-auth-error-in-200', 'mixed-auth-no-security-schemes'],
  ['challenge-without-resource-metadata', 'no-www-authenticate'],
  ['prm-root-only', 'no-www-authenticate'],
  ['expired-challenge-no-error', 'no-www-authenticate', 'expired-token-accepted'],
  ['invalid-token-accepted', 'invalid-token-403', 'invalid-token-200-error'],
  ['invalid-token-accepted', 'expired-token-accepted', 'foreign-token-accepted'],
  ['scope-403-without-challenge', 'scope-401'],
  ['stale-session-400', 'stale-session-500'],
  ['prm-missing', 'prm-not-json', 'prm-no-authorization-servers', 'prm-root-only', 'prm-resource-mismatch', 'prm-first-as-broken'],
  ['prm-missing', 'prm-not-json', 'prm-resource-trailing-slash', 'prm-offline-access'],
  ['prm-resource-mismatch', 'prm-resource-trailing-slash'],
  ['as-metadata-missing', 'no-openid-configuration', 'issuer-mismatch', 'no-pkce-advertised', 'cimd-without-none', 'no-iss-parameter'],
  ['no-iss-parameter', 'iss-missing', 'iss-wrong'],
  ['no-client-registration', 'cimd-without-none', 'cimd-singular-auth-method-only', 'cimd-rejected', 'dcr-rejects-client-secret-post'],
  ['no-client-registration', 'dcr-response-no-client-id', 'dcr-response-text-plain', 'dcr-accepts-insecure-redirect', 'dcr-rate-limited', 'dcr-rate-limited-no-retry-after'],
  ['dcr-rate-limited', 'dcr-rate-limited-no-retry-after'],
  ['cimd-rejected', 'cimd-singular-auth-method-only'],
  ['loopback-port-exact', 'redirect-prefix-match'],
  ['client-assertion-rejected', 'client-assertion-aud-issuer-only', 'client-assertion-not-verified'],
  ['bad-grant-500', 'dead-refresh-token-401'],
  ['no-refresh-token', 'refresh-token-needs-offline-access', 'refresh-needs-scope', 'refresh-rejected', 'refresh-not-rotated'],
  ['no-refresh-token', 'dead-refresh-token-401', 'rotate-without-grace', 'reuse-revokes-family', 'refreshed-token-rejected'],
  ['refresh-rejected', 'refresh-needs-scope', 'refresh-not-rotated', 'rotate-without-grace', 'reuse-revokes-family', 'refreshed-token-rejected'],
  ['refresh-not-rotated', 'rotate-without-grace', 'reuse-revokes-family'],
];
