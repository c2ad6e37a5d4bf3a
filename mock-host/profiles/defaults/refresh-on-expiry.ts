import { isExpired } from '../../model/credentials.ts';
import type { RefreshPolicy } from '../host-profile.ts';

/** The legacy hosts' policy (PROTOCOL.md §2): refresh only once the token has expired on the host's clock. */
export const refreshOnExpiry: RefreshPolicy = {
  describes: 'when the access token has expired',
  refreshBeforeCall: (credentials, now) => isExpired(credentials, now),
  // A 401 ends the conversation with the plugin for a legacy host (API_CALL_FAILED); it never refreshes on one.
  reactiveOn401: 'never',
  keepsRefreshTokenWhenOmitted: true,
};
