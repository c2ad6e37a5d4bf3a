import { checkRegistrationRateLimited } from '../checks/registration/rate-limited.ts';
import type { HostSession } from '../engine/session.ts';
import type { RegistrationAnswer } from './dcr.ts';
import { backoffAfter429 } from './rate-limit-backoff.ts';

/**
 * A registration as the host makes it when the endpoint rate-limits: the first 429 is API_RATE_LIMITED, the host
 * backs off once within its budget (backoffAfter429), and when it is still refused the scenario ends inconclusive:
 * a limit says nothing about the registration itself, so no registration check may judge it.
 */
export async function registerWithBackoff(session: HostSession, register: () => Promise<RegistrationAnswer>, budgetMs: number, what: string): Promise<RegistrationAnswer> {
  let answer = await register();
  for (let retried = false; answer.status === 429; retried = true) {
    const retryAfter = answer.outcome.response?.headers['retry-after'];
    if (!retried) {
      session.findings.run(checkRegistrationRateLimited, { ...(retryAfter ? { retryAfter } : {}), exchangeId: answer.outcome.exchangeId, curl: session.recorder.curlOf(answer.outcome.exchangeId) });
    }
    const next = backoffAfter429({ ...(retryAfter ? { retryAfter } : {}), retried, budgetMs, nowMs: Date.now() });
    if (!next.retry) {
      return session.abort(
        `the registration endpoint rate-limits the host (HTTP 429${retryAfter ? `, Retry-After: ${retryAfter}` : ''}): ${next.reason}, so ${what}. This is no verdict on the registration: run again once the limit has passed, or raise it for the test`,
        'inconclusive',
        ['API_RATE_LIMITED'],
      );
    }
    await new Promise((resolve) => setTimeout(resolve, next.waitMs));
    answer = await register();
  }
  return answer;
}
