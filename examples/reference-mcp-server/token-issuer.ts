import type { ClientRecord } from './clients.ts';
import type { ServerContext } from './context.ts';
import { mintAccessToken } from './own-access-tokens.ts';
import type { IssuedTokens } from './token-errors.ts';

/** What the refresh token of an answer should be: a fresh one, none, or the one presented (not rotated). */
export type RefreshTokenPlan = { kind: 'new'; scope: readonly string[] } | { kind: 'none' } | { kind: 'same'; token: string };

export interface TokenGrant {
  readonly client: ClientRecord;
  readonly userId: string;
  /** The access token's scope (a refresh may narrow it). */
  readonly scope: readonly string[];
  readonly familyId: string;
  readonly viaRefresh: boolean;
  readonly refreshToken: RefreshTokenPlan;
}

export async function issueTokens(ctx: ServerContext, grant: TokenGrant): Promise<IssuedTokens> {
  const { options, store, clock, urls, key, has } = ctx;
  const accessToken = await mintAccessToken(
    { store, clock, urls, key, ttlSeconds: options.accessTokenTtlSeconds, has },
    { clientId: grant.client.clientId, userId: grant.userId, scope: grant.scope, familyId: grant.familyId, viaRefresh: grant.viaRefresh },
  );
  let refreshToken: string | undefined;
  if (grant.refreshToken.kind === 'same') refreshToken = grant.refreshToken.token;
  if (grant.refreshToken.kind === 'new') {
    refreshToken = store.saveRefreshToken({
      clientId: grant.client.clientId,
      userId: grant.userId,
      scope: grant.refreshToken.scope,
      familyId: grant.familyId,
    }).token;
  }
  return { accessToken, refreshToken, scope: grant.scope, expiresInSeconds: options.accessTokenTtlSeconds };
}

/** Whether a code exchange comes with a refresh token: the client must be allowed the grant, and faults may say no. */
export function refreshTokenWanted(ctx: ServerContext, client: ClientRecord, scope: readonly string[]): boolean {
  if (ctx.has('no-refresh-token') || !client.grantTypes.includes('refresh_token')) return false;
  // The fault: an RT only for offline_access, which the AS metadata does not even list.
  return !ctx.has('refresh-token-needs-offline-access') || scope.includes('offline_access');
}
