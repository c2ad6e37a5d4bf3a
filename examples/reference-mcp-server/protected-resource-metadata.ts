import { Router } from 'express';
import type { ServerContext } from './context.ts';
import { MCP_PATH, PRM_PATH } from './endpoints.ts';
import { OFFLINE_ACCESS, RESOURCE_SCOPES } from './scopes.ts';

/** RFC 9728 protected resource metadata, at the path-inserted and the root well-known URL. */
export function protectedResourceMetadata(ctx: ServerContext): Record<string, unknown> {
  const { urls, has } = ctx;
  let resource = urls.mcp;
  if (has('prm-resource-mismatch')) resource = urls.origin;
  if (has('prm-resource-trailing-slash')) resource = `${urls.mcp}/`;
  let authorizationServers = [ctx.issuer];
  if (has('prm-no-authorization-servers')) authorizationServers = [];
  if (has('prm-first-as-broken')) authorizationServers = [urls.brokenIssuer, ctx.issuer];
  return {
    resource,
    authorization_servers: authorizationServers,
    // offline_access is for the AS to offer (2026-07-28: the RS SHOULD NOT advertise it); the fault adds it.
    scopes_supported: has('prm-offline-access') ? [...RESOURCE_SCOPES, OFFLINE_ACCESS] : [...RESOURCE_SCOPES],
    bearer_methods_supported: ['header'],
    resource_name: 'Reference MCP Notes',
  };
}

export function protectedResourceMetadataRoutes(ctx: ServerContext): Router {
  const router = Router();
  const serve = (pathInserted: boolean) => (_req: unknown, res: import('express').Response) => {
    if (ctx.has('prm-missing') || (pathInserted && ctx.has('prm-root-only'))) {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    if (ctx.has('prm-not-json')) {
      res.status(200).type('html').send('<!doctype html><html><body><h1>Reference MCP Notes</h1><p>Welcome!</p></body></html>');
      return;
    }
    res.set('Cache-Control', 'max-age=60').json(protectedResourceMetadata(ctx));
  };
  router.get(`${PRM_PATH}${MCP_PATH}`, serve(true));
  router.get(PRM_PATH, serve(false));
  return router;
}
