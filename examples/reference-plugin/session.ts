import type { Request, Response } from 'express';
import type { ReferenceStore, Session } from './store.ts';

const SESSION_COOKIE = 'reference_session';

/** Express has no cookie parsing built in and this app reads a single cookie, so a few lines beat a dependency. */
function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export function currentSession(req: Request, store: ReferenceStore): Session | undefined {
  const id = readCookie(req, SESSION_COOKIE);
  return id === undefined ? undefined : store.findSession(id);
}

export function startSession(req: Request, res: Response, store: ReferenceStore, userId: string): Session {
  const session = store.createSession(userId);
  // Lax, not Strict: the browser must send the cookie when ChatGPT navigates it to the authorize URL.
  res.cookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'lax', path: '/', secure: req.secure });
  return session;
}

/**
 * Where to go after login. Only a same-origin path is accepted, so the login form cannot be used as an open
 * redirect; the URL parser also resolves tricks like `/\evil.example` or embedded tabs before the origin check.
 */
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
