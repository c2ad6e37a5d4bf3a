import { randomUUID } from 'node:crypto';
import type { StaleSessionAnswer } from '../../checks/resource-server/stale-session.ts';
import type { HostSession } from '../../engine/session.ts';
import { firstMcpRequest, type McpWire } from '../../mcp/first-request.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import type { CallStrategy } from '../host-profile.ts';

/**
 * The stale-session probe as a host on `wire` sends it (2025-11-25 transports §2.5): initialize with a valid token
 * to learn whether the server keeps sessions, DELETE that session, then tools/list with the ended id and with an id
 * the server never issued. Each request is a recorded exchange; the check reads the two tools/list answers.
 */
export function mcpStaleSessions(wire: McpWire): NonNullable<CallStrategy['staleSessions']> {
  return async (session: HostSession, authorization: string) => {
    const url = session.requireTarget().origin;
    const send = (method: string, label: string, headers: Record<string, string>, body?: string): Promise<HttpOutcome> =>
      session.recorder.send({
        method,
        url,
        headers: { ...headers, authorization },
        ...(body !== undefined ? { body } : {}),
        phase: 'probe',
        label,
        timeoutMs: session.profile.timeouts.apiMs,
        maxBodyBytes: session.profile.limits.maxBodyBytes,
      });
    const init = firstMcpRequest({ ...wire, firstMethod: 'initialize' });
    const opened = await send('POST', 'probe: MCP initialize (does the server keep sessions?)', init.headers, init.body);
    const issued = opened.response?.headers['mcp-session-id'];
    if (!issued) return { stateless: true };
    const { accept, 'content-type': contentType, 'user-agent': userAgent, 'mcp-protocol-version': version } = init.headers;
    const base = { ...(accept ? { accept } : {}), ...(userAgent ? { 'user-agent': userAgent } : {}), ...(version ? { 'mcp-protocol-version': version } : {}) };
    const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
    const post = (id: string, label: string) => send('POST', label, { ...base, ...(contentType ? { 'content-type': contentType } : {}), 'mcp-session-id': id }, list);
    const answers: StaleSessionAnswer[] = [];
    const ended = await send('DELETE', 'probe: MCP end session (DELETE)', { ...base, 'mcp-session-id': issued });
    const endedStatus = ended.response?.status ?? 0;
    // A server may refuse client-side termination (405); then only the never-issued id is probed.
    if (endedStatus >= 200 && endedStatus < 300) {
      const terminated = await post(issued, 'probe: MCP tools/list with the ended session id');
      answers.push({ kind: 'terminated', outcome: terminated, curl: session.recorder.curlOf(terminated.exchangeId) });
    }
    const unknown = await post(randomUUID(), 'probe: MCP tools/list with a session id the server never issued');
    answers.push({ kind: 'unknown', outcome: unknown, curl: session.recorder.curlOf(unknown.exchangeId) });
    return { stateless: false, answers };
  };
}
