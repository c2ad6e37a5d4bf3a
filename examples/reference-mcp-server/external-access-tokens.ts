import { compactVerify, createRemoteJWKSet, decodeJwt } from 'jose';
import type { AccessTokenVerifier, TokenCheck } from './access-token-verifier.ts';
import { accessTokenClaimsSchema, checkClaims, parseClaims } from './access-token-claims.ts';
import type { ServerClock } from './clock.ts';
import type { Fault } from './faults.ts';

const malformed: TokenCheck = { ok: false, reason: 'invalid', description: 'The access token is malformed or not signed by the authorization server' };

/**
 * JWT access tokens of an external AS (authorizationServer option): signature from its jwks_uri, `iss` = its
 * issuer, `aud` = the MCP URL, `exp` on the server clock. Revocation at that AS is not seen (no introspection).
 */
export function externalAccessTokenVerifier(
  as: { readonly issuer: string; readonly jwksUri: string },
  mcpUrl: string,
  clock: ServerClock,
  has: (fault: Fault) => boolean,
): AccessTokenVerifier {
  const keys = createRemoteJWKSet(new URL(as.jwksUri), { timeoutDuration: 5000 });
  const rules = {
    issuer: has('foreign-token-accepted') ? undefined : as.issuer,
    audience: mcpUrl,
    checkExpiry: !has('expired-token-accepted'),
    clock,
  };
  return async (token) => {
    let claims;
    try {
      if (has('foreign-token-accepted')) {
        const decoded = accessTokenClaimsSchema.safeParse(decodeJwt(token));
        claims = decoded.success ? decoded.data : undefined;
      } else {
        claims = parseClaims((await compactVerify(token, keys, { algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'] })).payload);
      }
    } catch {
      claims = undefined;
    }
    return claims === undefined ? malformed : checkClaims(claims, rules);
  };
}
