import { randomUUID } from 'node:crypto';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { ServerContext } from './context.ts';
import { buildMcpServer } from './mcp-tools.ts';

/** One stateful Streamable HTTP session: its own transport and MCP server, and the user who opened it. */
export interface McpSession {
  readonly transport: StreamableHTTPServerTransport;
  readonly server: McpServer;
  /** undefined when opened without a token (mixed auth): then anyone may use it. */
  readonly ownerId: string | undefined;
}

/**
 * The live sessions of one server. A session ends with DELETE (or close()); its id is then unknown, and requests
 * with it get 404 so clients re-initialize (MCP 2025-11-25 transports §2.5).
 */
export class McpSessions {
  readonly #sessions = new Map<string, McpSession>();

  constructor(private readonly ctx: ServerContext) {}

  /** A transport and server for an initialize request; the session is registered once the SDK assigns its id. */
  async open(ownerId: string | undefined): Promise<McpSession> {
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: this.ctx.options.responseMode === 'json',
      onsessioninitialized: (id) => {
        this.#sessions.set(id, session);
      },
      onsessionclosed: (id) => {
        this.#sessions.delete(id);
      },
    });
    const server = buildMcpServer(this.ctx);
    const session: McpSession = { transport, server, ownerId };
    transport.onclose = () => {
      if (transport.sessionId !== undefined) this.#sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    return session;
  }

  find(id: string): McpSession | undefined {
    return this.#sessions.get(id);
  }

  get size(): number {
    return this.#sessions.size;
  }

  async closeAll(): Promise<void> {
    const open = [...this.#sessions.values()];
    this.#sessions.clear();
    await Promise.all(open.map((session) => session.server.close()));
  }
}
