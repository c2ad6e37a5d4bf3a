import type { Request } from 'express';
import { z } from 'zod';
import type { PkceChallenge } from './oauth-store.ts';

/** Reading an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, RFC 8707): parameters only, no decisions. */

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
const SINGLE_PARAMETERS = authorizeQuerySchema.keyof().options;

export type AuthorizeQuery = z.infer<typeof authorizeQuerySchema>;

export interface AuthorizeRequest {
  readonly values: AuthorizeQuery;
  /** Parameters sent more than once (RFC 6749 §3.1 forbids it for all of them but `resource`). */
  readonly repeated: readonly (keyof AuthorizeQuery)[];
  /** RFC 8707 allows several `resource` parameters. */
  readonly resources: readonly string[];
}

/** Reads the raw query rather than req.query, whose parser would silently turn repeated parameters into arrays. */
export function readAuthorizeQuery(req: Request): AuthorizeRequest {
  const search = new URL(req.originalUrl, 'http://request.invalid').searchParams;
  const repeated = SINGLE_PARAMETERS.filter((name) => search.getAll(name).length > 1);
  const present = SINGLE_PARAMETERS.flatMap((name) => {
    const value = search.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  return { values: authorizeQuerySchema.parse(Object.fromEntries(present)), repeated, resources: search.getAll('resource') };
}

export type PkceResult = { ok: true; pkce: PkceChallenge | undefined } | { ok: false; description: string };

export interface PkceRules {
  /** false under pkce-not-enforced. */
  readonly required: boolean;
  /** true under pkce-plain-accepted: plain, or no method (RFC 7636's default), is taken. */
  readonly allowPlain: boolean;
}

export function readPkce(challenge: string | undefined, method: string | undefined, rules: PkceRules): PkceResult {
  if (challenge === undefined) {
    if (method !== undefined) return { ok: false, description: 'code_challenge_method sent without code_challenge' };
    return rules.required ? { ok: false, description: 'code_challenge is required (PKCE, S256)' } : { ok: true, pkce: undefined };
  }
  if (!PKCE_CHALLENGE.test(challenge)) return { ok: false, description: 'code_challenge is malformed' };
  if (method === 'S256') return { ok: true, pkce: { challenge, method: 'S256' } };
  if (rules.allowPlain && (method === undefined || method === 'plain')) return { ok: true, pkce: { challenge, method: 'plain' } };
  return { ok: false, description: 'code_challenge_method must be S256' };
}
