/**
 * What the debugger's page reads: the view of the session (timeline, tokens, controls' context), sent whole over the
 * event stream on every change, and one exchange's redacted details on demand. Values are what reports may show:
 * secrets only ever as fingerprints. Loaded by the server (which validates before sending) and by the page (which
 * validates what it receives).
 */
import { z } from 'zod';

const severity = z.enum(['error', 'warning', 'info']);
/** A time on the host's virtual clock, in ms since the epoch. */
const virtualMs = z.number();

export const findingViewSchema = z.object({
  code: z.string(),
  severity,
  title: z.string(),
  message: z.string(),
  fix: z.string(),
  evidence: z.array(z.string()),
  reproduce: z.string().optional(),
  behind: z.string().optional(),
  /** The exchange of its step it is pinned beside (the first of its evidence recorded in that step); absent: the step. */
  exchangeId: z.string().optional(),
});
export type FindingView = z.infer<typeof findingViewSchema>;

export const exchangeSummarySchema = z.object({
  id: z.string(),
  phase: z.string(),
  label: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int().optional(),
  error: z.string().optional(),
  durationMs: z.number(),
  /** A navigation of a browser (the harness's, or the user's where it touches the mock host), not an HTTP request of the host. */
  browserHop: z.boolean(),
});
export type ExchangeSummary = z.infer<typeof exchangeSummarySchema>;

const headers = z.record(z.string(), z.string());
/** One recorded exchange as the recorder keeps it for reports: redacted, with its curl (secrets as $VARIABLES). */
export const exchangeDetailSchema = z.object({
  id: z.string(),
  phase: z.string(),
  label: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  request: z.object({ method: z.string(), url: z.string(), headers, body: z.string().optional() }),
  response: z.object({ status: z.number(), headers, body: z.string(), truncated: z.boolean(), bytes: z.number() }).optional(),
  error: z.object({ kind: z.string(), message: z.string() }).optional(),
  curl: z.string(),
});
export type ExchangeDetail = z.infer<typeof exchangeDetailSchema>;

export const stepViewSchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  title: z.string(),
  /** A control of the page, or a step of a scenario file run from it. */
  source: z.enum(['control', 'scenario']),
  status: z.enum(['running', 'passed', 'stopped']),
  /** Why a stopped step stopped: the target broke the lifecycle (failed), or the step could not go on. */
  outcome: z.enum(['failed', 'skipped', 'inconclusive', 'harness-error']).optional(),
  note: z.string().optional(),
  startedAt: virtualMs,
  finishedAt: virtualMs.optional(),
  exchanges: z.array(exchangeSummarySchema),
  findings: z.array(findingViewSchema),
});
export type StepView = z.infer<typeof stepViewSchema>;

export const tokenGenerationSchema = z.object({
  generation: z.number().int(),
  source: z.enum(['exchange', 'refresh']),
  receivedAt: virtualMs,
  expiresAt: virtualMs.optional(),
  lifetimeSeconds: z.number().optional(),
  scope: z.string().optional(),
  accessToken: z.object({
    fingerprint: z.string(),
    format: z.enum(['jwt', 'opaque']),
    /** A JWT's claims that say what the token is for; never the token. */
    audience: z.array(z.string()).optional(),
    issuer: z.string().optional(),
    issuedAt: z.number().optional(),
    expiresAt: z.number().optional(),
  }),
  refreshToken: z
    .object({
      fingerprint: z.string(),
      /** Another refresh token than the previous generation's: the server rotated it. */
      rotated: z.boolean(),
      /** The refresh response had none, and the host kept the previous one. */
      keptFromBefore: z.boolean(),
    })
    .optional(),
});
export type TokenGeneration = z.infer<typeof tokenGenerationSchema>;

export const tokenPanelSchema = z.object({
  now: virtualMs,
  clockOffsetSeconds: z.number(),
  /** The generation the host holds now; absent: not installed, or forgotten (revoke, disconnect). */
  current: tokenGenerationSchema.optional(),
  expired: z.boolean(),
  history: z.array(tokenGenerationSchema),
  /** The RFC 8707 resource the host asks its tokens for (MCP hosts). */
  resource: z.string().optional(),
  lastRotationAt: virtualMs.optional(),
  dropped: z.object({ reason: z.enum(['revoke', 'disconnect']), at: virtualMs }).optional(),
});
export type TokenPanel = z.infer<typeof tokenPanelSchema>;

export const profileOptionSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  protocol: z.enum(['plugin', 'mcp']),
  description: z.string(),
  deprecated: z.string().optional(),
  /** Its discovery reads the GPT editor's fields (OpenAPI URL, authorization and token URLs…). */
  needsActionSettings: z.boolean(),
});
export type ProfileOption = z.infer<typeof profileOptionSchema>;

export const targetViewSchema = z.object({
  kind: z.enum(['reference', 'url']),
  /** What the bundled target is, for `reference`. */
  bundled: z.string().optional(),
  url: z.string(),
  name: z.string().optional(),
  authType: z.string().optional(),
  clientId: z.string().optional(),
  clientSecretSet: z.boolean(),
  /** The client the host authorizes as, once it has one (configured, or registered by CIMD or DCR). */
  client: z.object({ clientId: z.string(), source: z.string(), authMethod: z.string() }).optional(),
  action: z
    .object({ openapiUrl: z.string().optional(), authorizationUrl: z.string().optional(), tokenUrl: z.string().optional(), scope: z.string().optional(), tokenExchangeMethod: z.string() })
    .optional(),
  loginUsername: z.string().optional(),
});
export type TargetView = z.infer<typeof targetViewSchema>;

export const debuggerViewSchema = z.object({
  profiles: z.array(profileOptionSchema),
  profile: z.string(),
  target: targetViewSchema,
  /** The step in progress; every control but cancel waits for it. */
  busy: z.object({ action: z.string(), title: z.string() }).optional(),
  /** An install waiting for this browser: open `startUrl` to sign in at the target. */
  pendingInstall: z.object({ startUrl: z.string() }).optional(),
  scenario: z.object({ id: z.string(), title: z.string(), status: z.enum(['running', 'passed', 'failed', 'skipped', 'inconclusive']), reason: z.string().optional() }).optional(),
  timeline: z.array(stepViewSchema),
  /** Exchanges and findings recorded outside any step (none, unless something ran behind the debugger's back). */
  unplaced: z.object({ exchanges: z.array(exchangeSummarySchema), findings: z.array(findingViewSchema) }),
  tokens: tokenPanelSchema,
  operations: z.array(z.object({ operationId: z.string(), method: z.string(), needsInput: z.boolean(), description: z.string().optional() })),
  scenarios: z.array(z.object({ id: z.string(), title: z.string(), steps: z.array(z.string()) })),
  totals: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  lastExport: z.object({ dir: z.string(), files: z.array(z.string()), verdict: z.enum(['pass', 'fail']), problems: z.array(z.string()) }).optional(),
  /** The last control that could not be carried out (bad input, a target that would not start). */
  problem: z.string().optional(),
});
export type DebuggerView = z.infer<typeof debuggerViewSchema>;
