import { randomUUID } from 'node:crypto';
import { decodeJwt, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/** The issuer of the harness's forged tokens: a name no authorization server has. */
export const FOREIGN_ISSUER = 'https://foreign-issuer.conformance.invalid';

function claimsOf(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

// One key per process: any key the server never saw is foreign to it, and an RSA key costs 0.2-0.5 s of CPU to make.
let foreignKey: ReturnType<typeof generateKeyPair> | undefined;

/**
 * RS_ACCEPTS_FOREIGN_TOKEN (b): a JWT signed with a key of the harness's own, carrying the real token's claims (or,
 * for an opaque token, the resource as `aud` and an hour's lifetime) with a foreign `iss` and a new `jti`. Only a
 * resource server that skips the signature or issuer check lets it in.
 */
export async function foreignSignedToken(realToken: string, resource: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  const real = claimsOf(realToken);
  const { privateKey } = await (foreignKey ??= generateKeyPair('RS256'));
  const claims: JWTPayload = {
    sub: 'conformance-foreign-user',
    aud: resource,
    iat: nowSeconds,
    exp: nowSeconds + 3600,
    ...real,
    iss: FOREIGN_ISSUER,
    jti: randomUUID(),
  };
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: `foreign-${randomUUID().slice(0, 8)}`, typ: 'at+jwt' }).sign(privateKey);
}

/** The scope claim of a JWT access token, when it is one. */
export function scopeClaimOf(token: string): string | undefined {
  const scope = claimsOf(token)?.['scope'];
  return typeof scope === 'string' ? scope : undefined;
}
