import type { PluginContext } from './context.ts';

/** What the token endpoint hands out, before any fault reshapes it on the wire. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly scope: readonly string[];
  readonly expiresInSeconds: number;
}

export interface TokenGrant {
  readonly clientId: string;
  readonly userId: string;
  readonly scope: readonly string[];
  readonly familyId: string;
  readonly viaRefresh: boolean;
  readonly withRefreshToken: boolean;
}

export function issueTokens({ options, store, clock, has }: PluginContext, grant: TokenGrant): IssuedTokens {
  const { withRefreshToken, ...owner } = grant;
  const access = store.saveAccessToken({ ...owner, expiresAtMs: clock.now() + options.accessTokenTtlSeconds * 1000 });
  const refresh =
    withRefreshToken && !has('no-refresh-token')
      ? store.saveRefreshToken({
          clientId: grant.clientId,
          userId: grant.userId,
          scope: grant.scope,
          familyId: grant.familyId,
        })
      : undefined;
  return {
    accessToken: access.token,
    refreshToken: refresh?.token,
    scope: grant.scope,
    expiresInSeconds: options.accessTokenTtlSeconds,
  };
}
