import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { RunningReferenceMcpServer } from '../../../examples/reference-mcp-server/start.ts';
import { expect } from './fixtures.ts';
import { at, request, required, type HttpResult } from './http.ts';

/** What the MCP helpers need of a server: the reference one or the oidc-provider one. */
export type McpTarget = Pick<RunningReferenceMcpServer, 'url' | 'mcpUrl'>;

/** Raw Streamable HTTP requests (so tests see statuses and headers) and an SDK client for the happy paths. */

/** The Accept header the SDK transport insists on for POST (406 otherwise). */
export const MCP_ACCEPT = 'application/json, text/event-stream';
export const PROTOCOL_VERSION = '2025-11-25';

export function initializeRequest(id: number | string = 1): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'reference-mcp-tests', version: '1.0.0' } },
  };
}

export function toolCall(name: string, args: Record<string, unknown> = {}, id: number | string = 2): Record<string, unknown> {
  return { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } };
}

export interface McpRequestOptions {
  readonly token?: string;
  readonly scheme?: string;
  readonly sessionId?: string;
  readonly headers?: Record<string, string>;
  readonly path?: string;
  readonly method?: string;
}

export function mcpRequest(server: McpTarget, body: unknown, options: McpRequestOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: MCP_ACCEPT, ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `${options.scheme ?? 'Bearer'} ${options.token}`;
  if (options.sessionId !== undefined) {
    headers['mcp-session-id'] = options.sessionId;
    headers['mcp-protocol-version'] = PROTOCOL_VERSION;
  }
  const method = options.method ?? 'POST';
  return request(`${server.url}${options.path ?? '/mcp'}`, { method, headers, ...(method === 'POST' ? { body: JSON.stringify(body) } : {}) });
}

/** The JSON-RPC answer of a POST, from a JSON body or from the `data:` lines of an SSE stream. */
export function rpcAnswer(result: HttpResult): unknown {
  if (result.json !== undefined) return result.json;
  const data = result.text
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .filter((line) => line !== '');
  return JSON.parse(required(data.at(-1), `an SSE data line in ${result.text}`)) as unknown;
}

/** initialize + notifications/initialized; returns the session id. */
export async function openSession(server: McpTarget, token: string | undefined): Promise<string> {
  const initialized = await mcpRequest(server, initializeRequest(), token === undefined ? {} : { token });
  expect(initialized.status, initialized.text).toBe(200);
  const sessionId = required(initialized.headers.get('mcp-session-id'), 'an Mcp-Session-Id header');
  const notified = await mcpRequest(server, { jsonrpc: '2.0', method: 'notifications/initialized' }, { ...(token === undefined ? {} : { token }), sessionId });
  expect(notified.status).toBe(202);
  return sessionId;
}

/** A tools/call in a fresh session; the HTTP answer, for status checks. */
export async function callToolRaw(server: McpTarget, token: string, name: string, args: Record<string, unknown> = {}): Promise<HttpResult> {
  const sessionId = await openSession(server, token);
  return mcpRequest(server, toolCall(name, args), { token, sessionId });
}

/** structuredContent of a successful tools/call. */
export async function callToolOk(server: McpTarget, token: string, name: string, args: Record<string, unknown> = {}): Promise<unknown> {
  const answer = await callToolRaw(server, token, name, args);
  expect(answer.status, answer.text).toBe(200);
  const rpc = rpcAnswer(answer);
  expect(at(rpc, 'result', 'isError'), JSON.stringify(rpc)).toBeUndefined();
  return at(rpc, 'result', 'structuredContent');
}

/** The official SDK client, connected with a bearer token. */
export async function connectClient(server: McpTarget, token: string): Promise<Client> {
  const client = new Client({ name: 'reference-mcp-tests', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(server.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  return client;
}
