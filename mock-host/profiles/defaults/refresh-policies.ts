import { isExpired } from '../../model/credentials.ts';
import type { RefreshPolicy } from '../host-profile.ts';

/** Before each call: refresh once the token is this close to expiry on the host's clock (0: once expired). */
export function refreshAhead(seconds: number, reactiveOn401: RefreshPolicy['reactiveOn401'], describes: string): RefreshPolicy {
  return {
    describes,
    refreshBeforeCall: (c, now) => isExpired(c, now) || (c.expiresAt !== undefined && c.expiresAt - now <= seconds * 1000),
    reactiveOn401,
    keepsRefreshTokenWhenOmitted: true,
    rotatesPublicClients: true,
    refusedRefreshLosesConnection: true,
  };
}

/**
 * ChatGPT apps (PROTOCOL-MCP.md §1, reported): refresh right away and before every call when the token lives two
 * minutes or less, none within a longer token's lifetime; after expiry, before the next call. On a 401 it shows the
 * Reconnect card instead of refreshing (captures conflict: `reactiveOn401` is the profile's setting).
 */
export const chatgptAppRefresh: RefreshPolicy = {
  describes: 'before calls once the token has expired, and always for tokens of 120 s or less; not on a 401',
  refreshBeforeCall: (c, now) => isExpired(c, now) || (c.expiresInSeconds !== undefined && c.expiresInSeconds <= 120),
  reactiveOn401: 'never',
  keepsRefreshTokenWhenOmitted: true,
  rotatesPublicClients: true,
  refusedRefreshLosesConnection: true,
};
