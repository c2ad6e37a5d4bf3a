import { z } from 'zod';
import { PROVIDER_IDS, type ProviderId } from '../../mock-host/model/provider-id.ts';
import { standardMetadata, type AuthorizationServerDocument, type ProviderUrls } from './discovery.ts';

/**
 * A preset makes oauth2-mock-server answer like one real provider. The mock itself validates nothing and answers
 * every grant the same way; a preset only describes the provider's rules (when a refresh token is issued, what a
 * refresh does to it, how answers and errors look). `start.ts` enforces them with per-code and per-refresh-token
 * state, so every preset gets codes that work once, refresh tokens that can be revoked, and a client check.
 */

// A preset per provider the harness knows: detection (PLUGIN_PROVIDER) and simulation share one list of names.
export const PRESET_NAMES = PROVIDER_IDS;
export type PresetName = ProviderId;

/** One authorization the provider approved: what the /authorize request that produced a code asked for. */
export interface Authorization {
  readonly clientId: string | undefined;
  readonly redirectUri: string;
  readonly scope: readonly string[];
  /** Every query parameter of the /authorize request (access_type, prompt, token_access_type, audience…). */
  readonly params: URLSearchParams;
  /**
   * The provider showed its consent screen: the client asked for something the user had not granted it yet, or
   * forced the screen with prompt=consent. Otherwise the provider remembers the consent and skips the screen; Google
   * issues refresh tokens only with it.
   */
  readonly consentShown: boolean;
}

/** The RFC 6749 §5.1 answer the provider starts from before its own shape is applied. */
export interface StandardTokenBody {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  refresh_token?: string;
  id_token?: string;
}

/** Why the provider refuses a token request; each preset words it its own way. */
export type RefusalReason =
  | 'unknown_code'
  | 'code_used'
  | 'redirect_uri_mismatch'
  | 'bad_client'
  | 'unknown_refresh_token'
  | 'refresh_token_revoked'
  | 'refresh_token_idle'
  | 'unsupported_grant_type'
  | 'pkce_mismatch';

export interface Refusal {
  reason: RefusalReason;
  /** RFC 6749 §5.2 error code for the reason. */
  error: 'invalid_grant' | 'invalid_client' | 'unsupported_grant_type';
  description: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export type Grant = 'authorization_code' | 'refresh_token';

/**
 * What a refresh does with the refresh token it was given:
 * `omit` answers without refresh_token and the old one keeps working (Google, Auth0, Cognito);
 * `same` repeats the old one (Okta's default); `new` issues another and the old one keeps working (Entra,
 * Keycloak); `rotate` issues another and the old one dies on use (Zoom, Atlassian).
 */
export type RefreshRotation = 'omit' | 'same' | 'new' | 'rotate';

/**
 * How the tenant (the developer's account at the provider) is set up, where real providers make it a setting: each
 * preset reads what applies to it. Absent fields keep the preset's usual configuration.
 */
export const tenantSettingsSchema = z.strictObject({
  /**
   * Refresh tokens are allowed at all: Auth0's "Allow Offline Access" on the API, Okta's Refresh Token grant on the
   * app, Keycloak's offline_access client scope. Off: offline_access is granted in name only (no refresh token;
   * Keycloak: an SSO-session refresh token, not an offline one). Default on.
   */
  offlineAccess: z.boolean().default(true),
  /**
   * Entra: the RFC 8707 resources the app registration accepts (its Application ID URIs). Any other `resource` is
   * refused with AADSTS9010010. `mcp-url` stands for the MCP server's URL (the API exposed under that URI).
   */
  applicationIdUris: z.array(z.string().min(1)).default([]),
  /**
   * Entra: a refresh must name its scope again (Microsoft identity platform v2.0, AADSTS900144; what Claude's
   * scope-less refresh meets). Off by default so the legacy plugin scenarios, whose host model sends no scope on
   * refresh either (PROTOCOL.md §2, UNCONFIRMED), keep their Entra baseline; the mcp-provider target turns it on.
   */
  refreshNeedsScope: z.boolean().default(false),
  /**
   * Client ID metadata documents (client-id-documents.ts): `on` advertises them and accepts a public client whose
   * document offers a supported method; `read-singular` reads only the document's singular
   * token_endpoint_auth_method. No imitated provider supports them; this is the tenant of a provider that added them.
   */
  clientIdMetadataDocuments: z.enum(['off', 'on', 'read-singular']).default('off'),
});
export type TenantSettings = z.output<typeof tenantSettingsSchema>;

/** A token request as the provider screens it before looking at the grant (Entra's parameter rules). */
export interface ScreenedTokenRequest {
  grantType: string;
  scope: string | undefined;
  resource: string | undefined;
}

export interface PresetBehaviour {
  /** expires_in and the JWT's exp agree on it. */
  readonly accessTokenTtlSeconds: number;
  readonly refreshRotation: RefreshRotation;
  /** Whether the code exchange for this authorization carries a refresh token. */
  issuesRefreshToken(authorization: Authorization): boolean;
  /** What the user consents to in an authorization request: its scopes, plus anything the provider asks about. */
  consentItems(params: URLSearchParams, scope: readonly string[]): string[];
  /** Refresh tokens unused this long die (Keycloak's SSO Session Idle); undefined: they never idle out. */
  refreshTokenIdleSeconds(authorization: Authorization): number | undefined;
  /** The scope string the answer reports for the granted scope. */
  reportScope(granted: readonly string[]): string;
  /** The provider's own shape of a successful answer. */
  shapeSuccess(body: StandardTokenBody, ctx: { grant: Grant; authorization: Authorization }): Answer;
  /** The provider's own shape of a refusal. */
  shapeRefusal(refusal: Refusal): Answer;
  /** How the answer is encoded for a request with this Accept header (GitHub: form unless JSON is asked for). */
  answerEncoding(accept: string | undefined): 'json' | 'form';
  /**
   * The provider's discovery document, and the well-known paths it is served at (an MCP host reads it; a legacy
   * plugin host never does). Each preset lists what the real provider advertises, omissions included.
   */
  metadata(urls: ProviderUrls): AuthorizationServerDocument;
  /**
   * Refuses a token request for its parameters before the code or refresh token is even looked at (so the code stays
   * usable, as at Entra); undefined lets it through. The answer is in the provider's own shape.
   */
  screenTokenRequest(request: ScreenedTokenRequest): Answer | undefined;
  /**
   * Whether an authorization request's RFC 8707 `resource` is refused; the error and its description for the
   * redirect, or undefined.
   */
  screenAuthorization(params: URLSearchParams): { error: string; error_description: string } | undefined;
  /** The access token's `aud` for the RFC 8707 resource of the request (undefined: none asked). */
  audience(resource: string | undefined, clientId: string | undefined): string | undefined;
}

export interface ProviderPreset {
  readonly name: PresetName;
  /** One line: what the preset imitates, quirk first. */
  readonly summary: string;
  /** Real-looking endpoint paths, so messages and path-based detection see what the real provider serves. */
  readonly endpoints: { authorize: string; token: string };
  /** A fresh behaviour per started provider: state a preset keeps (consent memory) never leaks between runs. */
  create(tenant: TenantSettings): PresetBehaviour;
}

/** RFC 6749 §5.2: 400, or 401 for a client that failed to authenticate. */
export function rfc6749Refusal(refusal: Refusal): Answer {
  return { status: refusal.error === 'invalid_client' ? 401 : 400, body: { error: refusal.error, error_description: refusal.description } };
}

const STANDARD: Omit<PresetBehaviour, 'issuesRefreshToken'> = {
  accessTokenTtlSeconds: 3600,
  refreshRotation: 'new',
  refreshTokenIdleSeconds: () => undefined,
  consentItems: (_params, scope) => [...scope],
  reportScope: (granted) => granted.join(' '),
  shapeSuccess: (body) => ({ status: 200, body: { ...body } }),
  shapeRefusal: rfc6749Refusal,
  answerEncoding: () => 'json',
  metadata: standardMetadata,
  screenTokenRequest: () => undefined,
  screenAuthorization: () => undefined,
  // RFC 8707 providers put the resource into aud; without one the token is for the client itself.
  audience: (resource, clientId) => resource ?? clientId,
};

/** A behaviour that is RFC 6749 everywhere the preset does not say otherwise. */
export function behaviour(overrides: Partial<PresetBehaviour> & Pick<PresetBehaviour, 'issuesRefreshToken'>): PresetBehaviour {
  return { ...STANDARD, ...overrides };
}

/** `prompt` is a space-delimited list (OpenID Connect Core §3.1.2.1): prompt=consent select_account counts. */
export function promptIncludes(params: URLSearchParams, value: string): boolean {
  return (params.get('prompt') ?? '').split(' ').includes(value);
}

/** The granted scope includes any of these (Auth0/Okta/Entra offline_access, Salesforce refresh_token). */
export function grantsAnyScope(authorization: Authorization, ...scopes: string[]): boolean {
  return scopes.some((s) => authorization.scope.includes(s));
}
