import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import type { HostProfile } from '../../profiles/host-profile.ts';
import { diagnoseNetworkFailure } from '../network/diagnose-network-failure.ts';

/** Checks a call made with a token the host believes valid (API_CALL_FAILED and friends). */
export const checkAuthorizedCall = defineCheck<{
  outcome: HttpOutcome;
  profile: HostProfile;
  operationId: string;
  tokenSource: 'exchange' | 'refresh' | 'static';
  curl: string;
  /**
   * A cross-origin redirect dropped the Authorization header (API_REDIRECT_DROPS_AUTH): a 401/403 at the end then
   * answers a request without the token, not the token itself.
   */
  authDropped?: boolean;
  /** A 2xx that still failed: a JSON-RPC error or an isError tool result (MCP). */
  failureInBody?: string;
}>({ id: 'api-call-with-valid-token-succeeds', codes: ['API_CALL_FAILED', 'API_REFRESHED_TOKEN_REJECTED', 'API_RESPONSE_TOO_LARGE', 'API_SCOPE_REJECTED', 'API_SLOW'] }, (args) => {
  const { outcome, profile, operationId, tokenSource, curl } = args;
  const evidence = [outcome.exchangeId];
  const drafts: FindingDraft[] = [];
  if (outcome.error) {
    const overTimeout = outcome.error.kind === 'timeout';
    if (overTimeout) {
      drafts.push({
        code: 'API_SLOW',
        severity: 'error',
        message: `${operationId} gave no complete answer within the host's ${profile.timeouts.apiMs / 1000} s timeout`,
        fix: `Answer within ${profile.timeouts.apiMs / 1000} s; move slow work to a background job and return early.`,
        evidence,
        reproduce: curl,
      });
    }
    const network = diagnoseNetworkFailure(outcome.error, outcome.request.url, profile.timeouts.apiMs);
    drafts.push({
      code: 'API_CALL_FAILED',
      message: `${operationId} failed before any answer: ${network.diagnosis} (${outcome.error.message})`,
      fix: overTimeout ? 'Make the API reachable from the host at the URL in the OpenAPI servers list.' : network.fix,
      evidence,
      reproduce: curl,
    });
    return drafts;
  }
  const res = outcome.response;
  if (!res) return drafts;
  if (res.durationMs > profile.timeouts.slowApiWarningMs) {
    drafts.push({
      code: 'API_SLOW',
      severity: 'warning',
      message: `${operationId} took ${(res.durationMs / 1000).toFixed(1)} s (warning above ${profile.timeouts.slowApiWarningMs / 1000} s, the host gives up at ${profile.timeouts.apiMs / 1000} s)`,
      fix: `Keep API answers well under ${profile.timeouts.slowApiWarningMs / 1000} s.`,
      evidence,
      reproduce: curl,
    });
  }
  if (res.truncated || res.body.length > profile.limits.apiResponseChars) {
    drafts.push({
      code: 'API_RESPONSE_TOO_LARGE',
      message: `${operationId} answered ${res.truncated ? `more than ${res.bytes} bytes` : `${res.body.length} characters`}; the host keeps at most ${profile.limits.apiResponseChars}`,
      fix: 'Paginate or summarise responses so each stays under 100,000 characters.',
      evidence,
      reproduce: curl,
    });
  }
  if (res.status >= 200 && res.status < 300 && args.failureInBody) {
    drafts.push({
      code: 'API_CALL_FAILED',
      message: `${operationId} answered ${res.status} but failed in its body (${args.failureInBody.slice(0, 200)}), to a valid token`,
      fix: 'Make the tool succeed for a valid token and ordinary input; report tool failures only for real failures.',
      evidence,
      reproduce: curl,
    });
    return drafts;
  }
  if (res.status >= 200 && res.status < 300) return drafts;
  if (args.authDropped && (res.status === 401 || res.status === 403)) return drafts;
  if (res.status === 401 && tokenSource === 'refresh') {
    drafts.push({
      code: 'API_REFRESHED_TOKEN_REJECTED',
      message: `${operationId} refused the access token obtained by refresh with 401`,
      fix: 'Make tokens minted by the refresh grant valid for the API: same audience, issuer, signing key and scopes as the originals.',
      evidence,
      reproduce: curl,
    });
    return drafts;
  }
  if (res.status === 403 && /insufficient_scope/i.test(`${res.headers['www-authenticate'] ?? ''} ${res.body.slice(0, 2000)}`)) {
    drafts.push({
      code: 'API_SCOPE_REJECTED',
      message: `${operationId} answered 403 insufficient_scope to a fresh token carrying the granted scope`,
      fix: "Grant the scopes the manifest requests, or require only scopes your authorization server issues for the manifest's scope.",
      evidence,
      reproduce: curl,
    });
    return drafts;
  }
  if (res.status !== 429) {
    drafts.push({
      code: 'API_CALL_FAILED',
      message: `${operationId} answered ${res.status} to a valid ${tokenSource === 'static' ? 'credential' : 'token'} (expected 2xx)`,
      fix: 'Accept the tokens your token endpoint issues, and answer 2xx for a valid call.',
      evidence,
      reproduce: curl,
    });
  }
  return drafts;
});

/** A 429 is not an auth failure; the host backs off. Without Retry-After it cannot know how long. */
export const checkRateLimited = defineCheck<{ outcome: HttpOutcome; operationId: string }>({ id: 'api-rate-limit-says-when', codes: ['API_RATE_LIMITED'] }, ({ outcome, operationId }) => {
  const res = outcome.response;
  if (!res || res.status !== 429) return [];
  const retryAfter = res.headers['retry-after'];
  return [
    {
      code: 'API_RATE_LIMITED',
      severity: retryAfter ? 'info' : 'warning',
      message: `${operationId} answered 429${retryAfter ? ` with Retry-After: ${retryAfter}` : ' without Retry-After'}`,
      fix: retryAfter ? 'Nothing to fix; keep limits generous for the host.' : 'Send Retry-After with every 429 so the host knows when to retry.',
      evidence: [outcome.exchangeId],
    },
  ];
});
