import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { z } from 'zod';
import { toolLevelChallenge } from './challenges.ts';
import type { ServerContext } from './context.ts';
import { TOOL_SCOPES, type ToolName } from './tool-scopes.ts';

/** What the resource server hands the tools through the transport (req.auth → extra.authInfo). */
export interface CallerExtra extends Record<string, unknown> {
  readonly userId: string;
}

export function authInfoFor(token: string, clientId: string, scopes: readonly string[], expiresAt: number | undefined, userId: string, resource: string): AuthInfo {
  const extra: CallerExtra = { userId };
  return { token, clientId, scopes: [...scopes], ...(expiresAt === undefined ? {} : { expiresAt }), resource: new URL(resource), extra };
}

function result(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value };
}

/**
 * One MCP server (tools only) per session. Tools carry ChatGPT's per-tool `securitySchemes` in `_meta` (the SDK's
 * registerTool has no top-level member for it) and `readOnlyHint`/`destructiveHint` annotations.
 */
export function buildMcpServer(ctx: ServerContext): McpServer {
  const server = new McpServer({ name: 'reference-mcp-notes', title: 'Reference MCP Notes', version: '1.0.0' }, { capabilities: { tools: {} } });
  const { notes, store, has } = ctx;

  const meta = (tool: ToolName): Record<string, unknown> | undefined =>
    has('mixed-auth-no-security-schemes') ? undefined : { securitySchemes: [{ type: 'oauth2', scopes: [...TOOL_SCOPES[tool]] }] };

  /** The user a call acts for, or the isError answer for a call without a token (mixed-auth faults only). */
  const callerOf = (authInfo: AuthInfo | undefined): string | CallToolResult => {
    const userId = authInfo?.extra?.['userId'];
    if (typeof userId !== 'string') {
      const answer: CallToolResult = { content: [{ type: 'text', text: 'Authentication required: connect your account to use this tool.' }], isError: true };
      // Answered right (ChatGPT's tool-level challenge) only when the server means to; tool-auth-error-in-200 does not.
      if (has('mixed-auth-no-security-schemes')) answer._meta = { 'mcp/www_authenticate': [toolLevelChallenge(ctx)] };
      return answer;
    }
    // The fault: every token acts as the first user.
    return has('user-confusion') ? store.firstUser().id : userId;
  };
  const describe = (userId: string) => {
    const user = store.findUser(userId);
    // Tokens of an external AS (or forged ones under foreign-token-accepted) name subjects this server never met.
    return { username: user?.username ?? userId, name: user?.name ?? userId };
  };

  server.registerTool(
    'whoami',
    { title: 'Who am I', description: 'The signed-in user: username and display name.', annotations: { readOnlyHint: true, openWorldHint: false }, _meta: meta('whoami') },
    ({ authInfo }) => {
      const caller = callerOf(authInfo);
      return typeof caller === 'string' ? result(describe(caller)) : caller;
    },
  );
  server.registerTool(
    'list_notes',
    { title: 'List notes', description: "The signed-in user's notes.", annotations: { readOnlyHint: true, openWorldHint: false }, _meta: meta('list_notes') },
    ({ authInfo }) => {
      const caller = callerOf(authInfo);
      return typeof caller === 'string' ? result({ notes: notes.list(caller) }) : caller;
    },
  );
  server.registerTool(
    'search_notes',
    {
      title: 'Search notes',
      description: "The signed-in user's notes containing the query (case-insensitive).",
      inputSchema: { query: z.string().describe('Text to look for') },
      annotations: { readOnlyHint: true, openWorldHint: false },
      _meta: meta('search_notes'),
    },
    ({ query }, { authInfo }) => {
      const caller = callerOf(authInfo);
      return typeof caller === 'string' ? result({ query, notes: notes.search(caller, query) }) : caller;
    },
  );
  server.registerTool(
    'add_note',
    {
      title: 'Add a note',
      description: 'Adds a note for the signed-in user. Needs notes:write.',
      inputSchema: { text: z.string().min(1).max(500).describe('The note') },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      _meta: meta('add_note'),
    },
    ({ text }, { authInfo }) => {
      const caller = callerOf(authInfo);
      return typeof caller === 'string' ? result({ note: notes.add(caller, text) }) : caller;
    },
  );
  server.registerTool(
    'purge_notes',
    {
      title: 'Delete all notes',
      description: "Deletes every note of the signed-in user. Needs notes:admin, which hosts get only when they ask.",
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
      _meta: meta('purge_notes'),
    },
    ({ authInfo }) => {
      const caller = callerOf(authInfo);
      return typeof caller === 'string' ? result({ deleted: notes.purge(caller) }) : caller;
    },
  );
  return server;
}
