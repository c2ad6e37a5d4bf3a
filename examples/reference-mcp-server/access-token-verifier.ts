/** Who an access token speaks for, once the resource server accepted it. */
export interface TokenSubject {
  readonly userId: string;
  readonly clientId: string;
  readonly scope: readonly string[];
  readonly expiresAtSeconds: number | undefined;
}

/** Why a token was refused; `expired` and `revoked` get their own challenge under expired-challenge-no-error. */
export type TokenRefusal = { readonly reason: 'expired' | 'revoked' | 'invalid'; readonly description: string };

export type TokenCheck = ({ readonly ok: true } & TokenSubject) | ({ readonly ok: false } & TokenRefusal);

export type AccessTokenVerifier = (token: string) => Promise<TokenCheck>;
