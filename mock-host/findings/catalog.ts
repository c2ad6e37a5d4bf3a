/**
 * The finding codes of ../shared/FINDINGS.md: the public contract. Never rename or reuse a code.
 * `severity` is the default; a host profile may override it (see HostProfile.severityOverrides), and a few
 * checks pick between the two levels FINDINGS.md gives (API_SLOW, API_RATE_LIMITED).
 */
export type Severity = 'error' | 'warning' | 'info';
export type FindingSection = 'discovery' | 'resource-server' | 'authorization-server' | 'registration' | 'authorization' | 'token' | 'api' | 'refresh' | 'provider';

export interface CatalogEntry {
  readonly section: FindingSection;
  readonly severity: Severity | 'inconclusive';
  readonly title: string;
  /** Where the rule comes from: an RFC section or the host documentation. */
  readonly spec: string;
  /**
   * Where a check gives another level than `severity` (what the host is known to accept), and severity-review
   * changes: docs/findings.md prints it beside the severity.
   */
  readonly severityNote?: string;
}

const entry = (section: FindingSection, severity: CatalogEntry['severity'], title: string, spec: string, severityNote?: string): CatalogEntry =>
  ({ section, severity, title, spec, ...(severityNote ? { severityNote } : {}) });

export const CATALOG = {
  // 1. Discovery
  MANIFEST_UNREACHABLE: entry('discovery', 'error', 'The plugin manifest cannot be fetched', 'OpenAI plugins: production (15 s manifest fetch, domain redirects)'),
  MANIFEST_NOT_JSON: entry('discovery', 'error', 'The plugin manifest is not JSON', 'OpenAI plugins: getting started (ai-plugin.json)'),
  MANIFEST_CONTENT_TYPE: entry('discovery', 'warning', 'The manifest is not served as application/json', 'RFC 8259 §11'),
  MANIFEST_INVALID: entry(
    'discovery',
    'error',
    'The manifest breaks a schema rule',
    'OpenAI plugins: getting started (manifest fields)',
    'warning for a legal_info_url that is a string but no URL (an email address): ChatGPT installed a plugin with one, the host only shows the link (severity review, issue 10)',
  ),
  MANIFEST_LIMITS: entry('discovery', 'warning', 'A manifest field exceeds a documented limit', 'OpenAI plugins: getting started (field limits)'),
  MANIFEST_AUTH_URLS_SWAPPED: entry('discovery', 'error', 'client_url and authorization_url are the wrong way round', 'OpenAI plugins: authentication (client_url = authorize page, authorization_url = token endpoint)'),
  MANIFEST_API_DOMAIN: entry('discovery', 'error', 'api.url is not on the manifest root domain', 'OpenAI plugins: production (domain rules)'),
  MANIFEST_NOT_HTTPS: entry('discovery', 'error', 'A manifest, API or OAuth URL is not HTTPS', 'OpenAI plugins: getting started (HTTPS required except localhost)'),
  VERIFICATION_TOKEN_MISSING: entry('discovery', 'warning', 'The manifest has no auth.verification_tokens.openai', 'OpenAI plugins: authentication (verification tokens)'),
  VERIFICATION_TOKEN_MISMATCH: entry('discovery', 'error', 'The manifest verification token differs from the configured one', 'OpenAI plugins: authentication (verification tokens)'),
  OPENAPI_UNREACHABLE: entry('discovery', 'error', 'The OpenAPI document cannot be fetched', 'OpenAI plugins: production (15 s fetch)'),
  OPENAPI_INVALID: entry('discovery', 'error', 'The OpenAPI document is invalid', 'OpenAPI Specification 3.x'),
  OPENAPI_LIMITS: entry('discovery', 'warning', 'An OpenAPI description exceeds the host limit', 'OpenAI plugins: getting started / GPT Actions: production (description limits)'),
  OPENAPI_SERVER_MISMATCH: entry('discovery', 'warning', 'servers[0].url is not on the manifest root domain', 'OpenAI plugins: production (domain rules)'),
  OPENAPI_NO_SECURITY: entry('discovery', 'info', 'An operation that needs the user token has no security requirement', 'GPT Actions: authentication (security applies per operation)'),
  ACTION_DOMAIN_MISMATCH: entry('discovery', 'info', 'Authorization URL, token URL and API host do not share a root domain', 'GPT Actions: production (OAuth domain rule)'),
  // 2. Authorization
  AUTHORIZE_UNREACHABLE: entry('authorization', 'error', 'The authorization page (client_url) does not load', 'RFC 6749 §3.1'),
  AUTHORIZE_ERROR_RESPONSE: entry('authorization', 'error', 'The provider redirected back with an error', 'RFC 6749 §4.1.2.1'),
  REDIRECT_URI_REJECTED: entry('authorization', 'error', "The provider refuses the host's redirect URI", 'RFC 6749 §3.1.2'),
  STATE_NOT_RETURNED: entry('authorization', 'error', 'The callback arrived without state', 'RFC 6749 §4.1.2'),
  STATE_MISMATCH: entry('authorization', 'error', 'The callback state differs from the one sent', 'RFC 6749 §4.1.2, §10.12'),
  SCOPE_EMPTY_REJECTED: entry('authorization', 'error', 'The provider rejects an empty scope', 'RFC 6749 §3.3'),
  PKCE_REQUIRED: entry('authorization', 'error', 'The provider demands PKCE, which this host does not send', 'RFC 7636; OpenAI plugins/GPT Actions send no code_challenge'),
  REDIRECT_URI_NOT_VALIDATED: entry('authorization', 'error', 'The provider sends codes to an unregistered redirect URI', 'RFC 6749 §10.6; RFC 9700 §4.1'),
  LOGIN_AUTOMATION_FAILED: entry('authorization', 'inconclusive', 'The harness could not get through the login and consent pages', 'plugin-conformance: login strategies'),
  // 3. Token exchange
  TOKEN_ENDPOINT_UNREACHABLE: entry('token', 'error', 'The token endpoint cannot be reached', 'RFC 6749 §3.2'),
  TOKEN_EXCHANGE_REJECTED: entry('token', 'error', "The token endpoint refuses the host's code exchange", 'RFC 6749 §4.1.3, §5.2'),
  TOKEN_BODY_ENCODING_REJECTED: entry('token', 'error', "The token endpoint rejects the host's body encoding", 'RFC 6749 §4.1.3; manifest authorization_content_type'),
  TOKEN_CLIENT_AUTH_REJECTED: entry('token', 'error', "The token endpoint rejects the host's client authentication method", 'RFC 6749 §2.3.1'),
  TOKEN_RESPONSE_NOT_JSON: entry('token', 'error', 'The token response is not JSON', 'RFC 6749 §5.1'),
  TOKEN_ERROR_WITH_200: entry('token', 'error', 'The token endpoint answered 200 with an error', 'RFC 6749 §5.1, §5.2'),
  TOKEN_ERROR_NOT_RFC6749: entry('token', 'warning', 'A token error answer is not RFC 6749 §5.2 JSON', 'RFC 6749 §5.2'),
  TOKEN_FIELDS_NONSTANDARD: entry('token', 'error', 'The token response uses non-standard field names', 'RFC 6749 §5.1'),
  ACCESS_TOKEN_MISSING: entry('token', 'error', 'The token response has no access token', 'RFC 6749 §5.1'),
  EXPIRES_IN_NOT_NUMBER: entry('token', 'warning', 'expires_in is not a positive number', 'RFC 6749 §5.1'),
  TOKEN_TYPE_MISSING: entry('token', 'warning', 'The token response has no token_type', 'RFC 6749 §5.1'),
  TOKEN_TYPE_NOT_BEARER: entry('token', 'error', 'token_type is not bearer', 'RFC 6749 §7.1; RFC 6750'),
  TOKEN_NO_EXPIRY: entry('token', 'warning', 'The token response has no expires_in', 'RFC 6749 §5.1'),
  REFRESH_TOKEN_MISSING: entry('token', 'error', 'The token expires but no refresh token is issued', 'RFC 6749 §1.5, §5.1'),
  CODE_REUSE_ACCEPTED: entry('token', 'warning', 'An authorization code was accepted twice', 'RFC 6749 §4.1.2, §10.5'),
  CLIENT_SECRET_NOT_VERIFIED: entry('token', 'error', 'The token endpoint issues tokens for a wrong client secret', 'RFC 6749 §3.2.1'),
  REDIRECT_URI_NOT_BOUND: entry('token', 'warning', 'The code was exchanged with a different redirect_uri', 'RFC 6749 §4.1.3'),
  // 4. API
  API_CALL_FAILED: entry('api', 'error', 'An operation called with a valid token failed', 'OpenAI plugins: production'),
  API_ACCEPTS_INVALID_TOKEN: entry('api', 'error', 'The API accepts a garbage bearer token', 'RFC 6750 §3.1'),
  API_ACCEPTS_MISSING_TOKEN: entry('api', 'error', 'The API answers 2xx without an Authorization header', 'RFC 6750 §3'),
  API_INVALID_TOKEN_STATUS: entry('api', 'error', 'An invalid or expired token does not get 401', 'RFC 6750 §3.1'),
  API_401_WITHOUT_CHALLENGE: entry('api', 'warning', '401 without a WWW-Authenticate: Bearer challenge', 'RFC 6750 §3'),
  API_BEARER_CASE_SENSITIVE: entry('api', 'warning', 'The API refuses a lower-case bearer scheme', 'RFC 7235 §2.1; RFC 6750 §2.1'),
  API_ACCEPTS_EXPIRED_TOKEN: entry('api', 'warning', 'The API accepts an access token after its lifetime', 'RFC 6750 §3.1; RFC 6749 §5.1'),
  API_REFRESHED_TOKEN_REJECTED: entry('api', 'error', 'The API refuses the access token from a refresh', 'RFC 6749 §6'),
  API_REDIRECT_DROPS_AUTH: entry('api', 'error', 'An authenticated call is redirected to another origin', 'Fetch Standard §4.4 (Authorization dropped cross-origin)'),
  API_RESPONSE_TOO_LARGE: entry('api', 'warning', 'An API response exceeds 100,000 characters', 'OpenAI plugins: getting started (response limit)'),
  API_SLOW: entry('api', 'warning', 'An API call is slow', 'OpenAI plugins: production (45 s timeout)'),
  API_SCOPE_REJECTED: entry('api', 'error', 'A fresh token is refused for insufficient scope', 'RFC 6750 §3.1'),
  API_RATE_LIMITED: entry('api', 'info', 'The API rate-limited the host', 'RFC 6585 §4'),
  // 5. Refresh and lifecycle
  REFRESH_REJECTED: entry('refresh', 'error', 'The refresh grant fails', 'RFC 6749 §6'),
  REFRESH_TOKEN_LOST: entry('refresh', 'error', 'The refresh token is lost after a refresh', 'RFC 6749 §6'),
  REFRESH_OMITS_REFRESH_TOKEN: entry('refresh', 'info', 'The refresh response omits refresh_token; the old one keeps working', 'RFC 6749 §6'),
  REFRESH_TOKEN_ROTATED: entry('refresh', 'info', 'Refresh tokens rotate on every refresh', 'RFC 9700 §4.14.2'),
  REFRESH_REUSE_REVOKES_FAMILY: entry('refresh', 'warning', 'Reusing an old refresh token revokes the newest one too', 'RFC 9700 §4.14.2'),
  REFRESH_CONCURRENT_FAILS: entry('refresh', 'warning', 'Concurrent refreshes with one refresh token fail', 'RFC 9700 §4.14.2 (grace period)'),
  REFRESH_SCOPE_NARROWED: entry('refresh', 'warning', 'The refreshed token carries fewer scopes', 'RFC 6749 §6'),
  USER_MISSING_CREDENTIALS: entry('refresh', 'error', 'Users lose access after the token expires', 'ChatGPT host behaviour: "User is missing credentials"'),
  // 7. MCP hosts (FINDINGS.md §7): resource server discovery
  MCP_UNAUTHENTICATED_NOT_401: entry('resource-server', 'error', 'An MCP request without a token does not get 401', 'MCP authorization §2.6 (2025-11-25); RFC 6750 §3'),
  CHALLENGE_NO_RESOURCE_METADATA: entry('resource-server', 'warning', 'The 401 challenge does not point at the protected resource metadata', 'RFC 9728 §5.1; MCP authorization (protected resource metadata discovery)'),
  AUTH_CHALLENGE_NOT_HTTP_401: entry('resource-server', 'error', 'A protected tool signals missing auth in a 200 answer', 'MCP authorization §2.6; RFC 6750 §3'),
  TOOL_SECURITY_SCHEMES_MISSING: entry('resource-server', 'warning', 'A tool that needs auth declares no oauth2 security scheme', 'OpenAI plugins: authentication (per-tool securitySchemes)'),
  PRM_UNREACHABLE: entry('resource-server', 'error', 'The protected resource metadata cannot be fetched', 'RFC 9728 §3'),
  PRM_INVALID: entry('resource-server', 'error', 'The protected resource metadata is invalid', 'RFC 9728 §2, §3.2'),
  PRM_WELL_KNOWN_FORM_MISSING: entry('resource-server', 'warning', 'One well-known form of the protected resource metadata is missing', 'RFC 9728 §3.1; MCP authorization (well-known probing order)'),
  PRM_RESOURCE_MISMATCH: entry('resource-server', 'error', 'The metadata resource is not the MCP URL the user entered', 'RFC 9728 §3.3; RFC 8707 §2'),
  PRM_AUTHORIZATION_SERVER_UNUSABLE: entry('resource-server', 'error', 'An authorization server the metadata names is unusable', 'RFC 9728 §2; MCP authorization (authorization server selection)'),
  PRM_OFFLINE_ACCESS_ADVERTISED: entry('resource-server', 'warning', 'offline_access is advertised by the resource server', 'MCP authorization 2026-07-28 (scopes: offline_access belongs to the authorization server)'),
  MCP_STALE_SESSION_NOT_404: entry('resource-server', 'warning', 'An unknown MCP session does not get 404', 'MCP transports (2025-11-25) §2.5: session management'),
  MCP_ORIGIN_NOT_VALIDATED: entry('resource-server', 'warning', 'The MCP endpoint serves a foreign Origin', 'MCP transports §2.0.1: security warning (validate Origin)'),
  // 7.2 Authorization-server metadata
  AS_METADATA_UNREACHABLE: entry('authorization-server', 'error', 'The authorization server metadata cannot be fetched', 'RFC 8414 §3; OpenID Connect Discovery 1.0 §4'),
  AS_OIDC_DISCOVERY_MISSING: entry('authorization-server', 'warning', 'OpenID configuration is missing beside RFC 8414 metadata', 'OpenID Connect Discovery 1.0 §4'),
  AS_ISSUER_MISMATCH: entry('authorization-server', 'error', 'The metadata issuer differs from the issuer it was fetched for', 'RFC 8414 §3.3; RFC 9728 §2'),
  AS_PKCE_NOT_ADVERTISED: entry('authorization-server', 'error', 'The authorization server does not advertise PKCE S256', 'MCP authorization (PKCE: code_challenge_methods_supported); RFC 8414 §2'),
  AS_NO_CLIENT_REGISTRATION: entry('authorization-server', 'error', 'The authorization server offers no way for a host to get a client', 'MCP authorization (client registration: CIMD, DCR)'),
  AS_CIMD_AUTH_METHOD_MISMATCH: entry('authorization-server', 'warning', "CIMD is advertised without an auth method the host's document uses", 'draft-ietf-oauth-client-id-metadata-document; MCP authorization (CIMD)'),
  AS_OFFLINE_ACCESS_NOT_ADVERTISED: entry('authorization-server', 'warning', 'The authorization server does not advertise refresh tokens', 'RFC 8414 §2 (scopes_supported, grant_types_supported); MCP authorization (offline_access)'),
  AS_ISS_NOT_ADVERTISED: entry('authorization-server', 'info', 'The authorization server does not advertise RFC 9207 iss', 'RFC 9207 §3'),
  // 7.3 Client registration
  CIMD_HOST_DOCUMENT_REJECTED: entry('registration', 'error', "The authorization server refuses the host's client metadata document", 'draft-ietf-oauth-client-id-metadata-document; MCP authorization (CIMD)'),
  DCR_REJECTS_HOST_METADATA: entry('registration', 'error', "Dynamic registration refuses the host's client metadata", 'RFC 7591 §3'),
  DCR_RESPONSE_INVALID: entry('registration', 'error', 'The dynamic registration answer is invalid', 'RFC 7591 §3.2.1'),
  UNKNOWN_CLIENT_NOT_INVALID_CLIENT: entry('registration', 'warning', 'An unknown client_id does not get 401 invalid_client', 'RFC 6749 §5.2'),
  DCR_ACCEPTS_INSECURE_REDIRECT: entry('registration', 'warning', 'Dynamic registration accepts a non-loopback http redirect URI', 'RFC 7591 §5; RFC 9700 §4.1'),
  // 7.4 Authorization endpoint
  PKCE_NOT_ENFORCED: entry('authorization', 'error', 'PKCE is not enforced', 'RFC 7636 §4.4, §4.6; OAuth 2.1 §4.1.1'),
  RESOURCE_PARAMETER_REJECTED: entry('authorization', 'error', "The host's resource parameter is refused", 'RFC 8707 §2; MCP authorization (resource parameter)'),
  AUTHORIZE_ISS_INVALID: entry('authorization', 'error', 'The authorization response lacks the advertised iss, or it is wrong', 'RFC 9207 §2, §2.4'),
  CONSENT_DENY_IGNORED: entry('authorization', 'error', 'A denied consent still yields a code', 'RFC 6749 §4.1.2.1 (access_denied)'),
  TOKEN_USER_CONFUSION: entry('authorization', 'error', "One user's token acts as another user", 'RFC 6749 §10; OWASP: broken object-level authorization'),
  AS_ADVERTISED_ENDPOINT_MISSING: entry('authorization-server', 'warning', 'An endpoint the authorization server advertises is missing', 'RFC 8414 §2; RFC 7009'),
  // 7.5 Token endpoint
  TOKEN_PUBLIC_CLIENT_REJECTED: entry('token', 'error', 'A registered public client cannot exchange its code', 'RFC 6749 §2.1, §3.2.1; RFC 7591 (token_endpoint_auth_method none)'),
  TOKEN_CLIENT_ASSERTION_REJECTED: entry('token', 'error', "The host's private_key_jwt client assertion is refused", 'RFC 7523 §2.2, §3; OpenID Connect Core §9'),
  CLIENT_ASSERTION_NOT_VERIFIED: entry('token', 'error', 'The token endpoint accepts an invalid client assertion', 'RFC 7523 §3'),
  TOKEN_AUDIENCE_NOT_RESOURCE: entry('token', 'warning', 'The access token audience is not the requested resource', 'RFC 8707 §2; RFC 9068 §3'),
  TOKEN_RESPONSE_CACHEABLE: entry('token', 'warning', 'The token response may be cached', 'RFC 6749 §5.1 (Cache-Control: no-store)'),
  OAUTH_ENDPOINT_SLOW: entry('token', 'warning', 'An OAuth endpoint is slow for the host', 'Claude connectors: authentication (10 s budget)'),
  // 7.6 Refresh and lifecycle
  REFRESH_NEEDS_SCOPE: entry('refresh', 'error', "A refresh without scope fails, as the host sends it", 'RFC 6749 §6 (scope is optional on refresh)'),
  REFRESH_ERROR_NOT_INVALID_GRANT: entry('refresh', 'warning', 'A dead refresh token does not get 400 invalid_grant', 'RFC 6749 §5.2'),
  REFRESH_NOT_ROTATED: entry('refresh', 'warning', "A public client's refresh token does not rotate", 'OAuth 2.1 §4.3.1; MCP authorization (refresh token rotation)'),
  EXPIRED_TOKEN_CHALLENGE_NO_ERROR: entry('refresh', 'info', 'The 401 for an expired token lacks error="invalid_token"', 'RFC 6750 §3.1'),
  CONNECTION_EXPIRED: entry('refresh', 'error', 'Users lose the connection after the token expires', 'MCP hosts: "Your connection has expired. Reconnect it"'),
  // 7.7 Resource server token validation
  RS_ACCEPTS_FOREIGN_TOKEN: entry('api', 'error', 'The MCP server accepts a token not issued for it', 'RFC 8707 §2; RFC 9068 §4; MCP authorization (token audience validation)'),
  RS_TOKEN_IN_QUERY_ACCEPTED: entry('api', 'error', 'The MCP server accepts an access token in the query string', 'MCP authorization (access token usage); RFC 6750 §2.3'),
  RS_SCOPE_CHALLENGE_INVALID: entry('api', 'warning', 'Insufficient scope is not a 403 insufficient_scope challenge', 'RFC 6750 §3.1; MCP authorization (scope challenge handling)'),
  // 6. Providers
  PROVIDER_GOOGLE_OFFLINE_ACCESS: entry('provider', 'error', 'Google issues no refresh token without access_type=offline', 'Google OAuth 2.0 for web server apps: offline access'),
  PROVIDER_AUTH0_OFFLINE_ACCESS: entry('provider', 'error', 'Auth0 issues no refresh token without offline_access', 'Auth0: refresh tokens'),
  PROVIDER_ENTRA_OFFLINE_ACCESS: entry('provider', 'error', 'Microsoft Entra issues no refresh token without offline_access', 'Microsoft identity platform: scopes'),
  PROVIDER_OKTA_OFFLINE_ACCESS: entry('provider', 'error', 'Okta issues no refresh token without offline_access', 'Okta: refresh tokens'),
  PROVIDER_DROPBOX_OFFLINE: entry('provider', 'error', 'Dropbox issues no refresh token without token_access_type=offline', 'Dropbox OAuth guide'),
  PROVIDER_SALESFORCE_REFRESH_SCOPE: entry('provider', 'error', 'Salesforce issues no refresh token without the refresh_token scope', 'Salesforce: OAuth refresh token flow'),
  PROVIDER_GITHUB_FORM_RESPONSE: entry('provider', 'error', 'GitHub answers the token request form-encoded', 'GitHub: authorizing OAuth apps'),
  PROVIDER_SLACK_NESTED_TOKEN: entry('provider', 'error', 'Slack nests user tokens under authed_user', 'Slack: oauth.v2.access'),
  PROVIDER_META_NO_REFRESH: entry('provider', 'error', 'Meta issues no refresh tokens', 'Facebook Login: long-lived tokens'),
  PROVIDER_KEYCLOAK_SESSION_BOUND: entry('provider', 'warning', 'Keycloak refresh tokens die with the SSO session', 'Keycloak: session and token timeouts'),
} as const satisfies Record<string, CatalogEntry>;

export type FindingCode = keyof typeof CATALOG;
export const FINDING_CODES = Object.keys(CATALOG) as FindingCode[];

export function isFindingCode(value: string): value is FindingCode {
  return Object.hasOwn(CATALOG, value);
}

/** Where a code is documented, relative to the repository root (docs/findings.md is generated from CATALOG). */
export function findingDocPath(code: FindingCode): string {
  return `docs/findings.md#${code.toLowerCase()}`;
}
