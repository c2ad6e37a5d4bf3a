import { z } from 'zod';
import type { TokenCheck } from './access-token-verifier.ts';
import type { ServerClock } from './clock.ts';
import { parseScope } from './scopes.ts';

/** RFC 9068 access-token claims the resource server reads; anything else in the JWT is ignored. */
export const accessTokenClaimsSchema = z.looseObject({
  iss: z.string(),
  sub: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  scope: z.string().optional(),
  client_id: z.string().optional(),
  jti: z.string().optional(),
});

export type AccessTokenClaims = z.output<typeof accessTokenClaimsSchema>;

export interface ClaimRules {
  /** undefined: the issuer is not checked (foreign-token-accepted). */
  readonly issuer: string | undefined;
  /** undefined: the audience is not checked (token-audience-wrong). */
  readonly audience: string | undefined;
  readonly checkExpiry: boolean;
  readonly clock: ServerClock;
}

/** The claim checks every verifier shares; signature and revocation are the caller's. */
export function checkClaims(claims: AccessTokenClaims, rules: ClaimRules): TokenCheck {
  if (rules.issuer !== undefined && claims.iss !== rules.issuer) {
    return { ok: false, reason: 'invalid', description: 'The access token was issued by another authorization server' };
  }
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : claims.aud;
  if (rules.audience !== undefined && !audiences.includes(rules.audience)) {
    return { ok: false, reason: 'invalid', description: 'The access token is not for this resource' };
  }
  if (rules.checkExpiry && claims.exp <= rules.clock.nowSeconds()) {
    return { ok: false, reason: 'expired', description: 'The access token expired' };
  }
  return { ok: true, userId: claims.sub, clientId: claims.client_id ?? '', scope: parseScope(claims.scope), expiresAtSeconds: claims.exp };
}

export function parseClaims(payload: Uint8Array): AccessTokenClaims | undefined {
  try {
    const parsed = accessTokenClaimsSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
