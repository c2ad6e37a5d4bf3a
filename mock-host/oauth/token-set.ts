import { z } from 'zod';

/** What a host like ChatGPT stores after a successful token request. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresInSeconds?: number;
  tokenType?: string;
  scope?: string;
}

// Field by field, so one bad field does not hide the others (a numeric-string expires_in still yields a token).
const nonBlank = z.string().refine((s) => s.trim() !== '');
const lifetime = z.union([z.number().finite(), z.string().trim().regex(/^\d+$/).transform(Number)]);

/**
 * The host's view: only the top-level RFC 6749 §5.1 names of a JSON object. Anything else (camelCase, nesting,
 * envelopes) is invisible to it, which is the point: the harness fails where the host would.
 */
export function readTokenSet(top: Readonly<Record<string, unknown>>): TokenSet | undefined {
  const access = nonBlank.safeParse(top.access_token);
  if (!access.success) return undefined;
  const refresh = nonBlank.safeParse(top.refresh_token);
  const expires = lifetime.safeParse(top.expires_in);
  const type = z.string().safeParse(top.token_type);
  const scope = z.string().safeParse(top.scope);
  return {
    accessToken: access.data,
    ...(refresh.success ? { refreshToken: refresh.data } : {}),
    ...(expires.success ? { expiresInSeconds: expires.data } : {}),
    ...(type.success ? { tokenType: type.data } : {}),
    ...(scope.success ? { scope: scope.data } : {}),
  };
}
