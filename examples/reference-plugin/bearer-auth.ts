import type { Request, RequestHandler, Response } from 'express';
import type { PluginContext } from './context.ts';
import { parseScope } from './scope.ts';

/** Who an API request acts for, once requireBearer let it through. */
export interface ApiCaller {
  readonly userId: string;
  readonly scope: readonly string[];
  /** The bearer token as presented; undefined when a fault let a request without one through. */
  readonly token: string | undefined;
}

/** The user the token-accepting faults act as when no real token backs the request. */
export const GUEST_USER_ID = 'guest';

const REALM = 'reference';
const callers = new WeakMap<Request, ApiCaller>();

export function callerOf(req: Request): ApiCaller {
  const caller = callers.get(req);
  if (caller === undefined) throw new Error('callerOf() used on a route without requireBearer()');
  return caller;
}

/** RFC 6750 §2.1. The scheme is case-insensitive (RFC 9110 §11.1); another scheme means no bearer token was sent. */
function presentedToken(header: string | undefined, caseSensitive: boolean): string | undefined {
  const match = /^(\S+)[ \t]+(\S.*)$/.exec((header ?? '').trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const isBearer = caseSensitive ? match[1] === 'Bearer' : match[1].toLowerCase() === 'bearer';
  return isBearer ? match[2] : undefined;
}

function challenge(attributes: Readonly<Record<string, string>> = {}): string {
  const parts = Object.entries({ realm: REALM, ...attributes }).map(([name, value]) => `${name}="${value}"`);
  return `Bearer ${parts.join(', ')}`;
}

function refuseMissingToken(ctx: PluginContext, res: Response): void {
  if (!ctx.has('api-401-no-challenge')) res.set('WWW-Authenticate', challenge());
  res.status(401).json({ error: 'unauthorized', error_description: 'An access token is required' });
}

function refuseInvalidToken(ctx: PluginContext, res: Response, token: string, reason: string): void {
  // Servers that quote the credential back in their errors are common; the harness must never copy it into a report.
  const description = ctx.has('api-echoes-token') ? `${reason}: ${token}` : reason;
  const body = { error: 'invalid_token', error_description: description };
  const header = challenge({ error: 'invalid_token', error_description: description });
  if (ctx.has('api-403-for-bad-token')) {
    res.status(403).set('WWW-Authenticate', header).json(body);
  } else if (ctx.has('api-500-for-bad-token')) {
    res.status(500).json({ error: 'server_error', error_description: 'Something went wrong' });
  } else if (ctx.has('api-200-for-bad-token')) {
    res.status(200).json({ error: 'invalid token' });
  } else {
    if (!ctx.has('api-401-no-challenge')) res.set('WWW-Authenticate', header);
    res.status(401).json(body);
  }
}

/** Lets a request through only with a live access token carrying `neededScope` (when given). */
export function requireBearer(ctx: PluginContext, neededScope?: string): RequestHandler {
  const guest = (token: string | undefined): ApiCaller => ({
    userId: GUEST_USER_ID,
    scope: parseScope(ctx.options.scope),
    token,
  });
  return async (req, res, next) => {
    const admit = (caller: ApiCaller) => {
      callers.set(req, caller);
      next();
    };
    const token = presentedToken(req.get('authorization'), ctx.has('case-sensitive-bearer'));
    if (token === undefined) {
      if (ctx.has('api-accepts-missing-token')) return admit(guest(undefined));
      return refuseMissingToken(ctx, res);
    }
    const check = await ctx.verifyAccessToken(token);
    if (!check.ok) {
      if (ctx.has('api-accepts-any-token')) return admit(guest(token));
      return refuseInvalidToken(ctx, res, token, check.description);
    }
    if (neededScope !== undefined && !check.scope.includes(neededScope)) {
      const description = `This operation needs the ${neededScope} scope`;
      res
        .status(403)
        .set('WWW-Authenticate', challenge({ error: 'insufficient_scope', error_description: description, scope: neededScope }))
        .json({ error: 'insufficient_scope', error_description: description });
      return;
    }
    admit({ userId: check.userId, scope: check.scope, token });
  };
}
