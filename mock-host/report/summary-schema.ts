import { z } from 'zod';
import { findingSchema } from '../findings/finding.ts';
import { scenarioStatusSchema, targetInfoSchema } from './scenario-result.ts';

/** One scenario's line in reports/summary.json. `kind`, `reason`, `expected` and `seen` go beyond DESIGN.md's minimum. */
export const scenarioSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: scenarioStatusSchema,
  durationMs: z.number().nonnegative(),
  findings: z.array(z.string()),
  kind: z.enum(['conformance', 'simulated']),
  expected: z.array(z.string()).optional(),
  seen: z.array(z.string()).optional(),
  reason: z.string().optional(),
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

/** reports/summary.json, the contract of DESIGN.md "Outputs": GitHub Actions and scripts read it. */
export const summarySchema = z.object({
  tool: z.object({ name: z.string(), version: z.string() }),
  target: targetInfoSchema,
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  verdict: z.enum(['pass', 'fail']),
  scenarios: z.array(scenarioSummarySchema),
  findings: z.array(findingSchema),
  totals: totalsSchema,
});
export type Summary = z.infer<typeof summarySchema>;
