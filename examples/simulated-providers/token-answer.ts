import { createHash } from 'node:crypto';
import type { GrantStore } from './grant-store.ts';
import type { Answer, Authorization, Grant, PresetBehaviour, Refusal, RefusalReason, StandardTokenBody } from './preset.ts';

/** A token request as the provider reads it (validated by the caller). */
export interface TokenRequest {
  grantType: string;
  code?: string;
  redirectUri?: string;
  refreshToken?: string;
  /** RFC 7636 code_verifier: checked here, not by the mock, which forgets the challenge on any attempt. */
  codeVerifier?: string;
  /** From the Basic header when present, else from the body. */
  client?: { id: string; secret: string | undefined };
}

/** What oauth2-mock-server already signed for this request: the JWTs the answer hands out. */
export interface MintedTokens {
  accessToken: string;
  idToken?: string;
}

const REFUSALS: Record<RefusalReason, Omit<Refusal, 'reason'>> = {
  bad_client: { error: 'invalid_client', description: 'Client authentication failed' },
  unknown_code: { error: 'invalid_grant', description: 'The authorization code is invalid' },
  code_used: { error: 'invalid_grant', description: 'The authorization code was already used' },
  redirect_uri_mismatch: { error: 'invalid_grant', description: 'redirect_uri does not match the authorization request' },
  unknown_refresh_token: { error: 'invalid_grant', description: 'The refresh token is invalid' },
  refresh_token_revoked: { error: 'invalid_grant', description: 'The refresh token was revoked' },
  refresh_token_idle: { error: 'invalid_grant', description: 'Token is not active' },
  unsupported_grant_type: { error: 'unsupported_grant_type', description: 'Only authorization_code and refresh_token are supported' },
  pkce_mismatch: { error: 'invalid_grant', description: 'PKCE verification failed: code_verifier does not match the code_challenge' },
};

/** RFC 7636 §4.6: the verifier of the challenge the authorization request carried (S256, or plain). */
function verifierMatches(authorization: Authorization, verifier: string | undefined): boolean {
  const challenge = authorization.params.get('code_challenge');
  if (challenge === null) return true;
  if (verifier === undefined) return false;
  const method = authorization.params.get('code_challenge_method') ?? 'plain';
  const computed = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return computed === challenge;
}

function refuse(behaviour: PresetBehaviour, reason: RefusalReason): Answer {
  return behaviour.shapeRefusal({ reason, ...REFUSALS[reason] });
}

function success(args: {
  behaviour: PresetBehaviour;
  minted: MintedTokens;
  grant: Grant;
  authorization: Authorization;
  refreshToken: string | undefined;
}): Answer {
  const { behaviour, minted, authorization, refreshToken } = args;
  const body: StandardTokenBody = {
    access_token: minted.accessToken,
    token_type: 'Bearer',
    expires_in: behaviour.accessTokenTtlSeconds,
    scope: behaviour.reportScope(authorization.scope),
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    // The mock mints an id_token for every grant; an OpenID provider issues one only when openid was asked for.
    ...(minted.idToken && authorization.scope.includes('openid') ? { id_token: minted.idToken } : {}),
  };
  return behaviour.shapeSuccess(body, { grant: args.grant, authorization });
}

/**
 * The provider's answer to one token request: the checks a real provider makes (client, code, redirect_uri,
 * refresh token), then the preset's rules for refresh tokens and its own answer shape.
 */
export function answerTokenRequest(args: {
  request: TokenRequest;
  minted: MintedTokens;
  grants: GrantStore;
  behaviour: PresetBehaviour;
  nowMs: number;
  /** The registered client; without it any client is accepted. */
  client?: { id: string; secret: string };
  /** Public clients the provider accepted by their client ID metadata document: client_id alone authenticates them. */
  publicClients?: ReadonlySet<string>;
}): Answer {
  const { request, grants, behaviour, nowMs, client } = args;
  const publicClient = request.client !== undefined && request.client.secret === undefined && (args.publicClients?.has(request.client.id) ?? false);
  if (client && !publicClient && (request.client?.id !== client.id || request.client.secret !== client.secret)) return refuse(behaviour, 'bad_client');
  if (request.grantType === 'authorization_code') {
    // A wrong verifier is refused before the code is spent, as a wrong client is: the user's code stays usable.
    const pending = grants.peekCode(request.code);
    if (pending && !verifierMatches(pending, request.codeVerifier)) return refuse(behaviour, 'pkce_mismatch');
    const redeemed = grants.redeemCode(request.code);
    if (!redeemed.ok) return refuse(behaviour, redeemed.reason);
    const { authorization } = redeemed;
    if (request.redirectUri !== authorization.redirectUri) return refuse(behaviour, 'redirect_uri_mismatch');
    const refreshToken = behaviour.issuesRefreshToken(authorization) ? grants.issueRefreshToken(authorization, nowMs) : undefined;
    return success({ ...args, grant: 'authorization_code', authorization, refreshToken });
  }
  if (request.grantType === 'refresh_token') {
    const held = grants.findRefreshToken(request.refreshToken);
    if (!held) return refuse(behaviour, 'unknown_refresh_token');
    if (held.revoked) return refuse(behaviour, 'refresh_token_revoked');
    const idle = behaviour.refreshTokenIdleSeconds(held.authorization);
    if (idle !== undefined && nowMs - held.lastUsedMs > idle * 1000) {
      held.revoked = true;
      return refuse(behaviour, 'refresh_token_idle');
    }
    held.lastUsedMs = nowMs;
    let refreshToken: string | undefined;
    switch (behaviour.refreshRotation) {
      case 'omit':
        refreshToken = undefined;
        break;
      case 'same':
        refreshToken = held.token;
        break;
      case 'new':
        refreshToken = grants.issueRefreshToken(held.authorization, nowMs);
        break;
      case 'rotate':
        refreshToken = grants.issueRefreshToken(held.authorization, nowMs);
        held.revoked = true;
        break;
    }
    return success({ ...args, grant: 'refresh_token', authorization: held.authorization, refreshToken });
  }
  return refuse(behaviour, 'unsupported_grant_type');
}
