import express, { Router, type ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { authenticateClient } from './client-auth.ts';
import { exchangeAuthorizationCode } from './code-grant.ts';
import type { PluginContext } from './context.ts';
import { refreshAccessToken } from './refresh-grant.ts';
import type { GrantResult } from './token-errors.ts';
import { sendErrorAsSuccess, sendTokenError, sendTokens } from './token-response.ts';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Every value must be a single string: repeated form parameters arrive as arrays and are refused (RFC 6749 §3.2). */
const tokenRequestSchema = z.object({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

/** POST /oauth/token: the manifest's `authorization_url`. */
export function tokenRoute(ctx: PluginContext): Router {
  const router = Router();

  const bodyParseFailed: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    const isBodyError = typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string';
    if (!isBodyError) {
      next(error);
      return;
    }
    sendTokenError(ctx, res, { error: 'invalid_request', description: 'the request body could not be parsed' });
  };

  router.post('/oauth/token', express.json(), express.urlencoded({ extended: false }), (req, res) => {
    // A crashed or misrouted backend: the client sees the connection close with no HTTP answer at all.
    if (ctx.has('token-endpoint-hangs-up')) return void req.socket.destroy();
    const encoding = req.is([JSON_TYPE, FORM_TYPE]);
    const refuse = (description: string) => sendTokenError(ctx, res, { error: 'invalid_request', description });
    if (encoding !== JSON_TYPE && encoding !== FORM_TYPE) {
      return refuse(`the body must be ${JSON_TYPE} or ${FORM_TYPE}`);
    }
    if (encoding === FORM_TYPE && ctx.has('json-body-only')) return refuse(`only ${JSON_TYPE} bodies are supported`);
    if (encoding === JSON_TYPE && ctx.has('form-body-only')) return refuse(`only ${FORM_TYPE} bodies are supported`);

    const parsed = tokenRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) return refuse('every parameter must appear once, as a string');
    const request = parsed.data;

    const client = authenticateClient(ctx, req.get('authorization'), request);
    if (!client.ok) return sendTokenError(ctx, res, { error: 'invalid_client', description: client.description });
    if (ctx.has('token-error-with-200')) return sendErrorAsSuccess(res);

    let result: GrantResult;
    if (request.grant_type === 'authorization_code') {
      result = exchangeAuthorizationCode(ctx, client.clientId, request);
    } else if (request.grant_type === 'refresh_token') {
      result = refreshAccessToken(ctx, client.clientId, request);
    } else if (request.grant_type === undefined) {
      return refuse('grant_type is required');
    } else {
      const description = 'grant_type must be authorization_code or refresh_token';
      return sendTokenError(ctx, res, { error: 'unsupported_grant_type', description });
    }
    if (result.ok) sendTokens(ctx, res, result.tokens);
    else sendTokenError(ctx, res, result.failure);
  });

  router.use('/oauth/token', bodyParseFailed);
  return router;
}
