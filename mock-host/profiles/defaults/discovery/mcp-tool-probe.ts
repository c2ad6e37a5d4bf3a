import type { ToolCallWithoutToken } from '../../../checks/resource-server/tool-auth-challenge.ts';
import { declaresOAuthScheme } from '../../../checks/resource-server/tool-security-schemes.ts';
import type { McpWire } from '../../../mcp/first-request.ts';
import { jsonRpcSignal } from '../../../mcp/jsonrpc-answer.ts';
import { recorderFetch } from '../../../mcp/recorder-fetch.ts';
import { mcpSdkClient } from '../../../mcp/sdk-client.ts';
import { fillToolInput } from '../../../mcp/tool-input.ts';
import type { HttpOutcome } from '../../../recorder/exchange.ts';
import type { DiscoveryContext } from './discovery-context.ts';

// Each costs one call; only read-only tools are called, so a host probing without a token changes nothing.
const MAX_TOOLS = 3;

/**
 * A server that let the first MCP request in without a token (authless, or auth per tool): the host opens a session
 * without one, lists the tools and calls a few read-only ones (never one that may change anything), as a user's
 * first prompt would. Their answers show how the server demands auth, if it does (AUTH_CHALLENGE_NOT_HTTP_401,
 * TOOL_SECURITY_SCHEMES_MISSING). Undefined: no session or no tool list without a token.
 */
export async function callToolsWithoutToken(ctx: DiscoveryContext, wire: McpWire): Promise<ToolCallWithoutToken[] | undefined> {
  const outcomes: HttpOutcome[] = [];
  const fetch = recorderFetch(ctx.recorder, {
    phase: 'discover',
    timeoutMs: ctx.profile.timeouts.discoveryMs,
    maxBodyBytes: ctx.profile.limits.maxBodyBytes,
    opensEventStream: false,
    label: 'without a token',
    onOutcome: (o) => outcomes.push(o),
  });
  const { Client, StreamableHTTPClientTransport } = await mcpSdkClient();
  const client = new Client({ name: wire.clientName, version: '1.0.0' }, { capabilities: {} });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(ctx.origin), { fetch, requestInit: { headers: { 'user-agent': wire.userAgent } } }));
    const listed = await client.listTools();
    const calls: ToolCallWithoutToken[] = [];
    const readOnly = listed.tools.filter((t) => t.annotations?.readOnlyHint === true).slice(0, MAX_TOOLS);
    for (const tool of readOnly) {
      const input = fillToolInput(tool.inputSchema);
      if (input === undefined) continue;
      const mark = outcomes.length;
      await client.callTool({ name: tool.name, arguments: input }).catch(() => undefined);
      const outcome = outcomes.slice(mark).findLast((o) => o.request.method === 'POST');
      if (!outcome) continue;
      const res = outcome.response;
      calls.push({
        tool: tool.name,
        declaresOAuth: declaresOAuthScheme(tool),
        ...(res ? { status: res.status } : {}),
        ...(res?.headers['www-authenticate'] ? { wwwAuthenticate: res.headers['www-authenticate'] } : {}),
        signal: res && res.status >= 200 && res.status < 300 ? jsonRpcSignal(res.body, res.headers['content-type']) : {},
        exchangeId: outcome.exchangeId,
        curl: ctx.recorder.curlOf(outcome.exchangeId),
      });
    }
    return calls;
  } catch {
    return undefined;
  } finally {
    await client.close().catch(() => undefined);
  }
}
