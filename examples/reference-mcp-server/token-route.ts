import { setTimeout as sleep } from 'node:timers/promises';
import { Router } from 'express';
import { authenticateClient } from './client-auth.ts';
import { exchangeAuthorizationCode } from './code-grant.ts';
import type { ServerContext } from './context.ts';
import { refreshAccessToken } from './refresh-grant.ts';
import type { GrantResult } from './token-errors.ts';
import { readTokenRequest } from './token-request.ts';
import { sendTokenError, sendTokens } from './token-response.ts';

/** POST /token: form bodies only (all three hosts send them), client auth by the client's method, two grants. */
export function tokenRoute(ctx: ServerContext): Router {
  const { has } = ctx;
  const router = Router();

  router.post('/token', async (req, res) => {
    // The fault: a token endpoint slow enough to eat half of Claude's 10 s budget. Real time, not the server clock.
    if (has('slow-token-endpoint')) await sleep(ctx.options.slowTokenMs);
    const body = readTokenRequest(req);
    const refuse = (description: string, status?: number) =>
      sendTokenError(ctx, res, status === undefined ? { error: 'invalid_request', description } : { error: 'invalid_request', description, status });
    // The fault: a JSON-only body parser, which hosts' form bodies bounce off with 415.
    if (has('json-only-token-endpoint')) {
      if (body.encoding !== 'json') return refuse('the body must be application/json', 415);
    } else if (body.encoding === 'json') {
      return refuse('the body must be application/x-www-form-urlencoded (RFC 6749 §4.1.3), not JSON');
    }
    if (!body.ok) return refuse(body.description);
    const parameters = body.parameters;

    const auth = await authenticateClient(ctx, req.get('authorization'), parameters, ctx.urls.token);
    if (!auth.ok) return sendTokenError(ctx, res, auth.failure);

    let result: GrantResult;
    if (parameters.grant_type === 'authorization_code') {
      result = await exchangeAuthorizationCode(ctx, auth.client, parameters);
    } else if (parameters.grant_type === 'refresh_token') {
      result = await refreshAccessToken(ctx, auth.client, parameters);
    } else if (parameters.grant_type === undefined) {
      return refuse('grant_type is required');
    } else {
      return sendTokenError(ctx, res, { error: 'unsupported_grant_type', description: 'grant_type must be authorization_code or refresh_token' });
    }
    if (result.ok) sendTokens(ctx, res, result.tokens);
    else sendTokenError(ctx, res, result.failure);
  });

  return router;
}
