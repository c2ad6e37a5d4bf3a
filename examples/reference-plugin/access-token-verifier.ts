/** What the API learns from a presented bearer token: whose it is and what it may do, or why it is refused. */
export type TokenCheck = { ok: true; userId: string; scope: readonly string[] } | { ok: false; description: string };

/**
 * Checks a bearer token. The plugin's own tokens are looked up in its store; with `oauthProvider` the provider's
 * JWTs are verified against its keys. Async because the provider's keys are fetched over HTTP.
 */
export type AccessTokenVerifier = (token: string) => Promise<TokenCheck>;
