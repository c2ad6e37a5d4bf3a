import type { FindingDraft } from '../../findings/finding.ts';

// Enough to show the pattern; a hostile document with 100,000 bad fields must not become 100,000 findings.
export const MAX_DRAFTS_PER_CHECK = 20;

/** The first drafts as they are, the rest folded into one last draft that says how many were left out. */
export function capDrafts(drafts: FindingDraft[], what: string, max = MAX_DRAFTS_PER_CHECK): FindingDraft[] {
  if (drafts.length <= max) return drafts;
  const kept = drafts.slice(0, max);
  const last = drafts[max] as FindingDraft;
  return [...kept, { ...last, message: `…and ${drafts.length - max} more ${what} not listed separately` }];
}
