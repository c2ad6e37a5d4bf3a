import { checkStaleSessionAnswer } from '../../checks/resource-server/stale-session.ts';
import type { HostSession } from '../session.ts';

/**
 * MCP_STALE_SESSION_NOT_404: with the host's valid token, requests on an ended and on a never-issued MCP session
 * must get 404. Skipped for hosts that speak no MCP and for stateless servers (no Mcp-Session-Id issued).
 */
export async function probeStaleSession(session: HostSession): Promise<string> {
  const c = session.credentials;
  if (!c) return session.abort('no credentials: install first', 'inconclusive');
  const probe = session.profile.flow.call.staleSessions;
  if (!probe) {
    session.findings.skip(checkStaleSessionAnswer, `${session.profile.displayName} keeps no MCP sessions`);
    return session.abort(`${session.profile.displayName} keeps no MCP sessions: nothing to probe`, 'skipped');
  }
  const result = await probe(session, `Bearer ${c.accessToken}`);
  if (result.stateless) {
    session.findings.skip(checkStaleSessionAnswer, 'the server issued no Mcp-Session-Id (stateless)');
    return 'the server issued no Mcp-Session-Id: stateless, nothing to probe';
  }
  session.findings.run(checkStaleSessionAnswer, { answers: result.answers });
  return result.answers.map((a) => `${a.kind} session id: ${a.outcome.response?.status ?? a.outcome.error?.kind ?? 'no answer'}`).join('; ');
}
