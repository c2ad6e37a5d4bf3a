import { defineCheck } from '../../findings/check.ts';

/** A 429 from the registration endpoint (RFC 6585 §4). */
export interface RegistrationRateLimit {
  /** The Retry-After header as sent, if any. */
  retryAfter?: string;
  exchangeId: string;
  curl?: string;
}

/**
 * API_RATE_LIMITED at the registration endpoint: a 429 is rate limiting, never a refusal of the host's metadata
 * (DCR_REJECTS_HOST_METADATA). With Retry-After the host knows when to ask again (info); without it, it can only guess
 * (warning), as FINDINGS.md's row says.
 */
export const checkRegistrationRateLimited = defineCheck<RegistrationRateLimit>({ id: 'registration-rate-limit-says-when', codes: ['API_RATE_LIMITED'] }, (r) => [
  {
    code: 'API_RATE_LIMITED',
    severity: r.retryAfter ? 'info' : 'warning',
    message: `the registration endpoint answered 429 to the host's registration${r.retryAfter ? ` with Retry-After: ${r.retryAfter}` : ' without Retry-After'}`,
    fix: `${r.retryAfter ? '' : 'Send Retry-After with every 429. '}Keep registration limits generous: a host registers a client per connection, and a hosted one (ChatGPT, Claude) registers for many users from few addresses, so a low per-address limit refuses new connections.`,
    evidence: [r.exchangeId],
    ...(r.curl ? { reproduce: r.curl } : {}),
  },
]);
