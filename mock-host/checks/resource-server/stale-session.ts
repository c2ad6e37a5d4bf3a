import { defineCheck } from '../../findings/check.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';

/** One request with a valid token and a session id the server does not (or no longer) know. */
export interface StaleSessionAnswer {
  /** `unknown`: an id the server never issued; `terminated`: one it issued and the host ended with DELETE. */
  kind: 'unknown' | 'terminated';
  outcome: HttpOutcome;
  curl: string;
}

function statusOf(answer: StaleSessionAnswer): string {
  return answer.outcome.response ? String(answer.outcome.response.status) : `no answer (${answer.outcome.error?.kind ?? 'network'})`;
}

/**
 * MCP_STALE_SESSION_NOT_404: on the 2025-11-25 wire a stateful server answers a request carrying an unknown or
 * terminated Mcp-Session-Id with 404, the one answer on which clients start a new session (transports §2.5). A 5xx
 * (or no answer) makes the host give up: error; another status leaves it stuck: warning. One finding for all answers.
 */
export const checkStaleSessionAnswer = defineCheck<{ answers: readonly StaleSessionAnswer[] }>(
  { id: 'mcp-stale-session-gets-404', codes: ['MCP_STALE_SESSION_NOT_404'] },
  ({ answers }) => {
    const wrong = answers.filter((a) => a.outcome.response?.status !== 404);
    const first = wrong[0];
    if (!first) return [];
    const fatal = wrong.some((a) => !a.outcome.response || a.outcome.response.status >= 500);
    const seen = wrong.map((a) => `${a.kind === 'terminated' ? 'the session id the host had ended' : 'a session id the server never issued'} got ${statusOf(a)}`).join('; ');
    return [
      {
        code: 'MCP_STALE_SESSION_NOT_404',
        severity: fatal ? 'error' : 'warning',
        message: `with a valid token, ${seen} instead of 404; hosts open a new MCP session only on 404${fatal ? ', and give up on a server error' : ''}`,
        fix: 'Answer a request whose Mcp-Session-Id is unknown or terminated (expired, deleted, lost in a restart or on another instance) with HTTP 404, so the client re-initializes.',
        evidence: wrong.map((a) => a.outcome.exchangeId),
        reproduce: first.curl,
      },
    ];
  },
);
