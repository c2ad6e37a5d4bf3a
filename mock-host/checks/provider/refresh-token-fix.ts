import type { ProviderId } from '../../model/provider-id.ts';

// The switch each provider needs before it issues refresh tokens (FINDINGS.md §6, FAILURE-MODES.md A).
const FIX: Record<ProviderId, string> = {
  google:
    'Add access_type=offline and prompt=consent to the authorization URL (client_url): Google issues a refresh_token only for offline access, and only when the consent screen is shown.',
  auth0:
    'Add offline_access to the scope, turn on "Allow Offline Access" on the Auth0 API, and send audience=<your API identifier> on the authorization URL so the access token is issued for your API.',
  entra: 'Add offline_access to the scope: the Microsoft identity platform issues refresh tokens only for it (and never echoes it back in scope).',
  okta: 'Add offline_access to the scope and enable the Refresh Token grant type on the Okta application.',
  dropbox: 'Add token_access_type=offline to the authorization URL: without it Dropbox issues only short-lived access tokens.',
  salesforce:
    'Allow the "Perform requests at any time (refresh_token, offline_access)" scope on the connected app and request refresh_token in the scope.',
  github:
    'GitHub returns refresh_token together with expires_in only for GitHub Apps with expiring user tokens: keep "Expire user authorization tokens" on and make sure the JSON answer reaches the host unchanged.',
  slack:
    'Turn on token rotation for the Slack app so refresh tokens are issued, and serve them at the top level of the response (a proxy that flattens authed_user).',
  meta: 'Facebook Login has no refresh tokens: exchange the short-lived token server-side for a long-lived one (grant_type=fb_exchange_token), or put a token endpoint on your domain that issues your own refresh tokens.',
  keycloak:
    'Enable "Use refresh tokens" in the Keycloak client\'s advanced settings, and request offline_access if the token must outlive the SSO session.',
  cognito: 'Enable ALLOW_REFRESH_TOKEN_AUTH on the Cognito app client: the authorization-code exchange then returns a refresh_token.',
  zoom: 'Use a user-managed Zoom OAuth app (not server-to-server): it returns a refresh_token with every user token; store the newest one, Zoom rotates them.',
  atlassian: 'Add offline_access to the scope: Atlassian issues refresh tokens only for it, and rotates them on every refresh.',
};

const GENERIC =
  'Return a refresh_token with every access token that has expires_in, and accept grant_type=refresh_token at the token endpoint; otherwise users lose access when the access token expires. With an OpenID Connect server, request offline_access and put prompt=consent in client_url: OIDC servers ignore offline_access without it.';

/**
 * Behind an MCP server the developer writes no authorization URL or scope: the host builds both from the
 * authorization server's metadata (and the protected resource metadata), and adds offline_access only when the
 * metadata lists it. Where that changes the fix, it says so.
 */
const MCP_FIX: Partial<Record<ProviderId, string>> = {
  google:
    'MCP hosts build the authorization URL from the authorization server metadata and never add access_type=offline or prompt=consent: serve metadata for the MCP server whose authorization_endpoint adds both before redirecting to Google, or put an authorization server of your own in front of Google.',
  dropbox:
    'MCP hosts build the authorization URL from the authorization server metadata and never add token_access_type=offline: serve metadata whose authorization_endpoint adds it before redirecting to Dropbox, or put an authorization server of your own in front.',
  auth0:
    'MCP hosts ask for offline_access only when the authorization server metadata lists it in scopes_supported (Auth0\'s does): turn on "Allow Offline Access" on the Auth0 API, and since hosts send the RFC 8707 resource rather than audience, set the tenant\'s default audience (or enable Auth0\'s resource parameter support) so tokens are issued for the MCP server.',
  entra:
    'MCP hosts ask for offline_access only when the authorization server metadata lists it in scopes_supported: keep it there (Entra\'s own document lists it) or name it in the protected resource metadata\'s scopes_supported.',
  okta: 'MCP hosts ask for offline_access only when the authorization server metadata lists it in scopes_supported: keep it in your custom authorization server\'s scopes, and enable the Refresh Token grant type on the Okta application.',
  salesforce:
    'MCP hosts ask only for the scopes the protected resource metadata (or the 401 challenge) names, plus offline_access when the authorization server metadata lists it: list refresh_token or offline_access there, and allow the "Perform requests at any time" scope on the connected app.',
};

/** The switch the provider needs; behind an MCP server, where the host and not the developer writes the request. */
// Stryker disable next-line StringLiteral: the default is only compared with "mcp"; any other value gives the plugin fix
export function providerFixForMissingRefreshToken(provider: ProviderId, protocol: 'plugin' | 'mcp' = 'plugin'): string {
  return (protocol === 'mcp' ? MCP_FIX[provider] : undefined) ?? FIX[provider];
}

/** The fix for a missing refresh token: the provider's switch when it is known, the RFC 6749 advice otherwise. */
export function fixForMissingRefreshToken(provider: ProviderId | undefined): string {
  return provider ? FIX[provider] : GENERIC;
}
