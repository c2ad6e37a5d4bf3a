import type { Request } from 'express';

export type PresentedToken = { kind: 'none' } | { kind: 'bearer'; token: string };

export interface TokenReading {
  /** bearer-case-sensitive: only "Bearer" counts, "bearer" is as good as no token. */
  readonly caseSensitive: boolean;
  /** token-in-query-accepted: `?access_token=` is read when no header token was sent (RFC 6750 §2.3, forbidden by MCP). */
  readonly queryAllowed: boolean;
}

/** RFC 6750 §2.1; the scheme is case-insensitive (RFC 9110 §11.1). Another scheme means no bearer token. */
export function presentedToken(req: Request, reading: TokenReading): PresentedToken {
  const match = /^(\S+)[ \t]+(\S+)\s*$/.exec((req.get('authorization') ?? '').trim());
  const scheme = match?.[1];
  const token = match?.[2];
  if (scheme !== undefined && token !== undefined) {
    const isBearer = reading.caseSensitive ? scheme === 'Bearer' : scheme.toLowerCase() === 'bearer';
    if (isBearer) return { kind: 'bearer', token };
  }
  if (reading.queryAllowed) {
    const fromQuery = new URL(req.originalUrl, 'http://request.invalid').searchParams.get('access_token');
    if (fromQuery !== null && fromQuery !== '') return { kind: 'bearer', token: fromQuery };
  }
  return { kind: 'none' };
}
