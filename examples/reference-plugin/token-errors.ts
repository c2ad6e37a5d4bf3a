import type { IssuedTokens } from './token-issuer.ts';

/** RFC 6749 §5.2 error codes the token endpoint uses. */
export type TokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'invalid_scope';

export interface TokenError {
  readonly error: TokenErrorCode;
  readonly description: string;
}

export type GrantResult = { ok: true; tokens: IssuedTokens } | { ok: false; failure: TokenError };

export function grantFailure(error: TokenErrorCode, description: string): GrantResult {
  return { ok: false, failure: { error, description } };
}
