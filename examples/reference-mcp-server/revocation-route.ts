import { Router } from 'express';
import { authenticateClient } from './client-auth.ts';
import type { ServerContext } from './context.ts';
import { ownAccessTokenId } from './own-access-tokens.ts';
import { readTokenRequest } from './token-request.ts';
import { sendTokenError } from './token-response.ts';

/**
 * POST /revoke (RFC 7009): revokes a refresh token with its whole family, or one access token. Unknown tokens, and
 * tokens of another client, get the same empty 200 (RFC 7009 §2.2: nothing to learn from the answer).
 */
export function revocationRoute(ctx: ServerContext): Router {
  const { store } = ctx;
  const router = Router();

  router.post('/revoke', async (req, res) => {
    const body = readTokenRequest(req);
    if (!body.ok || body.encoding !== 'form') {
      return sendTokenError(ctx, res, { error: 'invalid_request', description: 'the body must be application/x-www-form-urlencoded' });
    }
    const parameters = body.parameters;
    const auth = await authenticateClient(ctx, req.get('authorization'), parameters, ctx.urls.revoke);
    if (!auth.ok) return sendTokenError(ctx, res, auth.failure);
    if (parameters.token === undefined || parameters.token === '') {
      return sendTokenError(ctx, res, { error: 'invalid_request', description: 'token is required' });
    }
    const clientId = auth.client.clientId;
    const refresh = store.findRefreshToken(parameters.token);
    if (refresh !== undefined && refresh.clientId === clientId) {
      refresh.revoked = true;
      store.revokeFamily(refresh.familyId);
    } else {
      const jti = await ownAccessTokenId(ctx, parameters.token);
      const record = jti === undefined ? undefined : store.findAccessToken(jti);
      if (record !== undefined && record.clientId === clientId) record.revoked = true;
    }
    res.status(200).set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).end();
  });

  return router;
}
