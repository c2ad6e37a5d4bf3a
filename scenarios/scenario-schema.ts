import { z } from 'zod';
import { FINDING_CODES, type FindingSection } from '../mock-host/findings/catalog.ts';
import { claimsSchema } from './scenario-claims.ts';
import { simulatedHostSchema } from './simulated-host.ts';
import { STEP_ACTIONS, type Step } from '../mock-host/steps/step-vocabulary.ts';

export type { Step } from '../mock-host/steps/step-vocabulary.ts';

const SECTIONS = ['discovery', 'resource-server', 'authorization-server', 'registration', 'authorization', 'token', 'api', 'refresh', 'provider'] as const satisfies readonly FindingSection[];
const findingCode = z.enum(FINDING_CODES as [string, ...string[]]);
const severity = z.enum(['error', 'warning', 'info']);
/** `CODE` (exactly at its catalog severity) or `CODE@severity` (exactly that one, where a check or profile moves it). */
const expectedFinding = z.union([findingCode, z.templateLiteral([findingCode, '@', severity])], {
  error: 'expected a finding code from FINDINGS.md, optionally with "@error", "@warning" or "@info"',
});


const useOptions = z.strictObject({
  operation: z.string().min(1).describe('operationId (or MCP tool name) to call (default: PLUGIN_OPERATION or the first without input)'),
  input: z.record(z.string(), z.unknown()).optional().describe("the call's arguments: an MCP tool's arguments, or a REST operation's path, query or JSON body fields"),
});
const advanceOptions = z.strictObject({ seconds: z.number().positive().max(10 * 365 * 86_400) });

export const stepSchema = z.union(
  [z.enum(STEP_ACTIONS).describe('a step with default options'), z.strictObject({ use: useOptions }), z.strictObject({ 'advance-clock': advanceOptions })],
  { error: `expected a step: one of ${STEP_ACTIONS.join(', ')}, or {use: {operation, input?}} or {advance-clock: {seconds}}` },
);
export type StepInput = z.infer<typeof stepSchema>;

/** A simulated target: one key naming its kind (scenarios/targets/), validated further by that kind's schema. */
const simulatedTargetSchema = z
  .record(z.string(), z.unknown())
  .refine((t) => Object.keys(t).length === 1, 'name exactly one simulated target kind, e.g. "reference-plugin:"')
  .describe('the simulated target: reference-plugin, or another kind from scenarios/targets/');

export const scenarioFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by "-" (the file name without .yaml)'),
  title: z.string().min(1),
  description: z.string().optional(),
  /** The lifecycle phase the scenario is about: the Allure feature. */
  phase: z.enum(['discover', 'install', 'use', 'refresh', 'lifecycle']),
  severity: z.enum(['blocker', 'critical', 'normal', 'minor', 'trivial']).default('normal'),
  /** `fresh`: sign in from scratch (a scenario about signing in); `reuse` (default): the run's signed-in browser, as a returning user. */
  'sign-in': z.enum(['fresh', 'reuse']).default('reuse'),
  /** Auth types the scenario applies to; other targets skip it. */
  requires: z
    .strictObject({
      auth: z.array(z.enum(['none', 'user_http', 'service_http', 'oauth'])).min(1).optional(),
      protocol: z.enum(['plugin', 'mcp']).optional().describe('only under hosts of this protocol: legacy plugins and Actions, or MCP servers'),
    })
    .optional(),
  /** Sections (FINDINGS.md) or codes this scenario reports; findings that stopped the lifecycle are always reported. */
  reports: z.array(z.union([z.enum(SECTIONS), findingCode])).min(1).optional(),
  steps: z.array(stepSchema).min(1),
  /** Simulated scenarios only. */
  target: simulatedTargetSchema.optional(),
  /** Simulated scenarios only: the host profile (and tightened time bounds) the expectations hold for. */
  host: simulatedHostSchema.optional(),
  expect: z
    .strictObject({
      findings: z
        .array(expectedFinding)
        .describe('every finding the scenario must produce, and the only ones it may: CODE at its catalog severity, or CODE@severity'),
      /** Findings that may appear without being the fault's point (the loopback MANIFEST_NOT_HTTPS info). */
      allow: z
        .array(expectedFinding)
        .optional()
        .describe('findings that may appear but need not: CODE at any severity, or CODE@severity at that one only'),
      /** What the title claims, counted from the run's records (login rounds, bytes read, URLs fetched, secrets). */
      claims: claimsSchema.optional(),
      /** A fixed variant: the target must come out clean. Said explicitly, so an emptied list is never an accident. */
      none: z.literal(true).optional().describe('no finding may appear but those in allow; findings must be []'),
    })
    .refine((e) => (e.none === true) === (e.findings.length === 0), {
      message: 'list at least one expected finding code, or write "findings: []" with "none: true" for a target that must come out clean',
      path: ['findings'],
    })
    .optional(),
});
export type ScenarioFileInput = z.infer<typeof scenarioFileSchema>;


export function normaliseStep(step: StepInput): Step {
  if (typeof step === 'string') return { action: step };
  if ('use' in step) return { action: 'use', operation: step.use.operation, ...(step.use.input ? { input: step.use.input } : {}) };
  return { action: 'advance-clock', seconds: step['advance-clock'].seconds };
}

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioFileSchema, { io: 'input' });
}
