import type { ClientRecord } from './clients.ts';
import type { ServerContext } from './context.ts';
import { checkResources } from './resource-parameter.ts';
import { safeEqual, sha256Base64Url } from './secrets.ts';
import type { PkceChallenge } from './oauth-store.ts';
import { grantFailure, type GrantResult } from './token-errors.ts';
import { issueTokens, refreshTokenWanted } from './token-issuer.ts';

export interface CodeGrantRequest {
  readonly code?: string | undefined;
  readonly redirect_uri?: string | undefined;
  readonly code_verifier?: string | undefined;
  readonly resources: readonly string[];
}

const PKCE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

function verifierMatches(pkce: PkceChallenge, verifier: string): boolean {
  if (!PKCE_VERIFIER.test(verifier)) return false;
  return safeEqual(pkce.method === 'S256' ? sha256Base64Url(verifier) : verifier, pkce.challenge);
}

/**
 * grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6, RFC 8707): a code is single use, bound to its
 * client, redirect_uri and PKCE challenge. A code is spent only by a successful exchange.
 */
export async function exchangeAuthorizationCode(ctx: ServerContext, client: ClientRecord, request: CodeGrantRequest): Promise<GrantResult> {
  const { store, clock, has } = ctx;
  if (request.code === undefined || request.code === '') return grantFailure('invalid_request', 'code is required');
  const code = store.findCode(request.code);
  if (code === undefined || code.clientId !== client.clientId) {
    return grantFailure('invalid_grant', 'the authorization code is unknown or was issued to another client');
  }
  if (code.familyIds.length > 0) {
    // RFC 6749 §4.1.2: a replayed code may have been stolen, so whatever it bought is withdrawn too.
    for (const familyId of code.familyIds) store.revokeFamily(familyId);
    return grantFailure('invalid_grant', 'the authorization code was already used; the tokens issued for it are revoked');
  }
  if (code.expiresAtMs <= clock.now()) return grantFailure('invalid_grant', 'the authorization code expired');
  if (request.redirect_uri !== code.redirectUri) return grantFailure('invalid_grant', 'redirect_uri does not match the authorization request');
  if (!has('code-verifier-not-checked')) {
    if (code.pkce !== undefined && (request.code_verifier === undefined || !verifierMatches(code.pkce, request.code_verifier))) {
      return grantFailure('invalid_grant', 'code_verifier is missing or does not match the code_challenge');
    }
    if (code.pkce === undefined && request.code_verifier !== undefined) {
      return grantFailure('invalid_grant', 'code_verifier sent, but the authorization request had no code_challenge');
    }
  }
  const target = checkResources(ctx, request.resources);
  if (target !== undefined) return { ok: false, failure: target };

  const familyId = store.createFamily();
  code.familyIds.push(familyId);
  const tokens = await issueTokens(ctx, {
    client,
    userId: code.userId,
    scope: code.scope,
    familyId,
    viaRefresh: false,
    refreshToken: refreshTokenWanted(ctx, client, code.scope) ? { kind: 'new', scope: code.scope } : { kind: 'none' },
  });
  return { ok: true, tokens };
}
