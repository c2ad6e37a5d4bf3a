import type { HostSession } from '../engine/session.ts';
import type { HttpOutcome } from '../recorder/exchange.ts';
import { firstMcpRequest, type McpWire } from './first-request.ts';

/**
 * One bare MCP `initialize` POST through the recorder, for the probes that vary one thing about a request the
 * server would otherwise accept (the token, where it travels, the Origin). Always `initialize`: on a stateful server
 * it is the one request that needs no session, so its answer depends only on what the probe varies.
 */
export async function sendInitialize(
  session: HostSession,
  wire: McpWire,
  args: { url?: string; authorization?: string; headers?: Readonly<Record<string, string>>; label: string },
): Promise<{ outcome: HttpOutcome; curl: string }> {
  const request = firstMcpRequest({ ...wire, firstMethod: 'initialize' });
  const outcome = await session.recorder.send({
    method: 'POST',
    url: args.url ?? session.requireTarget().origin,
    headers: { ...request.headers, ...(args.authorization ? { authorization: args.authorization } : {}), ...args.headers },
    body: request.body,
    phase: 'use',
    label: args.label,
    timeoutMs: session.profile.timeouts.apiMs,
    maxBodyBytes: session.profile.limits.maxBodyBytes,
  });
  return { outcome, curl: session.recorder.curlOf(outcome.exchangeId) };
}
