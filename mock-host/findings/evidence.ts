import type { Recorder } from '../recorder/recorder.ts';
import type { FindingDraft } from './finding.ts';

/** A recorded exchange a finding points at; `curl` is the recorder's reproduction of it, secrets as $VARIABLES. */
export interface ExchangeRef {
  id: string;
  curl?: string;
}

/** The recorded exchange's id and its reproduction. */
export function refOf(recorder: Recorder, exchangeId: string): ExchangeRef {
  const curl = recorder.curlOf(exchangeId);
  return curl ? { id: exchangeId, curl } : { id: exchangeId };
}

/** Evidence for a problem one request shows: its id, and its curl so the developer can replay it. */
export function cite(ref: ExchangeRef): Pick<FindingDraft, 'evidence' | 'reproduce'> {
  return ref.curl ? { evidence: [ref.id], reproduce: ref.curl } : { evidence: [ref.id] };
}

/** Evidence and reproduction of one recorded exchange, straight from the recorder. */
export function citeExchange(recorder: Recorder, exchangeId: string): Pick<FindingDraft, 'evidence' | 'reproduce'> {
  return cite(refOf(recorder, exchangeId));
}

/** Evidence for a problem several requests show together: ids only, no single reproduction. */
export function citeAll(refs: readonly ExchangeRef[]): Pick<FindingDraft, 'evidence'> {
  return { evidence: [...new Set(refs.map((r) => r.id))] };
}
