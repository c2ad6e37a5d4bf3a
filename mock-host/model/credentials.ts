/** The tokens the host stores for one installed plugin, with expiry judged on the host's virtual clock. */
export interface Credentials {
  accessToken: string;
  refreshToken?: string;
  /** Virtual-clock ms; undefined when the response had no expires_in (the host keeps the token forever). */
  expiresAt?: number;
  expiresInSeconds?: number;
  scope?: string;
  /** Where the current access token came from: API rejections of refreshed tokens are their own finding. */
  source: 'exchange' | 'refresh';
  /** How many refreshes produced these credentials. */
  generation: number;
  /** The last refresh response had no refresh_token, so the previous one was kept. */
  refreshTokenKeptFromBefore: boolean;
}

export function isExpired(c: Credentials, now: number): boolean {
  return c.expiresAt !== undefined && now >= c.expiresAt;
}

/**
 * What the host stores from a token response; expiry is anchored to the host's clock at receipt. Without
 * expires_in the profile's assumed lifetime applies, or none (the host keeps the token for ever).
 */
export function storedCredentials(
  tokens: { accessToken: string; refreshToken?: string | undefined; expiresInSeconds?: number | undefined; scope?: string | undefined },
  now: number,
  meta: Pick<Credentials, 'source' | 'generation' | 'refreshTokenKeptFromBefore'>,
  assumedLifetimeSeconds?: number,
): Credentials {
  const lifetime = tokens.expiresInSeconds ?? assumedLifetimeSeconds;
  return {
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    ...(lifetime !== undefined ? { expiresInSeconds: lifetime, expiresAt: now + lifetime * 1000 } : {}),
    ...(tokens.scope !== undefined ? { scope: tokens.scope } : {}),
    ...meta,
  };
}
