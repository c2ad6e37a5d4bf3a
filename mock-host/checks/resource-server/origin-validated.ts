import { defineCheck } from '../../findings/check.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import { jsonRpcSignal } from '../../mcp/jsonrpc-answer.ts';

/** MCP_ORIGIN_NOT_VALIDATED: Streamable HTTP servers MUST answer a request from a foreign Origin with 403. */
export const checkOriginValidated = defineCheck<{ outcome: HttpOutcome; origin: string; curl: string }>(
  { id: 'mcp-refuses-foreign-origin', codes: ['MCP_ORIGIN_NOT_VALIDATED'] },
  ({ outcome, origin, curl }) => {
    const res = outcome.response;
    if (!res || res.status < 200 || res.status >= 300) return [];
    if (jsonRpcSignal(res.body, res.headers['content-type']).error) return [];
    return [{
      code: 'MCP_ORIGIN_NOT_VALIDATED',
      message: `an MCP request with a valid token and Origin: ${origin} answered ${res.status}`,
      fix: 'Validate the Origin header of every MCP request: a present Origin that is not yours (or a host web app you serve) gets 403 (DNS-rebinding defence of the Streamable HTTP transport). Requests without Origin, as hosts send from their backends, stay allowed.',
      evidence: [outcome.exchangeId],
      reproduce: curl,
    }];
  },
);
