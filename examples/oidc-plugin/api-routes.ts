import { Router } from 'express';
import { callerOf, requireBearer } from './bearer-auth.ts';
import type { ApiClock } from './api-clock.ts';
import type { Provider } from 'oidc-provider';
import { API_SCOPE } from './options.ts';

/** The API the OpenAPI document describes: read-only, per signed-in account. */
export function apiRoutes(deps: { provider: Provider; clock: ApiClock; audience: string }): Router {
  const router = Router();
  router.get('/todos', requireBearer(deps, API_SCOPE), (req, res) => {
    const { accountId } = callerOf(req);
    res.json({ todos: [{ id: '1', text: `Welcome, ${accountId}: this list comes from the OIDC plugin` }] });
  });
  router.get('/me', requireBearer(deps), (req, res) => {
    const caller = callerOf(req);
    res.json({ id: caller.accountId, scope: caller.scope.join(' ') });
  });
  return router;
}
