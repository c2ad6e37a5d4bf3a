import type { HttpOutcome, Phase } from '../recorder/exchange.ts';
import type { Recorder } from '../recorder/recorder.ts';

type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => (out[name] = value));
  return out;
}

/** The JSON-RPC method(s) of a request body, for the exchange's label. */
function methodsOf(body: string | undefined): string {
  if (!body) return '';
  try {
    const parsed: unknown = JSON.parse(body);
    const messages = Array.isArray(parsed) ? parsed : [parsed];
    return messages.map((m: unknown) => (m && typeof m === 'object' && 'method' in m ? String((m as { method: unknown }).method) : 'response')).join(', ');
  } catch {
    return '';
  }
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * A fetch for the official MCP SDK client that sends every request through the recorder (timeouts, body caps,
 * redaction, evidence), so MCP traffic is evidence like any other exchange. `opensEventStream: false`: the host opens
 * no standalone GET event stream, so none is sent (the SDK's client would; the answer it gets is a local 405, which
 * the SDK reads as "no stream offered", and nothing leaves the machine).
 */
export function recorderFetch(
  recorder: Recorder,
  options: { phase: Phase; timeoutMs: number; maxBodyBytes: number; opensEventStream: boolean; label?: string; onOutcome?: (outcome: HttpOutcome) => void },
): FetchLike {
  return async (input, init) => {
    const url = input instanceof URL ? input.toString() : String(input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = headersOf(init);
    if (method === 'GET' && (headers.accept ?? '').includes('text/event-stream') && !options.opensEventStream) {
      return new Response(null, { status: 405, statusText: 'not opened by this host' });
    }
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const rpc = methodsOf(body);
    const outcome = await recorder.send({
      method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      phase: options.phase,
      label: `${options.label ? `${options.label}: ` : ''}MCP ${method === 'POST' ? rpc || 'message' : method === 'DELETE' ? 'end session' : method}`,
      timeoutMs: options.timeoutMs,
      maxBodyBytes: options.maxBodyBytes,
    });
    options.onOutcome?.(outcome);
    const res = outcome.response;
    if (!res) throw new TypeError(`fetch failed: ${outcome.error?.message ?? 'no answer'}`, { cause: outcome });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers)) responseHeaders.set(name, value);
    // The exchange this Response came from, for callers that cite it.
    responseHeaders.set('x-conformance-exchange', outcome.exchangeId);
    return new Response(NULL_BODY_STATUS.has(res.status) ? null : res.body, { status: res.status, headers: responseHeaders });
  };
}
