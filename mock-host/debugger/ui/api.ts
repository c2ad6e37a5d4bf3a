/** How the page talks to the mock host: every request with the control header and this page's secret, every answer validated. */
import { z } from 'zod';
import { API, CONTROL_HEADER, controlAnswerSchema, PAGE_TOKEN_HEADER, PAGE_TOKEN_META, PAGE_TOKEN_PARAM, type ControlAnswer } from '../wire/controls.ts';
import { debuggerViewSchema, exchangeDetailSchema, type DebuggerView, type ExchangeDetail } from '../wire/view.ts';

function pageToken(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${PAGE_TOKEN_META}"]`)?.content ?? '';
}

function headers(body: boolean): Record<string, string> {
  return { [CONTROL_HEADER]: '1', [PAGE_TOKEN_HEADER]: pageToken(), ...(body ? { 'content-type': 'application/json' } : {}) };
}

async function getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(path, { headers: headers(false), cache: 'no-store' });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return schema.parse(await res.json());
}

/** A control: its answer, or a failed answer naming what went wrong (bad input, busy, the host unreachable). */
export async function sendControl(path: string, body: unknown): Promise<ControlAnswer> {
  try {
    const res = await fetch(path, { method: 'POST', headers: headers(true), body: JSON.stringify(body) });
    const parsed = controlAnswerSchema.safeParse(await res.json().catch(() => undefined));
    return parsed.success ? parsed.data : { ok: false, note: `the mock host answered ${res.status}` };
  } catch (err) {
    return { ok: false, note: `the mock host did not answer: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export function fetchExchange(id: string): Promise<ExchangeDetail> {
  return getJson(API.exchange(id), exchangeDetailSchema);
}

/** The session's summary.json, saved as a file by the browser. */
export async function downloadSummary(): Promise<void> {
  const res = await fetch(API.summary, { headers: headers(false), cache: 'no-store' });
  if (!res.ok) throw new Error(`summary.json answered ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: 'summary.json' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type Connection = 'connecting' | 'live' | 'reconnecting';

/**
 * The live view: the event stream sends the whole view on connect and after every change. EventSource cannot send
 * headers, so the page's secret goes in the URL; the browser reconnects by itself after a drop.
 */
export function watchView(onView: (view: DebuggerView) => void, onConnection: (state: Connection) => void): () => void {
  const source = new EventSource(`${API.events}?${PAGE_TOKEN_PARAM}=${encodeURIComponent(pageToken())}`);
  source.addEventListener('open', () => onConnection('live'));
  source.addEventListener('error', () => onConnection('reconnecting'));
  source.addEventListener('view', (event) => {
    const parsed = debuggerViewSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
    if (parsed.success) onView(parsed.data);
    else console.error('a view the page cannot read', parsed.error);
  });
  return () => source.close();
}
