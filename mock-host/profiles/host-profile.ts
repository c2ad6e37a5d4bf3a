import type { FindingCode } from '../findings/catalog.ts';
import type { ClientAssertionSigner } from '../oauth/client-assertion.ts';
import type { Check } from '../findings/check.ts';
import type { TokenResponseFacts } from '../oauth/token-facts.ts';
import type { SeverityOverrides } from '../findings/finding.ts';
import type { Credentials } from '../model/credentials.ts';
import type { ApiOperation } from '../model/target.ts';
import type { HttpOutcome } from '../recorder/exchange.ts';
import type { StaleSessionAnswer } from '../checks/resource-server/stale-session.ts';
import type { FindingDraft } from '../findings/finding.ts';
import type { HostSession } from '../engine/session.ts';
import type { DiscoveryContext, DiscoveryResult } from './defaults/discovery/discovery-context.ts';
import type { McpWire } from '../mcp/first-request.ts';
import type { ScopeStepUpTraits } from '../checks/resource-server/scope-challenge.ts';

/** What an MCP host's resource-server probes need to know about it (absent for the legacy hosts). */
export interface McpHostTraits {
  /** The wire its requests speak (the probes' bare requests use it). */
  wire: McpWire;
  /** How it reads an insufficient-scope answer (RS_SCOPE_CHALLENGE_INVALID). */
  scopeStepUp: ScopeStepUpTraits;
  /** It reads per-tool `securitySchemes` to offer its link UI on mixed-auth servers (TOOL_SECURITY_SCHEMES_MISSING). */
  readsToolSecuritySchemes: boolean;
}

export type TokenBodyEncoding = 'json' | 'form';

/** RFC 7591 §2 names of the token endpoint authentication methods a host may use. */
export type TokenAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'none' | 'private_key_jwt';

/** Names of the authorization request parameters a host sends, in the order it sends them. */
export type AuthorizeParameter = 'response_type' | 'client_id' | 'redirect_uri' | 'scope' | 'state' | 'code_challenge' | 'code_challenge_method' | 'resource' | 'prompt';

/** Names of the token request body fields, in the order the host sends them (client authentication decides the rest). */
export type TokenField = 'grant_type' | 'code' | 'redirect_uri' | 'code_verifier' | 'client_id' | 'client_secret' | 'refresh_token' | 'resource' | 'scope';

/** The OAuth client the host acts as for one target, however it got it. */
export interface OAuthClient {
  clientId: string;
  clientSecret?: string;
  authMethod: TokenAuthMethod;
  /** Where the client came from: configured by the developer, or obtained by the host itself. */
  source: 'configured' | 'dcr' | 'cimd';
  /** private_key_jwt: the key the host signs its client assertions with. */
  signer?: ClientAssertionSigner;
  /**
   * private_key_jwt: the `aud` of its assertions once the token endpoint took only this one (the issuer); absent: the
   * token endpoint URL, as ChatGPT sends it. Set when the exchange went on with that variant, so refreshes use it too.
   */
  assertionAudience?: string;
}

/** Where the mock host serves documents the target fetches (the host's client metadata document, its JWKS). */
export interface DocumentPublisher {
  /** Serves `body` as JSON at `path` on the mock host; returns its URL. */
  publish(path: string, body: unknown): string;
  urlOf(path: string): string;
}

/** Discovery: what the host fetches and checks before an install, and the target it builds. */
export interface DiscoveryStrategy {
  /** In a few words, for reports ("plugin manifest and OpenAPI document"). */
  readonly describes: string;
  discover(ctx: DiscoveryContext): Promise<DiscoveryResult>;
  /** Settings this discovery cannot do without, checked when the settings load (a bad configuration is exit 2). */
  settingsIssues?(settings: { url?: string | undefined; openapiUrl?: string | undefined }): { setting: 'PLUGIN_OPENAPI_URL'; message: string }[];
}

/** How the host gets the OAuth client it authorizes as. */
export interface ClientStrategy {
  obtain(session: HostSession): Promise<OAuthClient>;
  /** The body the host registers with (RFC 7591) for this redirect URI; undefined: the host never registers. */
  registrationBody?(redirectUri: string): Record<string, unknown>;
  /**
   * The fix for TOKEN_CLIENT_AUTH_REJECTED: the endpoint refused the method the host used and accepted `accepted`.
   * The wording depends on whether the developer can choose the host's method (a GPT's Token Exchange Method).
   */
  clientAuthFix(used: TokenAuthMethod, accepted: TokenAuthMethod): string;
}

/** Where the browser is sent back after authorization. */
export interface RedirectStrategy {
  /** The redirect URI the host registers and sends, for this session (production or local mode). */
  uri(session: HostSession): string;
  /** Hosts whose names the harness's browser must never resolve: the real hosts' callback origins. */
  readonly productionHosts: readonly string[];
}

/** The scope the host asks for in an authorization request. */
export type ScopeStrategy = (session: HostSession) => string;

export interface AuthorizationRequestShape {
  parameterOrder: readonly AuthorizeParameter[];
  /** The host sends `scope=` even when the scope is empty. */
  sendsEmptyScope: boolean;
  /** PKCE: none (ChatGPT plugins, GPT Actions) or S256 (every MCP host). */
  pkce: 'none' | 'S256';
  /** The host rejects an authorization response without the advertised RFC 9207 iss, or with another (MCP hosts). */
  validatesIss: boolean;
  /** How long an issued state stays valid. */
  stateTtlSeconds: number;
  scope: ScopeStrategy;
}

export interface TokenRequestShape {
  /** Where the body encoding comes from: the manifest's authorization_content_type, or always the given one. */
  bodyEncoding: 'manifest' | TokenBodyEncoding;
  /**
   * The Accept header of token requests. UNCONFIRMED for ChatGPT: its backend's HTTP client (aiohttp, PROTOCOL.md
   * §2) sends its wildcard default, so providers that answer form-encoded unless asked for JSON (GitHub) do so here.
   */
  acceptHeader: string;
  /** Body fields per grant, in the host's order; a field without a value is left out. */
  fields: { authorization_code: readonly TokenField[]; refresh_token: readonly TokenField[] };
  /** The checks this host's view of a token response gets (FINDINGS.md §3; MCP hosts add §7.5). */
  checks: readonly Check<TokenResponseFacts>[];
}

/** How the host calls the target once it holds a token. */
export interface CallStrategy {
  /** What the "use" steps can call: REST operations from the OpenAPI document, or the tools an MCP server lists. */
  operations(session: HostSession): Promise<readonly ApiOperation[]>;
  /** What the host already knows it can call, without asking the target (for the debugger's list); undefined: not yet. */
  known(session: HostSession): readonly ApiOperation[] | undefined;
  call(session: HostSession, op: ApiOperation, authorization: string | undefined, label: string): Promise<CallResult>;
  /**
   * MCP: requests with this Authorization and a session id the server does not know (a random one, and one the host
   * opened and ended with DELETE), as the host's wire sends them. `stateless`: the server issued no session id.
   */
  staleSessions?(session: HostSession, authorization: string): Promise<{ stateless: true } | { stateless: false; answers: StaleSessionAnswer[] }>;
}

export interface CallResult {
  /** The last exchange (after redirects). */
  outcome: HttpOutcome;
  drafts: FindingDraft[];
  curl: string;
  /** A cross-origin redirect dropped the Authorization header, so the last request went without it. */
  authDropped: boolean;
  /** A 2xx answer that still failed: a JSON-RPC error or an `isError` tool result (MCP). */
  failureInBody?: string;
}

/** When the host refreshes, and what it keeps. */
export interface RefreshPolicy {
  /** In a few words, for reports ("when the token has expired"). */
  readonly describes: string;
  /** Refresh before a call with these credentials, at this time on the host's clock. */
  refreshBeforeCall(credentials: Credentials, now: number): boolean;
  /**
   * What a 401 to a call makes the host do: `never` (it gives up: the user must reconnect), `any` (refresh and retry
   * once), `invalid_token` (only when the challenge says `error="invalid_token"`).
   */
  reactiveOn401: 'never' | 'any' | 'invalid_token';
  /** The host keeps the previous refresh token when a refresh response has none. */
  keepsRefreshTokenWhenOmitted: boolean;
  /**
   * A 401 to the token a refresh gave, after the policy has run (and its retry, where it retries): the host shows its
   * lost-credentials message (MCP hosts: reconnect), not a failed call. Legacy hosts: the call just fails.
   */
  refusedRefreshLosesConnection?: boolean;
  /** The host holds its authorization server to the MCP rule that public clients' refresh tokens rotate. */
  rotatesPublicClients?: boolean;
  /**
   * The lifetime the host assumes when a token response has no expires_in; undefined: the token never expires for
   * the host (ChatGPT, inferred from "non-expiring tokens" reports: PROTOCOL.md §2), so it never refreshes it.
   */
  assumedLifetimeSeconds?: number;
}

/** What the host does and shows when it holds no usable token any more. */
export interface LostCredentials {
  /** The outcome finding: USER_MISSING_CREDENTIALS for the legacy hosts, CONNECTION_EXPIRED for MCP hosts. */
  code: FindingCode;
  /** What users see; `<App>` stands for the target's name. */
  userMessage: string;
  hostBehaviour: string;
}

/** What the host shows when linking fails at a phase (FINDINGS.md §8), for the host matrix. */
export type LinkingFailureTexts = Readonly<Partial<Record<'discover' | 'register' | 'authorize' | 'token' | 'use', string>>>;

/** The host's flow: the small strategies the engine runs, each behind a narrow interface. */
export interface HostFlow {
  discovery: DiscoveryStrategy;
  client: ClientStrategy;
  redirect: RedirectStrategy;
  authorization: AuthorizationRequestShape;
  token: TokenRequestShape;
  call: CallStrategy;
  refresh: RefreshPolicy;
}

export interface HostLimits {
  /** Hard cap on bytes read from any response. */
  maxBodyBytes: number;
  apiResponseChars: number;
  maxRedirects: number;
  nameForModelChars: number;
  nameForHumanChars: number;
  descriptionForHumanChars: number;
  descriptionForModelChars: number;
  operationDescriptionChars: number;
  parameterDescriptionChars: number;
}

export interface HostTimeouts {
  discoveryMs: number;
  tokenMs: number;
  /** The refresh's own budget where the host gives it longer than the code exchange (Claude: 30 s); default tokenMs. */
  refreshTokenMs?: number;
  apiMs: number;
  slowApiWarningMs: number;
  browserNavigationMs: number;
}

/**
 * Everything that makes the host behave like one particular AI client: its constants and its flow. Checks and the
 * engine read these; none of them is a constant anywhere else (PROTOCOL.md and PROTOCOL-MCP.md are the sources).
 */
export interface HostProfile {
  id: string;
  displayName: string;
  /** What the host speaks to the target: a legacy plugin or Action (manifest/OpenAPI, REST) or an MCP server. */
  protocol: 'plugin' | 'mcp';
  /** One line for --help, the README and the report. */
  description: string;
  /** A host that is going away: its retirement day (YYYY-MM-DD) and what replaces it. */
  deprecated?: { retires: string; replacement: string };
  timeouts: HostTimeouts;
  limits: HostLimits;
  lostCredentials: LostCredentials;
  linkingFailure: LinkingFailureTexts;
  /** Domain rule for OAuth endpoints (GPT Actions): all on the API's root domain, except these sign-in domains. */
  oauthDomainRule: { required: boolean; exemptDomains: readonly string[] };
  /** OpenAPI operations need a `security` requirement for the host to send Authorization. */
  requiresOperationSecurity: boolean;
  severityOverrides: SeverityOverrides;
  /** MCP hosts only: the traits the resource-server probes read. */
  mcp?: McpHostTraits;
  flow: HostFlow;
}
