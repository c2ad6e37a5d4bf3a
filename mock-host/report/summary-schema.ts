import { z } from 'zod';
import { checkRecordSchema } from '../findings/check.ts';
import { hostLineSchema } from './host-matrix.ts';
import { findingSchema } from '../findings/finding.ts';
import { baselineReportSchema, gateReportSchema } from '../gate/gate-schema.ts';
import { scenarioStatusSchema, scenarioTimingSchema, targetInfoSchema } from './scenario-result.ts';

/**
 * One scenario's line in reports/summary.json. `kind`, `reason`, `simulates`, `expected` and `seen` go beyond
 * DESIGN.md's minimum (the last three: simulated scenarios, the detection matrix's columns).
 */
export const scenarioSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: scenarioStatusSchema,
  durationMs: z.number().nonnegative(),
  findings: z.array(z.string()),
  kind: z.enum(['conformance', 'simulated']),
  simulates: z.string().optional(),
  expected: z.array(z.string()).optional(),
  seen: z.array(z.string()).optional(),
  reason: z.string().optional(),
  /** Additive: the host profile the scenario ran under. */
  profile: z.string().optional(),
  /** Additive: where the scenario's time went (HTTP answers, the browser) and its sign-ins from scratch. */
  timing: scenarioTimingSchema.optional(),
  /** Additive: every check the scenario reached (passed, failed or skipped), so passed is told apart from not reached. */
  checks: z.array(checkRecordSchema).optional(),
});
export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;

export const totalsSchema = z.object({
  scenarios: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  inconclusive: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
});
export type Totals = z.infer<typeof totalsSchema>;

/** A finding in summary.json; `accepted` (additive) marks one a baseline entry lets through. */
export const summaryFindingSchema = findingSchema.extend({ accepted: z.literal(true).optional() });

/**
 * reports/summary.json, the contract of DESIGN.md "Outputs": GitHub Actions and scripts read it. `gate`, `baseline`
 * and `selfTests` are additive: how the verdict was decided, and failures of the harness's own tests.
 */
export const summarySchema = z.object({
  tool: z.object({ name: z.string(), version: z.string() }),
  target: targetInfoSchema,
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  verdict: z.enum(['pass', 'fail']),
  scenarios: z.array(scenarioSummarySchema),
  findings: z.array(summaryFindingSchema),
  totals: totalsSchema,
  gate: gateReportSchema.optional(),
  baseline: baselineReportSchema.optional(),
  /** Additive (FINDINGS.md §8): per host of the run, works, breaks at a phase, or degrades, and what its users see. */
  hosts: z.array(hostLineSchema).optional(),
  /** Tests that are not scenarios (the harness's self-tests) and failed; they fail the run but not the verdict. */
  selfTests: z.object({ failed: z.number().int().nonnegative() }).optional(),
});
export type Summary = z.infer<typeof summarySchema>;
