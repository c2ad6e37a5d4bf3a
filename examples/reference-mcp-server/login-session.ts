import type { Request, Response } from 'express';
import type { LoginSession, OAuthStore } from './oauth-store.ts';

const SESSION_COOKIE = 'reference_mcp_session';

/** Express has no cookie parsing built in and this server reads one cookie: a few lines beat a dependency. */
function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export function currentSession(req: Request, store: OAuthStore): LoginSession | undefined {
  const id = readCookie(req, SESSION_COOKIE);
  return id === undefined ? undefined : store.findSession(id);
}

export function startSession(req: Request, res: Response, store: OAuthStore, userId: string): LoginSession {
  const session = store.createSession(userId);
  // Lax, not Strict: the cookie must come along when the host navigates the browser to /authorize.
  res.cookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'lax', path: '/', secure: req.secure });
  return session;
}

/** Only a same-origin path, so the login form is no open redirect; the URL parser resolves `/\evil` tricks first. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  const base = 'http://reference.invalid';
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}
