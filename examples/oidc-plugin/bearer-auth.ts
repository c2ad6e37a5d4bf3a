import type { Request, RequestHandler, Response } from 'express';
import type { Provider } from 'oidc-provider';
import type { ApiClock } from './api-clock.ts';

const REALM = 'oidc-todos';

/** Who an API request acts for, once requireBearer let it through. */
export interface ApiCaller {
  readonly accountId: string;
  readonly scope: readonly string[];
}

const callers = new WeakMap<Request, ApiCaller>();

export function callerOf(req: Request): ApiCaller {
  const caller = callers.get(req);
  if (!caller) throw new Error('callerOf() used on a route without requireBearer()');
  return caller;
}

/** RFC 6750 §2.1; the scheme is case-insensitive (RFC 9110 §11.1). */
function presentedToken(header: string | undefined): string | undefined {
  const match = /^(\S+)[ \t]+(\S+)\s*$/.exec(header ?? '');
  return match?.[1]?.toLowerCase() === 'bearer' ? match[2] : undefined;
}

function challenge(attributes: Readonly<Record<string, string>> = {}): string {
  return `Bearer ${Object.entries({ realm: REALM, ...attributes })
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ')}`;
}

function refuse(res: Response, status: 401 | 403, error?: 'invalid_token' | 'insufficient_scope', description?: string): void {
  // RFC 6750 §3.1: a request without a token gets a bare challenge, no error code.
  const attributes: Record<string, string> = error ? { error, ...(description ? { error_description: description } : {}) } : {};
  res
    .status(status)
    .set('WWW-Authenticate', challenge(attributes))
    .json({ error: error ?? 'unauthorized', error_description: description ?? 'An access token is required' });
}

const audiences = (aud: string | readonly string[] | undefined): readonly string[] => (aud === undefined ? [] : typeof aud === 'string' ? [aud] : aud);

/**
 * Lets a request through only with an access token oidc-provider issued for this API (audience = its resource
 * indicator), not expired on the API's clock, and carrying `neededScope`. The token is looked up in-process, as an
 * API deployed with the authorization server can; a separate API would call the introspection endpoint.
 */
export function requireBearer(deps: { provider: Provider; clock: ApiClock; audience: string }, neededScope?: string): RequestHandler {
  return async (req, res, next) => {
    const value = presentedToken(req.get('authorization'));
    if (value === undefined) return refuse(res, 401);
    // Expiry is judged below on the API clock, so tests can outlive a token without waiting an hour.
    const token = await deps.provider.AccessToken.find(value, { ignoreExpiration: true });
    if (!token) return refuse(res, 401, 'invalid_token', 'The access token is unknown or was revoked');
    if (!audiences(token.aud).includes(deps.audience)) return refuse(res, 401, 'invalid_token', 'The access token is not for this API');
    if (token.exp <= deps.clock.nowSeconds()) return refuse(res, 401, 'invalid_token', 'The access token expired');
    const scope = (token.scope ?? '').split(' ').filter(Boolean);
    if (neededScope && !scope.includes(neededScope)) return refuse(res, 403, 'insufficient_scope', `This operation needs the ${neededScope} scope`);
    callers.set(req, { accountId: token.accountId, scope });
    next();
  };
}
