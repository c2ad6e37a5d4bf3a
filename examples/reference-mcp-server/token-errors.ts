/** RFC 6749 §5.2 (and RFC 8707 invalid_target) errors the token and revocation endpoints use. */
export type TokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_target';

export interface TokenError {
  readonly error: TokenErrorCode;
  readonly description: string;
  /** Overrides the RFC status (400, or 401 for invalid_client): dead-refresh-token-401 answers 401 invalid_request. */
  readonly status?: number;
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly scope: readonly string[];
  readonly expiresInSeconds: number;
}

export type GrantResult = { ok: true; tokens: IssuedTokens } | { ok: false; failure: TokenError };

export function grantFailure(error: TokenErrorCode, description: string, status?: number): GrantResult {
  return { ok: false, failure: status === undefined ? { error, description } : { error, description, status } };
}
