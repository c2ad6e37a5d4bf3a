import type { AccessTokenVerifier } from './access-token-verifier.ts';
import type { PluginClock } from './clock.ts';
import type { Fault } from './options.ts';
import type { ReferenceStore } from './store.ts';

/** Tokens the plugin's own authorization server issued: known, not revoked, not expired on the plugin clock. */
export function ownTokenVerifier(store: ReferenceStore, clock: PluginClock, has: (fault: Fault) => boolean): AccessTokenVerifier {
  return async (token) => {
    const record = store.findAccessToken(token);
    if (record === undefined) return { ok: false, description: 'The access token is unknown' };
    if (store.isFamilyRevoked(record.familyId)) return { ok: false, description: 'The access token was revoked' };
    if (record.expiresAtMs <= clock.now() && !has('accept-expired-tokens')) {
      return { ok: false, description: 'The access token expired' };
    }
    if (record.viaRefresh && has('reject-refreshed-tokens')) {
      return { ok: false, description: 'The access token is not valid' };
    }
    return { ok: true, userId: record.userId, scope: record.scope };
  };
}
