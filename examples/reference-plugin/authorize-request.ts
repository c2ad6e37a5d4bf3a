import type { Request } from 'express';
import { z } from 'zod';
import type { PkceChallenge } from './store.ts';

/** Reading an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3): parameters and PKCE, no decisions. */

/** RFC 7636 §4.2: 43–128 unreserved characters. */
const PKCE_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;

const optional = z.string().optional();
const authorizeQuerySchema = z.object({
  response_type: optional,
  client_id: optional,
  redirect_uri: optional,
  scope: optional,
  state: optional,
  code_challenge: optional,
  code_challenge_method: optional,
});
const AUTHORIZE_PARAMETERS = authorizeQuerySchema.keyof().options;

export type AuthorizeQuery = z.infer<typeof authorizeQuerySchema>;

/**
 * Reads the query ourselves rather than through req.query: RFC 6749 §3.1 forbids repeated parameters, and the
 * generic parser would silently turn them into arrays.
 */
export function readAuthorizeQuery(req: Request): { values: AuthorizeQuery; repeated: (keyof AuthorizeQuery)[] } {
  const search = new URL(req.originalUrl, 'http://reference.invalid').searchParams;
  const repeated = AUTHORIZE_PARAMETERS.filter((name) => search.getAll(name).length > 1);
  const present = AUTHORIZE_PARAMETERS.flatMap((name) => {
    const value = search.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  return { values: authorizeQuerySchema.parse(Object.fromEntries(present)), repeated };
}

export type PkceResult = { ok: true; pkce: PkceChallenge | undefined } | { ok: false; description: string };

export function readPkce(challenge: string | undefined, method: string | undefined, required: boolean): PkceResult {
  if (challenge === undefined) {
    if (method !== undefined) return { ok: false, description: 'code_challenge_method sent without code_challenge' };
    return required ? { ok: false, description: 'code_challenge required' } : { ok: true, pkce: undefined };
  }
  if (!PKCE_CHALLENGE.test(challenge)) return { ok: false, description: 'code_challenge is malformed' };
  const chosen = method ?? 'plain';
  if (chosen !== 'S256' && chosen !== 'plain') {
    return { ok: false, description: 'code_challenge_method must be S256 or plain' };
  }
  return { ok: true, pkce: { challenge, method: chosen } };
}
