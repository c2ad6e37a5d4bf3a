/** The MCP wire a host speaks (PROTOCOL-MCP.md §4, §5 row 1). */
export interface McpWire {
  /** The method of the host's first request: `initialize` (2025-11-25) or `server/discover` (2026-07-28). */
  firstMethod: 'initialize' | 'server/discover';
  protocolVersion: string;
  userAgent: string;
  clientName: string;
}

/** The first MCP request a host sends, as a JSON-RPC body with the Streamable HTTP headers. */
export function firstMcpRequest(wire: McpWire): { method: string; body: string; headers: Record<string, string> } {
  const params =
    wire.firstMethod === 'initialize'
      ? { protocolVersion: wire.protocolVersion, capabilities: {}, clientInfo: { name: wire.clientName, version: '1.0.0' } }
      : {};
  return {
    method: wire.firstMethod,
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: wire.firstMethod, params }),
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'user-agent': wire.userAgent,
      // 2025-11-25 §2.7: every request after initialize carries it; hosts send it on discovery too (PROTOCOL-MCP.md §5).
      'mcp-protocol-version': wire.protocolVersion,
    },
  };
}
