import { defineCheck } from '../../findings/check.ts';
import type { AuthorizationServerMetadata } from '../../mcp/metadata-schemas.ts';

/** One fetch of an authorization server metadata URL. */
export interface AsMetadataFetch {
  url: string;
  kind: 'oauth' | 'openid';
  exchangeId: string;
  curl: string;
  status?: number;
  error?: string;
  /** The body when it is a JSON object with the members a host needs (issuer, endpoints). */
  metadata?: AuthorizationServerMetadata;
  /** Why a 200 JSON body is not usable metadata. */
  invalid?: string;
}

/** The metadata the host settled on for one issuer, and how it got there. */
export interface AsMetadataFacts {
  issuer: string;
  tried: readonly AsMetadataFetch[];
  used?: AsMetadataFetch & { metadata: AuthorizationServerMetadata };
}

const cite = (f: { exchangeId: string; curl: string }) => ({ evidence: [f.exchangeId], reproduce: f.curl });

/** AS_METADATA_UNREACHABLE: no spec well-known form gave 200 JSON with the members a host needs. */
export const checkAsMetadataReachable = defineCheck<AsMetadataFacts & { timeoutMs: number }>({ id: 'as-metadata-reachable', codes: ['AS_METADATA_UNREACHABLE'] }, (f) => {
  if (f.used) return [];
  const what = f.tried.map((t) => `${t.url} → ${t.invalid ?? t.status ?? t.error ?? 'no answer'}`).join('; ');
  return [
    {
      code: 'AS_METADATA_UNREACHABLE',
      message: `no usable metadata for the authorization server ${f.issuer}: ${what}`,
      fix: `Serve RFC 8414 metadata at ${f.tried[0]?.url ?? '/.well-known/oauth-authorization-server'} (application/json, with issuer, authorization_endpoint and token_endpoint), within ${f.timeoutMs / 1000} s.`,
      evidence: f.tried.map((t) => t.exchangeId),
      // Stryker disable next-line OptionalChaining,StringLiteral: inside the branch f.tried.at(-1) is defined and its curl is a required string
      ...(f.tried.at(-1) ? { reproduce: f.tried.at(-1)?.curl ?? '' } : {}),
    },
  ];
});

/** AS_ISSUER_MISMATCH: the metadata's issuer must equal the issuer used to build its URL, and the PRM entry, byte for byte. */
export const checkAsIssuer = defineCheck<AsMetadataFacts>({ id: 'as-issuer-matches', codes: ['AS_ISSUER_MISMATCH'] }, (f) => {
  if (!f.used || f.used.metadata.issuer === f.issuer) return [];
  return [
    {
      code: 'AS_ISSUER_MISMATCH',
      message: `the metadata at ${f.used.url} says issuer "${f.used.metadata.issuer.slice(0, 200)}", but it was fetched for "${f.issuer}" (the protected resource metadata's authorization_servers entry); clients must reject it`,
      fix: 'Make the issuer in the authorization server metadata and the entry in authorization_servers the same string, byte for byte (scheme, host, port, path, trailing slash).',
      ...cite(f.used),
    },
  ];
});

/** AS_PKCE_NOT_ADVERTISED: hosts refuse an authorization server without code_challenge_methods_supported containing S256. */
export const checkPkceAdvertised = defineCheck<AsMetadataFacts>({ id: 'as-advertises-pkce-s256', codes: ['AS_PKCE_NOT_ADVERTISED'] }, (f) => {
  const methods = f.used?.metadata.code_challenge_methods_supported;
  if (!f.used || methods?.includes('S256')) return [];
  return [
    {
      code: 'AS_PKCE_NOT_ADVERTISED',
      message: methods ? `code_challenge_methods_supported is ${JSON.stringify(methods).slice(0, 100)}, without S256` : 'the metadata has no code_challenge_methods_supported; MCP clients refuse to authorize without it',
      fix: 'Add "code_challenge_methods_supported": ["S256"] to the authorization server metadata (and enforce PKCE).',
      ...cite(f.used),
    },
  ];
});

/** AS_NO_CLIENT_REGISTRATION: without CIMD or DCR a host can only use a client the user pastes in. */
export const checkClientRegistrationOffered = defineCheck<AsMetadataFacts & { clientConfigured: boolean }>(
  { id: 'as-offers-client-registration', codes: ['AS_NO_CLIENT_REGISTRATION'] },
  (f) => {
    if (!f.used) return [];
    const m = f.used.metadata;
    if (m.client_id_metadata_document_supported === true || m.registration_endpoint) return [];
    return [
      {
        code: 'AS_NO_CLIENT_REGISTRATION',
        ...(f.clientConfigured ? { severity: 'info' as const } : {}),
        message: `the authorization server advertises neither client_id_metadata_document_supported nor a registration_endpoint${f.clientConfigured ? '; this run uses the configured client (PLUGIN_CLIENT_ID)' : ': the host cannot get a client (Claude Code: "Incompatible auth server: does not support dynamic client registration")'}`,
        fix: 'Support client ID metadata documents (client_id_metadata_document_supported: true) or dynamic client registration (registration_endpoint), or document the pre-registered client users must enter.',
        ...cite(f.used),
      },
    ];
  },
);

/**
 * AS_CIMD_AUTH_METHOD_MISMATCH: CIMD is advertised but token_endpoint_auth_methods_supported has no method the
 * host's document uses. A host that gates CIMD on the method (Claude) falls back to DCR, and fails where there is
 * none; a host that uses CIMD whenever it is advertised (ChatGPT) is stuck with a client the AS does not support.
 */
export const checkCimdAuthMethods = defineCheck<AsMetadataFacts & { documentMethods: readonly string[]; fallsBackToDcr: boolean }>(
  { id: 'as-cimd-accepts-host-auth-method', codes: ['AS_CIMD_AUTH_METHOD_MISMATCH'] },
  (f) => {
    const m = f.used?.metadata;
    if (!f.used || !m || m.client_id_metadata_document_supported !== true) return [];
    const supported = m.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    if (f.documentMethods.some((method) => supported.includes(method))) return [];
    const fallback = f.fallsBackToDcr && !!m.registration_endpoint;
    return [
      {
        code: 'AS_CIMD_AUTH_METHOD_MISMATCH',
        severity: fallback ? 'warning' : 'error',
        message: `CIMD is advertised, but token_endpoint_auth_methods_supported (${supported.join(', ')}) has none of the host document's methods (${f.documentMethods.join(', ')}); ${fallback ? 'the host falls back to dynamic registration' : f.fallsBackToDcr ? 'and there is no registration_endpoint to fall back to' : 'this host uses CIMD whenever it is advertised and does not fall back to dynamic registration'}`,
        fix: `List ${f.documentMethods.join(' or ')} in token_endpoint_auth_methods_supported (public CIMD clients use none).`,
        ...cite(f.used),
      },
    ];
  },
);

/** AS_OFFLINE_ACCESS_NOT_ADVERTISED: hosts ask for offline_access only when the authorization server lists it. */
export const checkOfflineAccessAdvertised = defineCheck<AsMetadataFacts>({ id: 'as-advertises-refresh-tokens', codes: ['AS_OFFLINE_ACCESS_NOT_ADVERTISED'] }, (f) => {
  const m = f.used?.metadata;
  // Stryker disable next-line LogicalOperator: m is f.used?.metadata and a used fetch always has metadata, so !f.used and !m are true together
  if (!f.used || !m) return [];
  const missing = [
    m.scopes_supported && !m.scopes_supported.includes('offline_access') ? 'scopes_supported lacks offline_access' : '',
    m.grant_types_supported && !m.grant_types_supported.includes('refresh_token') ? 'grant_types_supported lacks refresh_token' : '',
  ].filter(Boolean);
  if (!missing.length) return [];
  return [
    {
      code: 'AS_OFFLINE_ACCESS_NOT_ADVERTISED',
      message: `${missing.join(' and ')}: hosts add offline_access to their request only when the authorization server lists it, so servers that issue refresh tokens only for it never do`,
      fix: 'List offline_access in scopes_supported and refresh_token in grant_types_supported, and issue refresh tokens to the hosts\' clients.',
      ...cite(f.used),
    },
  ];
});

/** AS_ISS_NOT_ADVERTISED: no RFC 9207 iss (ChatGPT then uses its per-connector redirect). */
export const checkIssAdvertised = defineCheck<AsMetadataFacts>({ id: 'as-advertises-iss-parameter', codes: ['AS_ISS_NOT_ADVERTISED'] }, (f) => {
  if (!f.used || f.used.metadata.authorization_response_iss_parameter_supported === true) return [];
  return [
    {
      code: 'AS_ISS_NOT_ADVERTISED',
      message: 'the metadata does not advertise authorization_response_iss_parameter_supported: true (RFC 9207); ChatGPT then needs one redirect URI per connection',
      fix: 'Return iss on every authorization response and advertise authorization_response_iss_parameter_supported: true.',
      ...cite(f.used),
    },
  ];
});

/** AS_OIDC_DISCOVERY_MISSING: RFC 8414 answers but openid-configuration 404s, for hosts that fetch both. */
export const checkOidcDiscoveryAlongside = defineCheck<{ oauth?: AsMetadataFetch; openid?: AsMetadataFetch }>({ id: 'as-serves-openid-configuration', codes: ['AS_OIDC_DISCOVERY_MISSING'] }, ({ oauth, openid }) => {
  if (!oauth?.metadata || !openid || openid.status !== 404) return [];
  return [
    {
      code: 'AS_OIDC_DISCOVERY_MISSING',
      message: `${oauth.url} serves RFC 8414 metadata but ${openid.url} answers 404; ChatGPT fetches both`,
      fix: 'Serve the same metadata at /.well-known/openid-configuration too.',
      ...cite(openid),
    },
  ];
});

/** PRM_AUTHORIZATION_SERVER_UNUSABLE: an authorization_servers entry whose metadata fails; fatal for the entry the host uses. */
export const checkAuthorizationServerUsable = defineCheck<{ issuer: string; index: number; usedByHost: boolean; pickUnconfirmed?: boolean; problem?: string; exchangeIds: readonly string[] }>(
  { id: 'prm-authorization-servers-usable', codes: ['PRM_AUTHORIZATION_SERVER_UNUSABLE'] },
  ({ issuer, index, usedByHost, pickUnconfirmed, problem, exchangeIds }) =>
    problem
      ? [
          {
            code: 'PRM_AUTHORIZATION_SERVER_UNUSABLE',
            severity: usedByHost ? 'error' : 'warning',
            message: `authorization_servers[${index}] (${issuer}) is unusable: ${problem}${usedByHost ? (pickUnconfirmed ? '; which entry this host uses is unconfirmed, so it may be this one' : '; this host uses that entry and never falls back to another') : ''}`,
            fix: 'List only working authorization servers, the one the hosts should use first.',
            evidence: [...exchangeIds],
          },
        ]
      : [],
);
