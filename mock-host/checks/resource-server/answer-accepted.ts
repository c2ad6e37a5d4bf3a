import { jsonRpcSignal } from '../../mcp/jsonrpc-answer.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';

/** An MCP answer that let the request through: HTTP 2xx whose body carries no auth error (JSON-RPC or `isError`). */
export function mcpAnswerAccepted(outcome: HttpOutcome): boolean {
  const res = outcome.response;
  if (!res || res.status < 200 || res.status >= 300) return false;
  return !jsonRpcSignal(res.body, res.headers['content-type']).authError;
}

/** "401", "200 with an auth error", "network: …": how an answer reads in a message. */
export function describeAnswer(outcome: HttpOutcome): string {
  const res = outcome.response;
  if (!res) return `no answer (${outcome.error?.kind ?? 'network'})`;
  return String(res.status);
}
