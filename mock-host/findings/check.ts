import { z } from 'zod';
import { CATALOG, isFindingCode, type FindingCode } from './catalog.ts';
import type { FindingDraft } from './finding.ts';

/** How one check came out in a scenario: `passed` is told apart from "not reached" (no record at all). */
export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckMeta {
  /** Imperative, stable, kebab-case: what the target must do ("refresh-response-keeps-access"). */
  id: string;
  /** Every code the check can report. */
  codes: readonly FindingCode[];
  /** Where the rule comes from; default: the catalog's references of its codes. */
  spec?: string;
}

/**
 * A check: a small pure function from what was recorded to findings, with an id and a spec reference. It is still a
 * plain function (call it directly in a unit test); run through a FindingCollector it also leaves a CheckRecord.
 */
export interface Check<I> {
  (input: I): FindingDraft[];
  readonly id: string;
  readonly codes: readonly FindingCode[];
  readonly spec: string;
}

export function defineCheck<I>(meta: CheckMeta, run: (input: I) => FindingDraft[]): Check<I> {
  const spec = meta.spec ?? [...new Set(meta.codes.map((code) => CATALOG[code].spec))].join('; ');
  const check = (input: I): FindingDraft[] => {
    const drafts = run(input);
    for (const d of drafts) if (!meta.codes.includes(d.code)) throw new Error(`check ${meta.id} reported ${d.code}, which it does not declare`);
    return drafts;
  };
  return Object.assign(check, { id: meta.id, codes: meta.codes, spec });
}

const findingCode = z.string().refine(isFindingCode, 'unknown finding code');

/** One check's outcome in one scenario, as summary.json lists it (additive to DESIGN.md's contract). */
export const checkRecordSchema = z.object({
  id: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  spec: z.string(),
  /** The codes the check covers: a baseline entry for one of them is stale only where the check ran without it. */
  codes: z.array(findingCode),
  /** The codes it reported in this scenario. */
  found: z.array(findingCode).optional(),
  /** Why it was skipped (the first reason seen). */
  reason: z.string().optional(),
});
export type CheckRecord = Omit<z.infer<typeof checkRecordSchema>, 'codes' | 'found'> & { codes: FindingCode[]; found?: FindingCode[] };
