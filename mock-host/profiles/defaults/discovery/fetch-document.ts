import type { HttpOutcome, HttpResponse, OutboundRequest } from '../../../recorder/exchange.ts';
import type { Recorder } from '../../../recorder/recorder.ts';
import { isOnRootDomain } from '../../../plugin/root-domain.ts';

/**
 * A GET that follows redirects the way the host did for manifests: only within the root domain (child
 * subdomains, www → apex), at most `maxRedirects` hops, all within one time budget. Every hop is recorded.
 */

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type FetchResult =
  /** The last hop answered something other than a redirect (any status). */
  | { kind: 'response'; outcome: HttpOutcome; response: HttpResponse; url: string }
  | { kind: 'error'; outcome: HttpOutcome; url: string; error: NonNullable<HttpOutcome['error']> }
  | { kind: 'redirect-off-root'; outcome: HttpOutcome; url: string; location: string; root: string }
  | { kind: 'too-many-redirects'; outcome: HttpOutcome; url: string; maxRedirects: number };

export interface FetchDocumentRequest {
  url: string;
  headers: Record<string, string>;
  label: string;
  /** Redirects may stay on this root domain (see root-domain.ts). */
  root: string;
  maxRedirects: number;
  /** For the whole chain, not per hop: the host gave up on a manifest after 15 s in total. */
  timeoutMs: number;
  maxBodyBytes: number;
}

export async function fetchDocument(recorder: Recorder, req: FetchDocumentRequest): Promise<FetchResult> {
  const started = performance.now();
  let url = req.url;
  for (let hop = 0; ; hop++) {
    const remaining = Math.max(1, Math.round(req.timeoutMs - (performance.now() - started)));
    const request: OutboundRequest = {
      method: 'GET',
      url,
      headers: req.headers,
      phase: 'discover',
      label: hop === 0 ? req.label : `${req.label} (redirect ${hop})`,
      timeoutMs: remaining,
      maxBodyBytes: req.maxBodyBytes,
      cacheable: true,
    };
    const outcome = await recorder.send(request);
    if (outcome.error) return { kind: 'error', outcome, url, error: outcome.error };
    const response = outcome.response;
    if (!response) return { kind: 'error', outcome, url, error: { kind: 'network', message: 'no response' } };
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.status) || !location) return { kind: 'response', outcome, response, url };
    const next = URL.canParse(location, url) ? new URL(location, url) : undefined;
    const allowed = next && (next.protocol === 'https:' || next.protocol === 'http:') && isOnRootDomain(next.toString(), req.root);
    if (!next || !allowed) return { kind: 'redirect-off-root', outcome, url, location, root: req.root };
    if (hop >= req.maxRedirects) return { kind: 'too-many-redirects', outcome, url, maxRedirects: req.maxRedirects };
    url = next.toString();
  }
}
