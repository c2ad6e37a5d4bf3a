import { defineCheck } from '../../findings/check.ts';
import { canonicalResource } from '../../mcp/resource-uri.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { tokenDraft } from './token-draft.ts';

/**
 * TOKEN_AUDIENCE_NOT_RESOURCE: a JWT access token issued for an RFC 8707 resource names it in `aud` (RFC 9068 §3).
 * Opaque tokens are not judged here: whether the resource server checks audience is a resource-server probe.
 */
export const checkTokenAudience = defineCheck<TokenResponseFacts>({ id: 'access-token-audience-is-resource', codes: ['TOKEN_AUDIENCE_NOT_RESOURCE'] }, (facts) => {
  const claims = facts.http?.accessTokenClaims;
  if (!claims || !facts.resource) return [];
  const aud = claims.aud;
  const audiences = (Array.isArray(aud) ? aud : [aud]).filter((a): a is string => typeof a === 'string');
  const wanted = canonicalResource(facts.resource);
  if (audiences.some((a) => a === facts.resource || (wanted !== undefined && canonicalResource(a) === wanted))) return [];
  return [
    tokenDraft(
      facts,
      'TOKEN_AUDIENCE_NOT_RESOURCE',
      `the access token's aud is ${audiences.length ? audiences.map((a) => JSON.stringify(a.slice(0, 120))).join(', ') : 'missing'}, not the requested resource ${facts.resource}`,
      'Put the resource the host requested (the MCP URL) into the access token\'s aud, and have the MCP server accept only tokens whose aud names it.',
    ),
  ];
});
