import type { ClientRecord } from './clients.ts';
import type { ServerContext } from './context.ts';
import { checkResources } from './resource-parameter.ts';
import { isSubset, parseScope } from './scopes.ts';
import { grantFailure, type GrantResult } from './token-errors.ts';
import { issueTokens } from './token-issuer.ts';

export interface RefreshGrantRequest {
  readonly refresh_token?: string | undefined;
  readonly scope?: string | undefined;
  readonly resources: readonly string[];
}

/**
 * grant_type=refresh_token (RFC 6749 §6) with rotation on every refresh. The replaced token keeps working for
 * refreshTokenGraceSeconds, so racing refreshes and a retry after a lost answer both succeed; after that it is
 * refused without punishing the family. No `scope` needed: the original grant is kept.
 */
export async function refreshAccessToken(ctx: ServerContext, client: ClientRecord, request: RefreshGrantRequest): Promise<GrantResult> {
  const { store, clock, options, has } = ctx;
  if (has('refresh-rejected')) return grantFailure('invalid_grant', 'the refresh token is not valid');
  if (request.refresh_token === undefined || request.refresh_token === '') return grantFailure('invalid_request', 'refresh_token is required');
  // The fault: Entra's AADSTS90009, a refresh must repeat the scope.
  if (has('refresh-needs-scope') && request.scope === undefined) return grantFailure('invalid_request', 'scope is required for a refresh');
  // The fault: a dead refresh token is answered like a malformed request, with 401.
  const dead = (description: string) =>
    has('dead-refresh-token-401') ? grantFailure('invalid_request', description, 401) : grantFailure('invalid_grant', description);

  const previous = store.findRefreshToken(request.refresh_token);
  if (previous === undefined || previous.clientId !== client.clientId) return dead('the refresh token is unknown or was issued to another client');
  if (previous.revoked || store.isFamilyRevoked(previous.familyId)) return dead('the refresh token was revoked');
  if (!client.grantTypes.includes('refresh_token')) return grantFailure('unauthorized_client', 'this client may not use refresh tokens');

  const now = clock.now();
  if (previous.supersededAtMs !== undefined) {
    if (has('reuse-revokes-family')) {
      store.revokeFamily(previous.familyId);
      return dead('the refresh token was replaced; every token of this grant is now revoked');
    }
    const graceMs = has('rotate-without-grace') ? 0 : options.refreshTokenGraceSeconds * 1000;
    if (now >= previous.supersededAtMs + graceMs) return dead('the refresh token was replaced by a newer one');
  }
  const target = checkResources(ctx, request.resources);
  if (target !== undefined) return { ok: false, failure: target };

  const requested = parseScope(request.scope);
  if (!isSubset(requested, previous.scope)) return grantFailure('invalid_scope', 'a refresh cannot widen the scope of the grant');
  const scope = requested.length === 0 ? previous.scope : requested;

  // The grace window starts at the first replacement; later uses inside it must not extend it. Marked before the
  // await below, so a racing refresh with the same token sees it replaced (without grace: refused) every time.
  if (!has('refresh-not-rotated')) previous.supersededAtMs ??= now;
  const tokens = await issueTokens(ctx, {
    client,
    userId: previous.userId,
    scope,
    familyId: previous.familyId,
    viaRefresh: true,
    // RFC 6749 §6: a new refresh token keeps the scope of the one it replaces, even when the access token narrows.
    refreshToken: has('refresh-not-rotated') ? { kind: 'same', token: previous.token } : { kind: 'new', scope: previous.scope },
  });
  return { ok: true, tokens };
}
