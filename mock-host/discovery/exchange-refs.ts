import type { ExchangeRef } from '../checks/discovery/exchange-ref.ts';
import type { Recorder } from '../recorder/recorder.ts';

/** The recorded exchange's id and its redacted curl, for a finding's evidence and reproduction. */
export function refOf(recorder: Recorder, exchangeId: string): ExchangeRef {
  const curl = recorder.exchanges().find((x) => x.id === exchangeId)?.curl;
  return curl ? { id: exchangeId, curl } : { id: exchangeId };
}
