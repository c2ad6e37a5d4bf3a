/**
 * What the debugger's page sends the mock host, and how: the control requests' schemas and the headers that prove a
 * request comes from the page itself. Loaded by the server and by the page (only zod and the step vocabulary here).
 */
import { z } from 'zod';
import { STEP_ACTIONS } from '../../steps/step-vocabulary.ts';

// Header a same-origin script must send to the control API: a cross-origin page cannot set it without a CORS
// preflight, which this server never grants, so the plugin's login page cannot drive the host (no CSRF).
export const CONTROL_HEADER = 'x-conformance-control';
/** The per-page-load secret, on every debugger API request (fetch sends it as this header). */
export const PAGE_TOKEN_HEADER = 'x-conformance-page';
/** EventSource cannot send headers: the event stream takes the page's secret as this query parameter. */
export const PAGE_TOKEN_PARAM = 'page';
/** Where the page shell puts its secret for the scripts (a meta element's content). */
export const PAGE_TOKEN_META = 'conformance-page-token';

export const API = {
  view: '/api/debugger/view',
  configure: '/api/debugger/configure',
  step: '/api/debugger/step',
  scenario: '/api/debugger/scenario',
  cancelInstall: '/api/debugger/cancel-install',
  exchange: (id: string) => `/api/debugger/exchanges/${encodeURIComponent(id)}`,
  export: '/api/debugger/export',
  summary: '/api/debugger/export/summary.json',
  events: '/debugger/events',
} as const;

const TEN_YEARS = 10 * 365 * 86_400;
const text = (max: number) => z.string().trim().min(1).max(max);
const httpUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((v) => /^https?:\/\/[^/\s]+/i.test(v) && URL.canParse(v) && !new URL(v).username && !new URL(v).password, 'expected an http:// or https:// URL without user:password@');

/** One step, as a control sends it: the same vocabulary as a scenario file's steps. */
export const stepRequestSchema = z.strictObject({
  action: z.enum(STEP_ACTIONS),
  operation: text(200).optional(),
  input: z.record(z.string(), z.unknown()).optional(),
  seconds: z.number().positive().max(TEN_YEARS).optional(),
});
export type StepRequest = z.infer<typeof stepRequestSchema>;

/** GPT Action settings, the fields of the GPT editor (PLUGIN_OPENAPI_URL and the rest). */
export const actionSettingsSchema = z.strictObject({
  openapiUrl: httpUrl.optional(),
  authorizationUrl: httpUrl.optional(),
  tokenUrl: httpUrl.optional(),
  scope: z.string().max(2_000).optional(),
  tokenExchangeMethod: z.enum(['default_post', 'basic_auth_header']).optional(),
});

/**
 * The target: the bundled reference plugin or reference MCP server (whichever the host speaks to), or a URL a user
 * types (a plugin origin or an MCP endpoint) with the OAuth client registered for the host. A blank secret keeps the
 * one already set for the same client id, so a page never needs to hold it.
 */
export const targetChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reference') }),
  z.strictObject({
    kind: z.literal('url'),
    url: httpUrl,
    clientId: text(500).optional(),
    clientSecret: z.string().max(2_000).optional(),
    action: actionSettingsSchema.optional(),
  }),
]);
export type TargetChoice = z.infer<typeof targetChoiceSchema>;

export const configureRequestSchema = z.strictObject({ profile: text(100), target: targetChoiceSchema });
export type ConfigureRequest = z.infer<typeof configureRequestSchema>;

export const scenarioRequestSchema = z.strictObject({ id: text(200) });

export const exportRequestSchema = z.strictObject({ html: z.boolean() });

/** Every control's answer. `startUrl`: the install is waiting for this browser to sign in there. */
export const controlAnswerSchema = z.object({ ok: z.boolean(), note: z.string(), startUrl: z.string().optional() });
export type ControlAnswer = z.infer<typeof controlAnswerSchema>;
