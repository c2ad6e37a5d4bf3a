/** How long the host waits before asking again after a 429 without Retry-After (and at most after one with it). */
export const DEFAULT_BACKOFF_MS = 2_000;

export type Backoff = { retry: true; waitMs: number } | { retry: false; reason: string };

/** RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date; undefined when absent or neither. */
export function retryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP-date is always in GMT (IMF-fixdate and the obsolete forms alike); that keeps "-5" from parsing as a year.
  const at = /GMT$/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * After a 429, whether the host asks once more: it retries once, after Retry-After when that fits in its time budget
 * for the call (else it gives up at once: waiting longer than the user would is no retry), after DEFAULT_BACKOFF_MS
 * when the server said nothing. A second 429 ends it.
 */
export function backoffAfter429(args: { retryAfter?: string; retried: boolean; budgetMs: number; nowMs: number }): Backoff {
  if (args.retried) return { retry: false, reason: 'still rate limited after backing off once' };
  const asked = retryAfterMs(args.retryAfter, args.nowMs);
  const waitMs = asked ?? Math.min(DEFAULT_BACKOFF_MS, args.budgetMs);
  if (waitMs > args.budgetMs) {
    return { retry: false, reason: `Retry-After asks for ${Math.ceil(waitMs / 1000)} s, longer than the host's ${Math.round(args.budgetMs / 1000)} s budget` };
  }
  return { retry: true, waitMs };
}
