import { compactVerify, decodeJwt, SignJWT } from 'jose';
import type { AccessTokenVerifier, TokenCheck } from './access-token-verifier.ts';
import { accessTokenClaimsSchema, checkClaims, parseClaims } from './access-token-claims.ts';
import type { ServerClock } from './clock.ts';
import type { ServerUrls } from './endpoints.ts';
import type { Fault } from './faults.ts';
import type { OAuthStore } from './oauth-store.ts';
import { randomToken } from './secrets.ts';
import { ACCESS_TOKEN_ALG, type SigningKey } from './signing-keys.ts';
import { formatScope } from './scopes.ts';

export interface AccessTokenGrant {
  readonly clientId: string;
  readonly userId: string;
  readonly scope: readonly string[];
  readonly familyId: string;
  readonly viaRefresh: boolean;
}

interface Deps {
  readonly store: OAuthStore;
  readonly clock: ServerClock;
  readonly urls: ServerUrls;
  readonly key: SigningKey;
  readonly ttlSeconds: number;
  readonly has: (fault: Fault) => boolean;
}

/**
 * A signed JWT access token (RFC 9068). With a credentialPrefix the token is `<prefix><JWT>`: no longer a bare JWT,
 * the price of letting secret-scan tests find it.
 */
export async function mintAccessToken(deps: Deps, grant: AccessTokenGrant): Promise<string> {
  const { store, clock, urls, key, ttlSeconds, has } = deps;
  const jti = randomToken();
  const nowMs = clock.now();
  const expiresAtMs = nowMs + ttlSeconds * 1000;
  store.saveAccessToken({ jti, clientId: grant.clientId, userId: grant.userId, familyId: grant.familyId, viaRefresh: grant.viaRefresh, expiresAtMs });
  const jwt = await new SignJWT({ scope: formatScope(grant.scope), client_id: grant.clientId })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(urls.issuer)
    .setSubject(grant.userId)
    // The fault: the audience is the server, not the resource the client asked for (RFC 8707).
    .setAudience(has('token-audience-wrong') ? urls.origin : urls.mcp)
    .setJti(jti)
    .setIssuedAt(Math.floor(nowMs / 1000))
    .setExpirationTime(Math.ceil(expiresAtMs / 1000))
    .sign(key.privateKey);
  return `${store.credentialPrefix}${jwt}`;
}

/** The jti of one of our access tokens, signature checked; undefined for anything else (revocation needs it). */
export async function ownAccessTokenId(deps: Pick<Deps, 'store' | 'key'>, token: string): Promise<string | undefined> {
  const jwt = withoutPrefix(token, deps.store.credentialPrefix);
  if (jwt === undefined) return undefined;
  try {
    const { payload } = await compactVerify(jwt, deps.key.publicKey, { algorithms: [ACCESS_TOKEN_ALG] });
    return parseClaims(payload)?.jti;
  } catch {
    return undefined;
  }
}

function withoutPrefix(token: string, prefix: string): string | undefined {
  return token.startsWith(prefix) ? token.slice(prefix.length) : undefined;
}

const malformed: TokenCheck = { ok: false, reason: 'invalid', description: 'The access token is malformed or not signed by this server' };

/** The resource server's check of the built-in AS's tokens: signature, iss, aud, exp on the server clock, revocation. */
export function ownAccessTokenVerifier(deps: Deps): AccessTokenVerifier {
  const { store, clock, urls, key, has } = deps;
  const checkExpiry = !has('expired-token-accepted');
  // Expiry is judged on the record's milliseconds below, so a test can stop exactly one second before it.
  const rules = {
    issuer: has('foreign-token-accepted') ? undefined : urls.issuer,
    audience: has('token-audience-wrong') ? undefined : urls.mcp,
    checkExpiry: false,
    clock,
  };
  return async (token) => {
    const jwt = withoutPrefix(token, store.credentialPrefix) ?? (has('foreign-token-accepted') ? token : undefined);
    if (jwt === undefined) return malformed;
    let claims;
    if (has('foreign-token-accepted')) {
      // The fault: whatever decodes as a JWT is believed, whoever signed it.
      try {
        const decoded = accessTokenClaimsSchema.safeParse(decodeJwt(jwt));
        claims = decoded.success ? decoded.data : undefined;
      } catch {
        claims = undefined;
      }
    } else {
      try {
        claims = parseClaims((await compactVerify(jwt, key.publicKey, { algorithms: [ACCESS_TOKEN_ALG] })).payload);
      } catch {
        claims = undefined;
      }
    }
    if (claims === undefined) return malformed;
    const checked = checkClaims(claims, rules);
    if (!checked.ok) return checked;

    const record = claims.jti === undefined ? undefined : store.findAccessToken(claims.jti);
    if (record === undefined) {
      if (!has('foreign-token-accepted')) return { ok: false, reason: 'invalid', description: 'The access token is unknown' };
      return checkClaims(claims, { ...rules, checkExpiry });
    }
    if (checkExpiry && record.expiresAtMs <= clock.now()) return { ok: false, reason: 'expired', description: 'The access token expired' };
    if (record.revoked || store.isFamilyRevoked(record.familyId)) {
      return { ok: false, reason: 'revoked', description: 'The access token was revoked' };
    }
    if (record.viaRefresh && has('refreshed-token-rejected')) {
      return { ok: false, reason: 'invalid', description: 'The access token is not valid' };
    }
    return checked;
  };
}
