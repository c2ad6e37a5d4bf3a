import { defineCheck } from '../../findings/check.ts';
import type { TokenRejection } from '../../oauth/token-failure.ts';
import type { TokenAuthMethod } from '../../profiles/host-profile.ts';

/** A code exchange the endpoint refused, with how the host authenticated. */
export interface RefusedExchange {
  rejection?: TokenRejection;
  authMethod: TokenAuthMethod;
  /** The client was registered by the host itself (CIMD or DCR) with this method. */
  registered: boolean;
  exchangeId: string;
  curl: string;
}

const refusedAuth = (r: RefusedExchange) => r.rejection !== undefined && (r.rejection.status === 401 || r.rejection.error === 'invalid_client' || r.rejection.error === 'unauthorized_client');

/** TOKEN_PUBLIC_CLIENT_REJECTED: a client registered with `none` exchanges its code with client_id and code_verifier alone. */
export const checkPublicClientAccepted = defineCheck<RefusedExchange>({ id: 'token-endpoint-accepts-public-client', codes: ['TOKEN_PUBLIC_CLIENT_REJECTED'] }, (r) => {
  if (r.authMethod !== 'none' || !r.registered || !refusedAuth(r)) return [];
  return [
    {
      code: 'TOKEN_PUBLIC_CLIENT_REJECTED',
      // Stryker disable next-line OptionalChaining: refusedAuth(r) above already required r.rejection to be set
      message: `the token endpoint refused the code exchange of a public client (${r.rejection?.status}${r.rejection?.error ? ` ${r.rejection.error}` : ''}) that it registered with token_endpoint_auth_method none`,
      fix: 'Let public clients (token_endpoint_auth_method none) exchange their codes with client_id and code_verifier: PKCE is their proof (RFC 7636, OAuth 2.1 §2.1).',
      evidence: [r.exchangeId],
      reproduce: r.curl,
    },
  ];
});

/** TOKEN_CLIENT_ASSERTION_REJECTED: the host's RS256 assertion (aud = token endpoint) is refused; refusing only one `aud` form is a warning. */
export const checkClientAssertionAccepted = defineCheck<RefusedExchange & { issuerAudienceAccepted?: boolean; issuerAudienceExchangeId?: string }>(
  { id: 'token-endpoint-accepts-client-assertion', codes: ['TOKEN_CLIENT_ASSERTION_REJECTED'] },
  (r) => {
    if (r.authMethod !== 'private_key_jwt' || !refusedAuth(r)) return [];
    const onlyIssuer = r.issuerAudienceAccepted === true;
    return [
      {
        code: 'TOKEN_CLIENT_ASSERTION_REJECTED',
        ...(onlyIssuer ? { severity: 'warning' as const } : {}),
        message: onlyIssuer
          ? "the token endpoint refused the host's client assertion with aud = the token endpoint URL, and accepted the same assertion with aud = the issuer"
          : // Stryker disable next-line OptionalChaining: refusedAuth(r) above already required r.rejection to be set
            `the token endpoint refused the host's private_key_jwt client assertion (${r.rejection?.status}${r.rejection?.error ? ` ${r.rejection.error}` : ''})`,
        fix: "Verify client assertions against the key at the client document's jwks_uri, and accept aud as either the token endpoint URL or the issuer (RFC 7523, draft-ietf-oauth-rfc7523bis).",
        evidence: [r.exchangeId, ...(r.issuerAudienceExchangeId ? [r.issuerAudienceExchangeId] : [])],
        reproduce: r.curl,
      },
    ];
  },
);

/** RESOURCE_PARAMETER_REJECTED at the token endpoint: refused with `resource`, accepted without it. */
export const checkResourceAccepted = defineCheck<{ resource: string; grant: 'authorization_code' | 'refresh_token'; withoutIssued: boolean; failedExchangeId: string; retryExchangeId: string; curl: string }>(
  { id: 'token-endpoint-accepts-resource', codes: ['RESOURCE_PARAMETER_REJECTED'] },
  (r) =>
    r.withoutIssued
      ? [
          {
            code: 'RESOURCE_PARAMETER_REJECTED',
            message: `the ${r.grant === 'authorization_code' ? 'code exchange' : 'refresh'} with resource=${r.resource} was refused, and the same request without resource succeeded`,
            fix: `Accept the MCP server's URL, path included, as an RFC 8707 resource (${r.resource}) at the token endpoint (Entra: use an Application ID URI the server also accepts, or a proxy that maps it).`,
            evidence: [r.failedExchangeId, r.retryExchangeId],
            reproduce: r.curl,
          },
        ]
      : [],
);

/** REFRESH_NEEDS_SCOPE: the host's refresh (no scope) fails while the same refresh with the granted scope succeeds. */
export const checkRefreshWithoutScope = defineCheck<{ scope: string; withScopeIssued: boolean; failedExchangeId: string; retryExchangeId: string; curl: string }>(
  { id: 'refresh-works-without-scope', codes: ['REFRESH_NEEDS_SCOPE'] },
  (r) =>
    r.withScopeIssued
      ? [
          {
            code: 'REFRESH_NEEDS_SCOPE',
            message: `the refresh the host sends (no scope) was refused, and the same refresh with scope="${r.scope}" succeeded (Entra: AADSTS90009)`,
            fix: 'Keep the grant\'s scope with the refresh token and apply it when a refresh names none (RFC 6749 §6), or put a token proxy in front that adds the scope.',
            evidence: [r.failedExchangeId, r.retryExchangeId],
            reproduce: r.curl,
          },
        ]
      : [],
);
