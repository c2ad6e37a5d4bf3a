import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { checkToolSecuritySchemes, declaresOAuthScheme, type UnauthenticatedToolCall } from '../../../checks/resource-server/tool-security-schemes.ts';
import { jsonRpcSignal } from '../../../mcp/jsonrpc-answer.ts';
import { recorderFetch } from '../../../mcp/recorder-fetch.ts';
import { fillToolInput } from '../../../mcp/tool-input.ts';
import type { HttpOutcome } from '../../../recorder/exchange.ts';
import type { DiscoveryContext } from './discovery-context.ts';

// Read-only tools called without a token: each costs one call.
const MAX_TOOLS = 3;

interface ListedTool {
  name: string;
  inputSchema?: unknown;
  annotations?: { readOnlyHint?: boolean };
}

/**
 * Mixed auth (PROTOCOL-MCP.md §1): the server let the host in without a token. A host that reads per-tool
 * `securitySchemes` (ChatGPT) lists the tools without a token and offers its link UI only for tools that declare
 * oauth2. The harness calls a few read-only tools without a token (never one that may change anything) and checks
 * that each that demands a sign-in declares it (TOOL_SECURITY_SCHEMES_MISSING).
 */
export async function checkMixedAuthTools(ctx: DiscoveryContext): Promise<void> {
  const traits = ctx.profile.mcp;
  if (!traits?.readsToolSecuritySchemes) {
    ctx.findings.skip(checkToolSecuritySchemes, `${ctx.profile.displayName} does not read per-tool securitySchemes`);
    return;
  }
  const outcomes: HttpOutcome[] = [];
  const fetch = recorderFetch(ctx.recorder, {
    phase: 'discover',
    timeoutMs: ctx.profile.timeouts.discoveryMs,
    maxBodyBytes: ctx.profile.limits.maxBodyBytes,
    opensEventStream: false,
    label: 'mixed auth: tools without a token',
    onOutcome: (o) => outcomes.push(o),
  });
  const client = new Client({ name: traits.wire.clientName, version: '1.0.0' }, { capabilities: {} });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(ctx.origin), { fetch, requestInit: { headers: { 'user-agent': traits.wire.userAgent } } }));
    const listed = await client.listTools();
    const readOnly = listed.tools.filter((t: ListedTool) => t.annotations?.readOnlyHint === true).slice(0, MAX_TOOLS);
    const calls: UnauthenticatedToolCall[] = [];
    for (const tool of readOnly) {
      const input = fillToolInput(tool.inputSchema);
      if (input === undefined) continue;
      const mark = outcomes.length;
      await client.callTool({ name: tool.name, arguments: { ...input } }).catch(() => undefined);
      const answer = outcomes.slice(mark).findLast((o) => o.request.method === 'POST');
      const res = answer?.response;
      if (!answer || !res) continue;
      const signal = res.status >= 200 && res.status < 300 ? jsonRpcSignal(res.body, res.headers['content-type']) : {};
      calls.push({ tool: tool.name, declaresOAuth: declaresOAuthScheme(tool), demandedAuth: res.status === 401 || !!signal.authError, exchangeId: answer.exchangeId, curl: ctx.recorder.curlOf(answer.exchangeId) });
    }
    ctx.findings.run(checkToolSecuritySchemes, { calls });
  } catch (err) {
    ctx.findings.skip(checkToolSecuritySchemes, `the tools could not be listed without a token (${err instanceof Error ? err.message.slice(0, 120) : String(err)})`);
  } finally {
    await client.close().catch(() => undefined);
  }
}
