import { z } from 'zod';
import { checkRecordSchema } from '../findings/check.ts';
import { findingSchema } from '../findings/finding.ts';
import { PROFILE_IDS } from '../profiles/registry.ts';

/** Name of the Playwright attachment through which each scenario test hands its result to the summary reporter. */
export const SCENARIO_RESULT_ATTACHMENT = 'scenario-result.json';

export const scenarioStatusSchema = z.enum(['passed', 'failed', 'skipped', 'inconclusive']);
export type ScenarioStatus = z.infer<typeof scenarioStatusSchema>;

export const targetInfoSchema = z.object({
  url: z.string(),
  profile: z.enum(PROFILE_IDS),
  authType: z.enum(['none', 'user_http', 'service_http', 'oauth', 'unknown']),
});
export type TargetInfo = z.infer<typeof targetInfoSchema>;

/**
 * Where a scenario's time went: HTTP answers (browser hops aside), the browser, the wait for the test account's
 * sign-in turn (another worker was authorizing as the same account), and sign-ins from scratch.
 */
export const scenarioTimingSchema = z.object({
  httpMs: z.number(),
  browserMs: z.number(),
  turnWaitMs: z.number().optional(),
  signIns: z.number().int(),
  /** The quickest browser authorization of the scenario that signed in from scratch: the benchmark's floor unit. */
  fastestSignInMs: z.number().optional(),
});

export const scenarioResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** conformance: runs against the target; simulated: a bundled target with a deliberate fault. */
  kind: z.enum(['conformance', 'simulated']),
  status: scenarioStatusSchema,
  durationMs: z.number(),
  findings: z.array(findingSchema),
  /** The checks the scenario reached and how each came out (absent: the scenario produced no result). */
  checks: z.array(checkRecordSchema).optional(),
  /** Simulated scenarios only: what is simulated (the faults), the codes it must produce, and those seen. */
  simulates: z.string().optional(),
  expected: z.array(z.string()).optional(),
  seen: z.array(z.string()).optional(),
  /** Why a scenario was skipped or inconclusive. */
  reason: z.string().optional(),
  timing: scenarioTimingSchema.optional(),
  target: targetInfoSchema,
});
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;
