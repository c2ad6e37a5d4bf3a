import { checkAuthorizationServerUsable, checkAsIssuer, checkAsMetadataReachable, checkCimdAuthMethods, checkClientRegistrationOffered, checkIssAdvertised, checkOfflineAccessAdvertised, checkOidcDiscoveryAlongside, checkPkceAdvertised, type AsMetadataFacts, type AsMetadataFetch } from '../../../checks/authorization-server/metadata.ts';
import { checkChallengePointsAtMetadata } from '../../../checks/resource-server/challenge.ts';
import { checkPrmNoOfflineAccess, checkPrmReachable, checkPrmResource, checkPrmValid, checkPrmWellKnownForms, type PrmFetch } from '../../../checks/resource-server/protected-resource-metadata.ts';
import { checkToolAuthChallenge } from '../../../checks/resource-server/tool-auth-challenge.ts';
import { checkUnauthenticatedAnswer } from '../../../checks/resource-server/unauthenticated-answer.ts';
import { jsonRpcSignal } from '../../../mcp/jsonrpc-answer.ts';
import type { HttpOutcome } from '../../../recorder/exchange.ts';
import { callToolsWithoutToken } from './mcp-tool-probe.ts';
import { firstMcpRequest, type McpWire } from '../../../mcp/first-request.ts';
import { authorizationServerMetadataSchema, protectedResourceMetadataSchema } from '../../../mcp/metadata-schemas.ts';
import { authorizationServerMetadataUrls, canonicalResource, protectedResourceMetadataUrls } from '../../../mcp/resource-uri.ts';
import type { AuthorizationServerInfo, ProtectedResourceInfo } from '../../../model/target.ts';
import { bearerChallenge } from '../../../oauth/www-authenticate.ts';
import type { Recorder } from '../../../recorder/recorder.ts';
import { contentTypeOf, mediaTypeOf } from '../../../text/media-type.ts';
import { parseJsonText } from '../../../text/structured-text.ts';
import type { DiscoveryStrategy } from '../../host-profile.ts';
import { CATALOG } from '../../../findings/catalog.ts';
import type { DiscoveryContext, DiscoveryResult } from './discovery-context.ts';
import { checkMixedAuthTools } from './mcp-tool-schemes.ts';

/** How one MCP host finds its way from the URL a user typed to an authorization server (PROTOCOL-MCP.md §5 rows 1–4). */
export interface McpDiscoveryShape {
  wire: McpWire;
  /** Without a `resource_metadata` pointer, the well-known forms the host tries, in order. */
  prmProbe: readonly ('path-inserted' | 'root')[];
  /** `first`: the host uses authorization_servers[0] and never falls back; `any`: the first that works. */
  asPick: 'first' | 'any';
  /** Which entry the host uses is UNCONFIRMED (ChatGPT): a broken entry anywhere may be the one it picks, so each is fatal. */
  asPickUnconfirmed: boolean;
  /** The host also fetches openid-configuration when RFC 8414 answered (ChatGPT). */
  fetchesOpenIdAlongside: boolean;
  /** How the host compares the metadata's resource with the URL the user entered. */
  resourceComparison: 'exact' | 'canonical';
  /** The token endpoint auth methods the host's client metadata document offers (AS_CIMD_AUTH_METHOD_MISMATCH). */
  cimdMethods: readonly string[];
  /** The host uses CIMD only when the AS lists one of those methods, else DCR (Claude's CIMD gate); false: CIMD whenever advertised. */
  cimdFallsBackToDcr: boolean;
}

/** One metadata fetch as the host made it: the shape the metadata checks read. */
type Fetched = PrmFetch;

async function getJson(recorder: Recorder, ctx: DiscoveryContext, url: string, label: string, userAgent: string): Promise<Fetched> {
  const outcome = await recorder.send({
    method: 'GET',
    url,
    headers: { accept: 'application/json', 'user-agent': userAgent },
    phase: 'discover',
    label,
    timeoutMs: ctx.profile.timeouts.discoveryMs,
    maxBodyBytes: ctx.profile.limits.maxBodyBytes,
    cacheable: true,
  });
  const base = { url, exchangeId: outcome.exchangeId, curl: recorder.curlOf(outcome.exchangeId) };
  const res = outcome.response;
  if (!res) return { ...base, error: `${outcome.error?.kind ?? 'network'}: ${outcome.error?.message ?? 'no answer'}` };
  const contentType = mediaTypeOf(contentTypeOf(res.headers)) || undefined;
  const parsed = res.status === 200 && !res.truncated ? parseJsonText(res.body) : undefined;
  const json = parsed?.ok && parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as Record<string, unknown>) : undefined;
  return { ...base, status: res.status, ...(contentType ? { contentType } : {}), ...(json ? { json } : {}) };
}

/** `server/discover` failed as a method, not for want of a token: the host falls back to `initialize` (§5 row 1). */
function discoverUnsupported(outcome: HttpOutcome): boolean {
  const res = outcome.response;
  if (!res) return false;
  if (res.status === 400 || res.status === 404 || res.status === 405) return true;
  if (res.status < 200 || res.status >= 300) return false;
  const signal = jsonRpcSignal(res.body, res.headers['content-type']);
  return !!signal.error && !signal.authError;
}

/** Step 1: the host's first MCP request, without a token (on the 2026-07-28 wire, initialize if server/discover fails). */
async function unauthenticatedRequest(ctx: DiscoveryContext, shape: McpDiscoveryShape) {
  const send = (request: ReturnType<typeof firstMcpRequest>) =>
    ctx.recorder.send({
      method: 'POST',
      url: ctx.origin,
      headers: request.headers,
      body: request.body,
      phase: 'discover',
      label: `MCP ${request.method} without a token`,
      timeoutMs: ctx.profile.timeouts.discoveryMs,
      maxBodyBytes: ctx.profile.limits.maxBodyBytes,
      cacheable: true,
    });
  let request = firstMcpRequest(shape.wire);
  let outcome = await send(request);
  if (shape.wire.firstMethod === 'server/discover' && discoverUnsupported(outcome)) {
    request = firstMcpRequest({ ...shape.wire, firstMethod: 'initialize' });
    outcome = await send(request);
  }
  const curl = ctx.recorder.curlOf(outcome.exchangeId);
  ctx.findings.run(checkUnauthenticatedAnswer, { outcome, method: request.method, curl });
  const status = outcome.response?.status ?? 0;
  const challenge = bearerChallenge(outcome.response?.headers['www-authenticate']);
  ctx.findings.run(checkChallengePointsAtMetadata, { status, ...(challenge ? { challenge } : {}), exchangeId: outcome.exchangeId, curl });
  const res = outcome.response;
  // A 2xx that refuses in its body (a JSON-RPC auth error) is no authless server: MCP_UNAUTHENTICATED_NOT_401 says so.
  const refusedInBody = !!res && status >= 200 && status < 300 && !!jsonRpcSignal(res.body, res.headers['content-type']).authError;
  return { status, challenge, exchangeId: outcome.exchangeId, refusedInBody };
}

/** Steps 2–3: the protected resource metadata, from the pointer or the well-known forms, in the host's order. */
async function protectedResource(ctx: DiscoveryContext, shape: McpDiscoveryShape, pointer: string | undefined) {
  const forms = protectedResourceMetadataUrls(ctx.origin);
  const usablePointer = pointer && URL.canParse(pointer) && /^https?:$/.test(new URL(pointer).protocol) ? pointer : undefined;
  const order = usablePointer ? [usablePointer] : shape.prmProbe.map((form) => (form === 'path-inserted' ? forms.pathInserted : forms.root));
  const tried: Fetched[] = [];
  let found: Fetched | undefined;
  for (const url of [...new Set(order)]) {
    const f = await getJson(ctx.recorder, ctx, url, url === usablePointer ? 'fetch protected resource metadata (from the challenge)' : 'fetch protected resource metadata (well-known)', userAgentOf(shape));
    tried.push(f);
    if (f.status === 200) {
      found = f;
      break;
    }
  }
  ctx.findings.run(checkPrmReachable, { tried: tried as PrmFetch[], timeoutMs: ctx.profile.timeouts.discoveryMs });
  // Both forms, whatever the host itself tried: a server missing one breaks the hosts that try only that one.
  const byUrl = new Map(tried.map((f) => [f.url, f]));
  const pathInserted = byUrl.get(forms.pathInserted) ?? (await getJson(ctx.recorder, ctx, forms.pathInserted, 'probe: the path-inserted well-known form', userAgentOf(shape)));
  const root = byUrl.get(forms.root) ?? (await getJson(ctx.recorder, ctx, forms.root, 'probe: the root well-known form', userAgentOf(shape)));
  ctx.findings.run(checkPrmWellKnownForms, {
    pathInserted: pathInserted as PrmFetch,
    root: root as PrmFetch,
    pointerGiven: !!usablePointer,
    ...(shape.prmProbe.length === 1 && shape.prmProbe[0] === 'path-inserted' ? { hostTriesOnly: 'path-inserted' as const } : {}),
  });
  return found;
}

/** Step 4: one authorization server's metadata, in the spec's order of well-known forms. */
async function authorizationServer(ctx: DiscoveryContext, shape: McpDiscoveryShape, issuer: string): Promise<AsMetadataFacts & { oauth?: AsMetadataFetch; openid?: AsMetadataFetch }> {
  if (!URL.canParse(issuer)) return { issuer, tried: [] };
  const tried: AsMetadataFetch[] = [];
  let used: AsMetadataFacts['used'];
  const candidates = authorizationServerMetadataUrls(issuer);
  for (const candidate of candidates) {
    const f = await getJson(ctx.recorder, ctx, candidate.url, `fetch authorization server metadata (${candidate.kind === 'oauth' ? 'RFC 8414' : 'OpenID'})`, userAgentOf(shape));
    const parsed = f.json ? authorizationServerMetadataSchema.safeParse(f.json) : undefined;
    const entry: AsMetadataFetch = {
      url: f.url,
      kind: candidate.kind,
      exchangeId: f.exchangeId,
      curl: f.curl,
      ...(f.status !== undefined ? { status: f.status } : {}),
      ...(f.error ? { error: f.error } : {}),
      ...(parsed?.success ? { metadata: parsed.data } : {}),
      ...(f.status === 200 && !parsed?.success ? { invalid: f.json ? `not usable metadata (${parsed?.error.issues[0]?.path.join('.') ?? '?'}: ${parsed?.error.issues[0]?.message ?? ''})` : 'not a JSON object' } : {}),
    };
    tried.push(entry);
    if (entry.metadata) {
      used = { ...entry, metadata: entry.metadata };
      break;
    }
  }
  const oauth = tried.find((t) => t.kind === 'oauth');
  let openid = tried.find((t) => t.kind === 'openid');
  if (shape.fetchesOpenIdAlongside && oauth?.metadata && !openid) {
    const candidate = candidates.find((c) => c.kind === 'openid');
    if (candidate) {
      const f = await getJson(ctx.recorder, ctx, candidate.url, 'fetch OpenID configuration (as ChatGPT does)', userAgentOf(shape));
      openid = { url: f.url, kind: 'openid', exchangeId: f.exchangeId, curl: f.curl, ...(f.status !== undefined ? { status: f.status } : {}) };
    }
  }
  return { issuer, tried, ...(used ? { used } : {}), ...(oauth ? { oauth } : {}), ...(openid ? { openid } : {}) };
}

function userAgentOf(shape: McpDiscoveryShape): string {
  return firstMcpRequest(shape.wire).headers['user-agent'] ?? '';
}

/** What an authorization server's metadata may be unusable for, in the words of the finding. */
function problemOf(facts: AsMetadataFacts): string | undefined {
  if (!facts.used) return 'its metadata cannot be fetched';
  if (facts.used.metadata.issuer !== facts.issuer) return `its metadata names another issuer (${facts.used.metadata.issuer.slice(0, 120)})`;
  if (!facts.used.metadata.code_challenge_methods_supported?.includes('S256')) return 'it does not advertise PKCE S256';
  return undefined;
}

function serverInfo(facts: AsMetadataFacts & { used: NonNullable<AsMetadataFacts['used']> }): AuthorizationServerInfo {
  const m = facts.used.metadata;
  const endpointNames = ['registration_endpoint', 'revocation_endpoint', 'introspection_endpoint', 'userinfo_endpoint', 'jwks_uri'] as const;
  const advertised: Record<string, string> = {};
  for (const name of endpointNames) if (m[name]) advertised[name] = m[name];
  return {
    issuer: m.issuer,
    metadataUrl: facts.used.url,
    ...(m.registration_endpoint ? { registrationEndpoint: m.registration_endpoint } : {}),
    ...(m.revocation_endpoint ? { revocationEndpoint: m.revocation_endpoint } : {}),
    advertisedEndpoints: advertised,
    ...(m.scopes_supported ? { scopesSupported: m.scopes_supported } : {}),
    ...(m.grant_types_supported ? { grantTypesSupported: m.grant_types_supported } : {}),
    ...(m.code_challenge_methods_supported ? { codeChallengeMethods: m.code_challenge_methods_supported } : {}),
    ...(m.token_endpoint_auth_methods_supported ? { tokenEndpointAuthMethods: m.token_endpoint_auth_methods_supported } : {}),
    cimdSupported: m.client_id_metadata_document_supported === true,
    issParameterSupported: m.authorization_response_iss_parameter_supported === true,
  };
}

/**
 * MCP discovery, as the profile's host does it: the unauthenticated MCP request and its 401 challenge, the protected
 * resource metadata (RFC 9728), then the authorization server's metadata (RFC 8414 / OpenID). Every step is recorded
 * and checked; the target it builds carries what the client, authorization and scope strategies need.
 */
async function discoverMcp(ctx: DiscoveryContext, shape: McpDiscoveryShape): Promise<DiscoveryResult> {
  const found = await discoverMcpTarget(ctx, shape);
  if ('fatal' in found && found.fatal) return found;
  // An error here is one the host stops at (it must reject a wrong issuer, refuses without PKCE…): no install follows.
  const errors = ctx.findings.list().filter((f) => f.severity === 'error' && DISCOVERY_SECTIONS.has(CATALOG[f.code].section));
  if (errors.length) return { fatal: `${ctx.profile.displayName} stops at ${[...new Set(errors.map((f) => f.code))].join(', ')}` };
  return found;
}

const DISCOVERY_SECTIONS = new Set(['resource-server', 'authorization-server', 'api']);

async function discoverMcpTarget(ctx: DiscoveryContext, shape: McpDiscoveryShape): Promise<DiscoveryResult> {
  const entered = ctx.settings.url ?? ctx.origin;
  const first = await unauthenticatedRequest(ctx, shape);
  // Not refused with 401 (and not refused in the body either): maybe mixed auth, or no auth at all. The host lists the
  // tools without a token and calls a few read-only ones; their answers show whether, and how, it demands auth.
  if (first.status !== 0 && first.status !== 401 && !first.refusedInBody) {
    const calls = await callToolsWithoutToken(ctx, shape.wire);
    checkMixedAuthTools(ctx, calls);
    if (calls) ctx.findings.run(checkToolAuthChallenge, { calls, acceptsToolLevelChallenge: ctx.profile.mcp?.scopeStepUp.toolLevelChallenge ?? false, hostName: ctx.profile.displayName });
    else ctx.findings.skip(checkToolAuthChallenge, 'no MCP session or tool list without a token');
  }
  if (first.status >= 200 && first.status < 300 && !first.challenge && !first.refusedInBody) {
    // No sign-in demanded: an authless (or per-tool) server. The OAuth scenarios skip it; tools are called as they are.
    return { target: { origin: ctx.origin, manifestUrl: '', openapiUrl: '', auth: { type: 'none' }, operations: [] } };
  }
  if (first.status === 0) return { fatal: 'the MCP endpoint did not answer' };
  const pointer = first.challenge?.params.resource_metadata;
  const prm = await protectedResource(ctx, shape, pointer);
  if (!prm) return { fatal: 'no protected resource metadata: the host cannot find the authorization server' };
  const prmFetch = prm as PrmFetch;
  ctx.findings.run(checkPrmValid, { fetch: prmFetch });
  if (!prm.json) return { fatal: 'the protected resource metadata is not JSON: the host cannot find the authorization server' };
  const parsed = protectedResourceMetadataSchema.safeParse(prm.json);
  if (!parsed.success) return { fatal: 'the protected resource metadata lacks resource or authorization_servers' };
  const doc = parsed.data;
  ctx.findings.run(checkPrmResource, { fetch: prmFetch, resource: doc.resource, entered, comparison: shape.resourceComparison });
  const challengeScope = first.challenge?.params.scope;
  ctx.findings.run(checkPrmNoOfflineAccess, { fetch: prmFetch, ...(doc.scopes_supported ? { scopes: doc.scopes_supported } : {}), ...(challengeScope ? { challengeScope } : {}), challengeExchangeId: first.exchangeId });

  // Authorization server selection: entry 0 (the hosts never fall back), or the first that works. Every entry is
  // looked at: one that is broken is an error where the host would use it, a warning where it is only listed.
  const all = [];
  for (const issuer of doc.authorization_servers) all.push(await authorizationServer(ctx, shape, issuer));
  const working = all.findIndex((facts) => !problemOf(facts));
  const chosenIndex = shape.asPick === 'first' || working < 0 ? 0 : working;
  if (all.length > 1) {
    for (const [index, facts] of all.entries()) {
      const problem = problemOf(facts);
      if (problem) ctx.findings.run(checkAuthorizationServerUsable, { issuer: facts.issuer, index, usedByHost: shape.asPickUnconfirmed || index === chosenIndex, pickUnconfirmed: shape.asPickUnconfirmed && index !== chosenIndex, problem, exchangeIds: facts.tried.map((t) => t.exchangeId) });
    }
  }
  const facts = all[chosenIndex];
  if (!facts) return { fatal: 'the protected resource metadata names no authorization server' };
  // The entry the host uses is broken and PRM_AUTHORIZATION_SERVER_UNUSABLE already says how: the host stops there.
  const chosenProblem = all.length > 1 ? problemOf(facts) : undefined;
  if (chosenProblem) return { fatal: `${ctx.profile.displayName} uses authorization_servers[${chosenIndex}] (${facts.issuer.slice(0, 120)}), and ${chosenProblem}` };
  ctx.findings.run(checkAsMetadataReachable, { ...facts, timeoutMs: ctx.profile.timeouts.discoveryMs });
  ctx.findings.run(checkAsIssuer, facts);
  ctx.findings.run(checkPkceAdvertised, facts);
  ctx.findings.run(checkClientRegistrationOffered, { ...facts, clientConfigured: !!ctx.settings.clientId });
  ctx.findings.run(checkCimdAuthMethods, { ...facts, documentMethods: shape.cimdMethods, fallsBackToDcr: shape.cimdFallsBackToDcr });
  ctx.findings.run(checkOfflineAccessAdvertised, facts);
  ctx.findings.run(checkIssAdvertised, facts);
  if (shape.fetchesOpenIdAlongside) ctx.findings.run(checkOidcDiscoveryAlongside, { ...(facts.oauth ? { oauth: facts.oauth } : {}), ...(facts.openid ? { openid: facts.openid } : {}) });
  const chosen = facts.used ? { ...facts, used: facts.used } : undefined;
  if (!chosen) return { fatal: 'no usable authorization server' };
  const server = serverInfo(chosen);
  const resource: ProtectedResourceInfo = {
    endpoint: entered,
    metadataUrl: prm.url,
    resource: doc.resource,
    authorizationServers: doc.authorization_servers,
    ...(doc.scopes_supported ? { scopesSupported: doc.scopes_supported } : {}),
    ...(challengeScope ? { challengeScope } : {}),
    ...(pointer ? { pointer } : {}),
  };
  return {
    target: {
      origin: ctx.origin,
      mcp: resource,
      manifestUrl: '',
      openapiUrl: '',
      ...(typeof doc.resource_name === 'string' ? { nameForHuman: doc.resource_name } : {}),
      auth: {
        type: 'oauth',
        authorizeUrl: chosen.used.metadata.authorization_endpoint,
        tokenUrl: chosen.used.metadata.token_endpoint,
        // The scope is the profile's to choose (challenge, metadata, offline_access): its scope strategy decides.
        scope: '',
        tokenBodyEncoding: 'form',
        verificationTokens: {},
        resource: canonicalResource(entered) ?? entered,
        server,
      },
      operations: [],
    },
  };
}

export function mcpMetadataDiscovery(shape: McpDiscoveryShape): DiscoveryStrategy {
  return { describes: 'MCP challenge, protected resource metadata and authorization server metadata', discover: (ctx) => discoverMcp(ctx, shape) };
}
