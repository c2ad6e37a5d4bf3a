import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { HostSession } from '../../engine/session.ts';
import type { McpWire } from '../../mcp/first-request.ts';
import { jsonRpcSignal } from '../../mcp/jsonrpc-answer.ts';
import { mcpSdkClient, type McpSdkClient } from '../../mcp/sdk-client.ts';
import { recorderFetch } from '../../mcp/recorder-fetch.ts';
import { fillToolInput } from '../../mcp/tool-input.ts';
import type { ApiOperation } from '../../model/target.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import type { CallResult, CallStrategy } from '../host-profile.ts';
import { declaredToolScopes } from '../../checks/resource-server/tool-security-schemes.ts';
import { mcpStaleSessions } from './mcp-stale-sessions.ts';

/** One MCP session the host holds, opened with one Authorization value. */
interface Connection {
  client?: Client;
  /** Every answer this session's requests got, in order (raw: the checks read them). */
  outcomes: HttpOutcome[];
}

/** The host's MCP sessions and the tools it listed, per install (a session of the mock host). */
interface McpState {
  connections: Map<string, Connection>;
  tools?: ApiOperation[];
}

const states = new WeakMap<HostSession, McpState>();

function stateOf(session: HostSession): McpState {
  let state = states.get(session);
  if (!state) {
    state = { connections: new Map() };
    states.set(session, state);
    session.onDispose(async () => {
      for (const c of state?.connections.values() ?? []) await c.client?.close().catch(() => undefined);
    });
  }
  return state;
}

function toolsAsOperations(endpoint: string, tools: readonly { name: string; description?: string; inputSchema?: unknown; annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean } }[]): ApiOperation[] {
  return tools.map((tool) => {
    const input = fillToolInput(tool.inputSchema);
    const scopes = declaredToolScopes(tool);
    return {
      operationId: tool.name,
      method: 'TOOL',
      path: 'tools/call',
      serverUrl: endpoint,
      needsInput: input === undefined,
      // An MCP server with OAuth guards every request; per-tool auth (mixed servers) is the challenge's business.
      requiresAuth: true,
      ...(tool.description ? { description: tool.description } : {}),
      ...(input ? { input } : {}),
      ...(tool.annotations?.readOnlyHint === true ? { readOnly: true } : {}),
      ...(tool.annotations?.destructiveHint === false ? { nonDestructive: true } : {}),
      ...(scopes.length ? { scopes } : {}),
    };
  });
}

/**
 * MCP over Streamable HTTP through the official SDK client, its fetch the recorder: every request of a tool call
 * (initialize, notifications, tools/call) is a recorded exchange. One MCP session per Authorization value, as a
 * host keeps one per connection; a token the server refused opens a new one.
 */
export function mcpCall(options: { wire: McpWire; opensEventStream: boolean }): CallStrategy {
  const transportFor = (sdk: McpSdkClient, session: HostSession, authorization: string | undefined, outcomes: HttpOutcome[], label: string) => {
    const fetch = recorderFetch(session.recorder, {
      phase: 'use',
      timeoutMs: session.profile.timeouts.apiMs,
      maxBodyBytes: session.profile.limits.maxBodyBytes,
      opensEventStream: options.opensEventStream,
      label,
      onOutcome: (o) => outcomes.push(o),
    });
    return new sdk.StreamableHTTPClientTransport(new URL(session.requireTarget().origin), {
      fetch,
      requestInit: { headers: { ...(authorization ? { authorization } : {}), 'user-agent': options.wire.userAgent } },
    });
  };

  async function connect(session: HostSession, authorization: string | undefined, label: string): Promise<Connection> {
    const state = stateOf(session);
    const key = authorization ?? '';
    const open = state.connections.get(key);
    if (open?.client) return open;
    const outcomes: HttpOutcome[] = [];
    const sdk = await mcpSdkClient();
    const client = new sdk.Client({ name: options.wire.clientName, version: '1.0.0' }, { capabilities: {} });
    try {
      await client.connect(transportFor(sdk, session, authorization, outcomes, label));
      const connection = { client, outcomes };
      state.connections.set(key, connection);
      return connection;
    } catch {
      await client.close().catch(() => undefined);
      return { outcomes };
    }
  }

  async function call(session: HostSession, op: ApiOperation, authorization: string | undefined, label: string): Promise<CallResult> {
    const connection = await connect(session, authorization, label);
    // Refused: the answer to the last request of the handshake (initialize, usually a 401) is the call's answer.
    let outcome = connection.outcomes.at(-1);
    if (connection.client) {
      const state = stateOf(session);
      const mark = connection.outcomes.length;
      try {
        await connection.client.callTool({ name: op.operationId, arguments: { ...(op.input ?? {}) } });
      } catch {
        // A JSON-RPC error, a 401 or a broken stream: the recorded answer tells which.
      }
      outcome = connection.outcomes.slice(mark).findLast((o) => o.request.method === 'POST') ?? outcome;
      const status = outcome?.response?.status;
      if (status !== undefined && (status === 401 || status === 403 || status === 404)) {
        // The server ended this session or refused the token: the host opens a new one next time.
        state.connections.delete(authorization ?? '');
        await connection.client.close().catch(() => undefined);
      }
    }
    if (!outcome) throw new Error('the MCP client sent no request');
    const res = outcome.response;
    const signal = res && res.status >= 200 && res.status < 300 ? jsonRpcSignal(res.body, res.headers['content-type']) : {};
    const failure = signal.error ?? signal.toolError;
    return { outcome, drafts: [], curl: session.recorder.curlOf(outcome.exchangeId), authDropped: false, ...(failure ? { failureInBody: failure } : {}) };
  }

  return {
    async operations(session) {
      const state = stateOf(session);
      if (state.tools) return state.tools;
      const credentials = session.credentials;
      const authorization = credentials ? `Bearer ${credentials.accessToken}` : undefined;
      const connection = await connect(session, authorization, 'list tools');
      if (!connection.client) return session.abort(`the MCP server refused the host's session (${connection.outcomes.at(-1)?.response?.status ?? 'no answer'}); see install-and-use`, 'failed');
      const listed = await connection.client.listTools().catch((err: unknown) => session.abort(`tools/list failed: ${err instanceof Error ? err.message : String(err)}`, 'failed'));
      state.tools = toolsAsOperations(session.requireTarget().origin, listed.tools);
      return state.tools;
    },
    known: (session) => states.get(session)?.tools,
    call,
    staleSessions: mcpStaleSessions(options.wire),
  };
}
