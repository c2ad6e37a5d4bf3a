import type { RequestHandler } from 'express';

/**
 * ChatGPT reconnects without `scope` (PROTOCOL-MCP.md §1). oidc-provider would then grant no resource scope at all and
 * every tool call would be refused, so an authorization request without scope gets the notes defaults, as the
 * reference server does. Runs before oidc-provider sees the request.
 */
export function defaultScopeOnAuthorize(authorizePath: string, defaultScope: string): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' && req.path === authorizePath) {
      const url = new URL(req.originalUrl, 'http://request.invalid');
      if ((url.searchParams.get('scope') ?? '').trim() === '') {
        url.searchParams.set('scope', defaultScope);
        const rewritten = `${url.pathname}${url.search}`;
        req.url = `${req.url.split('?')[0] ?? ''}${url.search}`;
        req.originalUrl = rewritten;
      }
    }
    next();
  };
}
