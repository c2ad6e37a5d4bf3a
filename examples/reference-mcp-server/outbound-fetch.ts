import type { OutboundFetch } from './options.ts';
import { isLoopbackHost } from './redirect-uri.ts';

export type FetchedDocument = { ok: true; text: string; contentType: string } | { ok: false; reason: string };

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly allowNonLoopback: boolean;
  readonly fetch: OutboundFetch;
}

/**
 * GETs a document someone else controls (a CIMD document, a client's JWKS) defensively: a timeout, a size cap read
 * chunk by chunk, no redirects (a 3xx is a failure), 200 only, and by default loopback hosts only.
 */
export async function fetchDocument(url: string, limits: FetchLimits): Promise<FetchedDocument> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (!limits.allowNonLoopback && !isLoopbackHost(parsed.hostname)) {
    return { ok: false, reason: `${parsed.hostname} is not a loopback host (set allowNonLoopbackFetch to fetch it)` };
  }
  let response: Response;
  try {
    response = await limits.fetch(url, {
      redirect: 'manual',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
  } catch (error) {
    return { ok: false, reason: `fetch failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    return { ok: false, reason: `HTTP ${response.status} (redirects are not followed)` };
  }
  const contentType = response.headers.get('content-type') ?? '';
  const text = await readCapped(response, limits.maxBytes);
  if (text === undefined) return { ok: false, reason: `larger than ${limits.maxBytes} bytes` };
  return { ok: true, text, contentType };
}

async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function isJsonContentType(contentType: string): boolean {
  const media = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || media.endsWith('+json');
}
