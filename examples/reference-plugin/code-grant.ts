import type { PluginContext } from './context.ts';
import { safeEqual, sha256Base64Url } from './secrets.ts';
import type { PkceChallenge } from './store.ts';
import { grantFailure, type GrantResult } from './token-errors.ts';
import { issueTokens } from './token-issuer.ts';

export interface CodeGrantRequest {
  readonly code?: string | undefined;
  readonly redirect_uri?: string | undefined;
  readonly code_verifier?: string | undefined;
}

const PKCE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

function verifierMatches(pkce: PkceChallenge, verifier: string): boolean {
  if (!PKCE_VERIFIER.test(verifier)) return false;
  const derived = pkce.method === 'S256' ? sha256Base64Url(verifier) : verifier;
  return safeEqual(derived, pkce.challenge);
}

/** grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6). */
export function exchangeAuthorizationCode(ctx: PluginContext, clientId: string, request: CodeGrantRequest): GrantResult {
  const { store, clock } = ctx;
  if (request.code === undefined || request.code === '') return grantFailure('invalid_request', 'code is required');
  const code = store.findCode(request.code);
  if (code === undefined || code.clientId !== clientId) {
    return grantFailure('invalid_grant', 'the authorization code is unknown or was issued to another client');
  }
  if (code.familyIds.length > 0 && !ctx.has('reusable-codes')) {
    // RFC 6749 §4.1.2: a replayed code may mean it was stolen, so whatever it bought is withdrawn too.
    for (const familyId of code.familyIds) store.revokeFamily(familyId);
    return grantFailure('invalid_grant', 'the authorization code was already used; the tokens issued for it are revoked');
  }
  if (code.expiresAtMs <= clock.now()) return grantFailure('invalid_grant', 'the authorization code expired');
  if (!ctx.has('redirect-uri-not-bound') && request.redirect_uri !== code.redirectUri) {
    return grantFailure('invalid_grant', 'redirect_uri does not match the one in the authorization request');
  }
  if (code.pkce !== undefined && (request.code_verifier === undefined || !verifierMatches(code.pkce, request.code_verifier))) {
    return grantFailure('invalid_grant', 'code_verifier is missing or does not match the code_challenge');
  }
  if (code.pkce === undefined && request.code_verifier !== undefined) {
    return grantFailure('invalid_grant', 'code_verifier sent, but the authorization request had no code_challenge');
  }

  const familyId = store.createFamily();
  code.familyIds.push(familyId);
  const tokens = issueTokens(ctx, {
    clientId,
    userId: code.userId,
    scope: code.scope,
    familyId,
    viaRefresh: false,
    withRefreshToken: true,
  });
  return { ok: true, tokens };
}
