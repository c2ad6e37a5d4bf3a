import type { PluginContext } from './context.ts';
import { isSubset, parseScope } from './scope.ts';
import { grantFailure, type GrantResult } from './token-errors.ts';
import { issueTokens } from './token-issuer.ts';

export interface RefreshGrantRequest {
  readonly refresh_token?: string | undefined;
  readonly scope?: string | undefined;
}

/**
 * grant_type=refresh_token (RFC 6749 §6) with rotation. The replaced refresh token keeps working for a grace
 * window, so two refreshes racing with the same token, or a retry after a lost response, do not log the user out.
 */
export function refreshAccessToken(ctx: PluginContext, clientId: string, request: RefreshGrantRequest): GrantResult {
  const { store, clock, options } = ctx;
  if (ctx.has('refuse-refresh')) return grantFailure('invalid_grant', 'refresh tokens are not accepted');
  if (request.refresh_token === undefined || request.refresh_token === '') {
    return grantFailure('invalid_request', 'refresh_token is required');
  }
  const previous = store.findRefreshToken(request.refresh_token);
  if (
    previous === undefined ||
    previous.clientId !== clientId ||
    previous.revoked ||
    store.isFamilyRevoked(previous.familyId)
  ) {
    return grantFailure('invalid_grant', 'the refresh token is unknown, revoked, or was issued to another client');
  }

  const now = clock.now();
  if (previous.supersededAtMs !== undefined) {
    const graceMs = ctx.has('no-refresh-grace') ? 0 : options.refreshTokenGraceSeconds * 1000;
    if (now >= previous.supersededAtMs + graceMs) {
      if (ctx.has('rotate-revoke-family')) store.revokeFamily(previous.familyId);
      return grantFailure('invalid_grant', 'the refresh token was replaced by a newer one');
    }
  }

  const requested = parseScope(request.scope);
  if (!isSubset(requested, previous.scope)) {
    return grantFailure('invalid_scope', 'a refresh cannot widen the scope of the original grant');
  }
  const scope = requested.length === 0 ? previous.scope : requested;

  const keepsPrevious = ctx.has('refresh-omits-refresh-token');
  const losesPrevious = ctx.has('refresh-token-lost');
  const tokens = issueTokens(ctx, {
    clientId,
    userId: previous.userId,
    scope: ctx.has('narrow-scope-on-refresh') ? scope.slice(0, 1) : scope,
    familyId: previous.familyId,
    viaRefresh: true,
    withRefreshToken: !keepsPrevious && !losesPrevious,
  });
  if (losesPrevious) previous.revoked = true;
  // The grace window starts at the first replacement; later uses inside it must not extend it.
  else if (!keepsPrevious) previous.supersededAtMs ??= now;
  return { ok: true, tokens };
}
