import type { Response } from 'express';
import type { ServerContext } from './context.ts';
import { formatScope } from './scopes.ts';
import type { IssuedTokens, TokenError } from './token-errors.ts';

/** Writes token endpoint answers: RFC 6749 §5.1/§5.2, unless a fault says otherwise. */

function preventCaching(ctx: ServerContext, res: Response): void {
  if (!ctx.has('token-response-cacheable')) res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

export function sendTokens(ctx: ServerContext, res: Response, tokens: IssuedTokens): void {
  preventCaching(ctx, res);
  res.status(200).json({
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresInSeconds,
    ...(tokens.refreshToken === undefined ? {} : { refresh_token: tokens.refreshToken }),
    scope: formatScope(tokens.scope),
  });
}

export function sendTokenError(ctx: ServerContext, res: Response, { error, description, status }: TokenError): void {
  preventCaching(ctx, res);
  // The fault: a dead grant crashes the handler, and the framework's HTML error page is what the client gets.
  if (ctx.has('bad-grant-500') && error === 'invalid_grant') {
    res.status(500).type('html').send('<!doctype html><html><body><h1>500 Internal Server Error</h1><p>Something went wrong.</p></body></html>');
    return;
  }
  if (error === 'invalid_client') {
    // RFC 6749 §5.2: 401 with a challenge naming a scheme the client can authenticate with.
    res.status(status ?? 401).set('WWW-Authenticate', 'Basic realm="reference-mcp"');
  } else {
    res.status(status ?? 400);
  }
  res.json({ error, error_description: description });
}
