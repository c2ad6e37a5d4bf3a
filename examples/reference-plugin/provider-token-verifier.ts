import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AccessTokenVerifier, TokenCheck } from './access-token-verifier.ts';
import type { PluginClock } from './clock.ts';
import type { Fault, OAuthProviderOptions } from './options.ts';
import { parseScope } from './scope.ts';

function admit(payload: JWTPayload): TokenCheck {
  // Users of the provider are not in the plugin's store; the prefix keeps their todos apart from local users'.
  return { ok: true, userId: `provider:${payload.sub ?? 'anonymous'}`, scope: typeof payload.scope === 'string' ? parseScope(payload.scope) : [] };
}

/**
 * Access tokens from the provider the plugin delegates OAuth to: JWTs signed with a key of its JWKS, from its
 * issuer when one is configured, alive on the plugin clock (so tests that move the clock expire them too).
 */
export function providerTokenVerifier(provider: OAuthProviderOptions, clock: PluginClock, has: (fault: Fault) => boolean): AccessTokenVerifier {
  const keys = createRemoteJWKSet(new URL(provider.jwksUrl));
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, { ...(provider.issuer ? { issuer: provider.issuer } : {}), currentDate: new Date(clock.now()) });
      return admit(payload);
    } catch (error) {
      // The signature is checked before the claims, so an expired token's payload is still the provider's.
      if (error instanceof errors.JWTExpired) return has('accept-expired-tokens') ? admit(error.payload) : { ok: false, description: 'The access token expired' };
      return { ok: false, description: 'The access token is not valid' };
    }
  };
}
