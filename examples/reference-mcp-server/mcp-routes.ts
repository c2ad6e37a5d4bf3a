import type { IncomingMessage } from 'node:http';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { Router, type Response } from 'express';
import type { ServerContext } from './context.ts';
import { MCP_PATH } from './endpoints.ts';
import { firstRequestId, inspectMessages, isInitialize, sendJsonRpcError, type InspectedMessage } from './jsonrpc.ts';
import { authInfoFor } from './mcp-tools.ts';
import type { McpSessions } from './mcp-sessions.ts';
import { originAllowed } from './origin-check.ts';
import { bodyText } from './request-body.ts';
import { authenticateMcpRequest } from './resource-server.ts';
import { missingScopes, refuseInsufficientScope } from './tool-scopes.ts';

const SESSION_NOT_FOUND = -32001;

/**
 * /mcp: Origin check, bearer authentication, the scope check the SDK cannot do (it answers refused tools with 200),
 * then the session's SDK transport. Stateful: initialize opens a session; an unknown or ended one gets 404.
 */
export function mcpRoutes(ctx: ServerContext, sessions: McpSessions): Router {
  const { has } = ctx;
  // Strict and case-sensitive: `/mcp/` and `/MCP` are not the MCP URL the PRM names.
  const router = Router({ strict: true, caseSensitive: true });

  const staleSession = (res: Response) => {
    const status = has('stale-session-400') ? 400 : has('stale-session-500') ? 500 : 404;
    sendJsonRpcError(res, status, SESSION_NOT_FOUND, 'Session not found');
  };

  router.all(MCP_PATH, async (req, res) => {
    if (req.method !== 'POST' && req.method !== 'GET' && req.method !== 'DELETE') {
      res.set('Allow', 'GET, POST, DELETE');
      return sendJsonRpcError(res, 405, -32000, 'Method not allowed.');
    }
    if (!originAllowed(ctx, req)) return sendJsonRpcError(res, 403, -32000, `Forbidden: Origin ${req.get('origin') ?? ''} is not allowed`);

    let body: unknown;
    let messages: InspectedMessage[] = [];
    let bodyIsJson = true;
    if (req.method === 'POST') {
      try {
        body = JSON.parse(bodyText(req)) as unknown;
        messages = inspectMessages(body);
      } catch {
        bodyIsJson = false;
      }
    }
    const caller = await authenticateMcpRequest(ctx, req, res, firstRequestId(messages));
    if (caller === undefined) return;
    if (!bodyIsJson) return sendJsonRpcError(res, 400, -32700, 'Parse error: Invalid JSON');

    let auth: AuthInfo | undefined;
    if (caller.kind === 'user') {
      const { subject } = caller;
      if (has('tool-call-fails') && messages.some((message) => message.method === 'tools/call')) {
        return sendJsonRpcError(res, 500, -32603, 'Internal error', firstRequestId(messages));
      }
      const missing = missingScopes(messages, subject.scope);
      if (missing.length > 0) return refuseInsufficientScope(ctx, res, subject.scope, missing);
      auth = authInfoFor(caller.token, subject.clientId, subject.scope, subject.expiresAtSeconds, subject.userId, ctx.urls.mcp);
    }
    const userId = caller.kind === 'user' ? caller.subject.userId : undefined;
    const sessionId = req.get('mcp-session-id');

    let session;
    if (sessionId === undefined) {
      if (req.method !== 'POST' || !isInitialize(messages)) {
        return sendJsonRpcError(res, 400, -32000, 'Bad Request: Mcp-Session-Id header is required');
      }
      session = await sessions.open(userId);
    } else {
      session = sessions.find(sessionId);
      // A session belongs to the user who opened it: another user's token cannot ride on it.
      if (session === undefined || (session.ownerId !== undefined && session.ownerId !== userId)) return staleSession(res);
    }
    const incoming: IncomingMessage & { auth?: AuthInfo } = req;
    if (auth !== undefined) incoming.auth = auth;
    await session.transport.handleRequest(incoming, res, body);
  });

  return router;
}
