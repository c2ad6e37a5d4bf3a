import type { FindingDraft } from '../../findings/finding.ts';

/** A recorded exchange a finding points at; `curl` is the recorder's redacted reproduction of it. */
export interface ExchangeRef {
  id: string;
  curl?: string;
}

/** Evidence for a problem one request shows: its id, and its curl so the developer can replay it. */
export function cite(ref: ExchangeRef): Pick<FindingDraft, 'evidence' | 'reproduce'> {
  return ref.curl ? { evidence: [ref.id], reproduce: ref.curl } : { evidence: [ref.id] };
}

/** Evidence for a problem several requests show together: ids only, no single reproduction. */
export function citeAll(refs: readonly ExchangeRef[]): Pick<FindingDraft, 'evidence'> {
  return { evidence: [...new Set(refs.map((r) => r.id))] };
}
