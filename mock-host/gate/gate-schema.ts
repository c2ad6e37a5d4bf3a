import { z } from 'zod';
import { baselineEntrySchema } from './baseline-schema.ts';

export const failOnSchema = z.enum(['error', 'warning', 'never']);
export type FailOn = z.infer<typeof failOnSchema>;

/** summary.json `gate`: how the verdict was decided. Additive to DESIGN.md's summary; absent in older summaries. */
export const gateReportSchema = z.object({
  failOn: failOnSchema,
  /** Why the verdict is fail, one line each; empty on pass. */
  reasons: z.array(z.string()),
  /** The (scenario, code) pairs that fail the run: not accepted, and at or above `failOn`. */
  blocking: z.array(z.object({ scenario: z.string(), code: z.string(), severity: z.enum(['error', 'warning', 'info']) })),
  /** Failed conformance scenarios whose only error findings were accepted (or `failOn: never`): they do not fail the run. */
  excused: z.array(z.string()),
  /** A shard: stale baseline entries are listed but only fail the run once the shards are merged. */
  partial: z.boolean().optional(),
});
export type GateReport = z.infer<typeof gateReportSchema>;

/** summary.json `baseline`: what the baseline file did in this run. */
export const baselineReportSchema = z.object({
  file: z.string(),
  /** Entries that accepted findings, with the scenarios where they did. */
  accepted: z.array(baselineEntrySchema.extend({ scenarios: z.array(z.string()) })),
  /** Entries that match no finding of this run: remove them, so a baseline only ever shrinks. */
  stale: z.array(baselineEntrySchema),
  /** Entries past their `expires` date: they accept nothing any more. */
  expired: z.array(baselineEntrySchema),
});
export type BaselineReport = z.infer<typeof baselineReportSchema>;
