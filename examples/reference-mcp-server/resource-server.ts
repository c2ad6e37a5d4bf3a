import type { Request, Response } from 'express';
import type { TokenRefusal, TokenSubject } from './access-token-verifier.ts';
import { presentedToken } from './bearer-token.ts';
import { invalidTokenChallenge, missingTokenChallenge } from './challenges.ts';
import type { ServerContext } from './context.ts';
import { sendJsonRpcError, type JsonRpcId } from './jsonrpc.ts';
import { DEFAULT_SCOPES } from './scopes.ts';

/** Who an MCP request acts for, once the resource server let it through. */
export type McpCaller = { kind: 'user'; token: string; subject: TokenSubject } | { kind: 'anonymous' };

/** JSON-RPC error code for "not authorized", as several servers use it in the faults that answer 200. */
const UNAUTHORIZED_CODE = -32001;

/** Mixed auth (ChatGPT's per-tool securitySchemes): requests without a token reach the server, tools decide. */
export function isMixedAuth(ctx: ServerContext): boolean {
  return ctx.has('tool-auth-error-in-200') || ctx.has('mixed-auth-no-security-schemes');
}

function refuseMissingToken(ctx: ServerContext, res: Response, id: JsonRpcId): void {
  const body = { error: 'unauthorized', error_description: 'An access token is required' };
  if (ctx.has('unauthenticated-jsonrpc-error')) return sendJsonRpcError(res, 200, UNAUTHORIZED_CODE, 'Unauthorized: an access token is required', id);
  if (!ctx.has('no-www-authenticate')) res.set('WWW-Authenticate', missingTokenChallenge(ctx));
  res.status(ctx.has('unauthenticated-403') ? 403 : 401).json(body);
}

function refuseInvalidToken(ctx: ServerContext, res: Response, refusal: TokenRefusal, id: JsonRpcId): void {
  if (ctx.has('invalid-token-200-error')) return sendJsonRpcError(res, 200, UNAUTHORIZED_CODE, `Unauthorized: ${refusal.description}`, id);
  const body = { error: 'invalid_token', error_description: refusal.description };
  if (ctx.has('invalid-token-403')) {
    res.status(403).set('WWW-Authenticate', invalidTokenChallenge(ctx, refusal)).json(body);
    return;
  }
  if (!ctx.has('no-www-authenticate')) res.set('WWW-Authenticate', invalidTokenChallenge(ctx, refusal));
  res.status(401).json(body);
}

/**
 * Bearer authentication of one MCP request: a live access token in the Authorization header (scheme in any case),
 * signed by our AS (or the configured one), for this resource. Writes the refusal itself and returns undefined.
 */
export async function authenticateMcpRequest(ctx: ServerContext, req: Request, res: Response, id: JsonRpcId): Promise<McpCaller | undefined> {
  const presented = presentedToken(req, { caseSensitive: ctx.has('bearer-case-sensitive'), queryAllowed: ctx.has('token-in-query-accepted') });
  if (presented.kind === 'none') {
    if (isMixedAuth(ctx)) return { kind: 'anonymous' };
    refuseMissingToken(ctx, res, id);
    return undefined;
  }
  const check = await ctx.verifyAccessToken(presented.token);
  if (check.ok) return { kind: 'user', token: presented.token, subject: check };
  // The fault: whatever follows "Bearer" is taken as the first user's token.
  if (ctx.has('invalid-token-accepted')) {
    const subject: TokenSubject = { userId: ctx.store.firstUser().id, clientId: '', scope: [...DEFAULT_SCOPES], expiresAtSeconds: undefined };
    return { kind: 'user', token: presented.token, subject };
  }
  refuseInvalidToken(ctx, res, check, id);
  return undefined;
}
