import { defineCheck } from '../../findings/check.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import { jsonRpcSignal } from '../../mcp/jsonrpc-answer.ts';

/**
 * MCP_UNAUTHENTICATED_NOT_401: the host's first MCP request, without a token, must get 401 (the only answer that
 * starts its sign-in). A plain successful 200 is no error: the server is authless, or mixed (then the tool checks run).
 */
export const checkUnauthenticatedAnswer = defineCheck<{ outcome: HttpOutcome; method: string; curl: string }>(
  { id: 'mcp-unauthenticated-request-gets-401', codes: ['MCP_UNAUTHENTICATED_NOT_401'] },
  ({ outcome, method, curl }) => {
    const res = outcome.response;
    const cite = { evidence: [outcome.exchangeId], reproduce: curl };
    if (!res) {
      return [{ code: 'MCP_UNAUTHENTICATED_NOT_401', message: `the ${method} request without a token got no answer (${outcome.error?.kind}: ${outcome.error?.message})`, fix: 'Make the MCP endpoint reachable from the host, and answer requests without a token with 401 and a Bearer challenge.', ...cite }];
    }
    if (res.status === 401) return [];
    if (res.status >= 200 && res.status < 300) {
      const signal = jsonRpcSignal(res.body, res.headers['content-type']);
      if (!signal.authError) {
        return [{ code: 'MCP_UNAUTHENTICATED_NOT_401', severity: 'info', message: `${method} without a token answered ${res.status}: the server lets the host in without signing in (no auth, or auth per tool)`, fix: 'Nothing to fix when the server needs no sign-in; otherwise answer 401 with a Bearer challenge so the host starts its OAuth flow.', ...cite }];
      }
      return [{ code: 'MCP_UNAUTHENTICATED_NOT_401', message: `${method} without a token answered ${res.status} with an auth error in the body (${signal.authError}); hosts start their sign-in only on HTTP 401`, fix: 'Answer a request without a valid token with HTTP 401 and WWW-Authenticate: Bearer resource_metadata="…", not a JSON-RPC error.', ...cite }];
    }
    return [{ code: 'MCP_UNAUTHENTICATED_NOT_401', message: `${method} without a token answered ${res.status} instead of 401`, fix: 'Answer a request without a valid token with HTTP 401 and WWW-Authenticate: Bearer resource_metadata="…" (403 is for insufficient scope; redirects and 5xx stop the host).', ...cite }];
  },
);
