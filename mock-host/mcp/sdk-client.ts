import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export interface McpSdkClient {
  Client: typeof Client;
  StreamableHTTPClientTransport: typeof StreamableHTTPClientTransport;
}

let loading: Promise<McpSdkClient> | undefined;

/**
 * The official MCP client, loaded on first use: its modules and the schemas they build cost about half a second of
 * start-up per process on a 2-core machine, which the run's parent process and the legacy hosts' workers skip.
 */
export function mcpSdkClient(): Promise<McpSdkClient> {
  loading ??= Promise.all([import('@modelcontextprotocol/sdk/client/index.js'), import('@modelcontextprotocol/sdk/client/streamableHttp.js')]).then(
    ([client, transport]) => ({ Client: client.Client, StreamableHTTPClientTransport: transport.StreamableHTTPClientTransport }),
  );
  return loading;
}
