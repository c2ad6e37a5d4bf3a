import type { IncomingMessage, ServerResponse } from 'node:http';
import { Router } from 'express';

/**
 * oidc-provider serves its metadata only at `<issuer>/.well-known/openid-configuration`. For an issuer with a path
 * (`<origin>/oidc`) MCP clients look first at the RFC 8414 path-inserted forms
 * (`/.well-known/oauth-authorization-server/oidc`, `/.well-known/openid-configuration/oidc`), and ChatGPT fetches both
 * kinds: both are answered here with oidc-provider's own discovery document.
 */
export function discoveryAliases(mount: string, providerCallback: (req: IncomingMessage, res: ServerResponse) => void): Router {
  const router = Router();
  const discovery = '/.well-known/openid-configuration';
  for (const alias of [`/.well-known/oauth-authorization-server${mount}`, `${discovery}${mount}`]) {
    router.get(alias, (req, res) => {
      // oidc-provider derives its mount path from originalUrl minus url: keep the two consistent.
      req.url = discovery;
      req.originalUrl = `${mount}${discovery}`;
      providerCallback(req, res);
    });
  }
  return router;
}
