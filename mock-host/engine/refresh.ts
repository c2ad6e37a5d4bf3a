import { checkAccessSurvivesExpiry, LOST_ACCESS_CAUSES, type LostAccessInput } from '../checks/refresh/lost-access.ts';
import { checkOmittedRefreshTokenKeptWorking, checkPublicClientRefreshRotated, checkRefreshAccepted, type HostRefresh } from '../checks/refresh/refresh-outcome.ts';
import { checkRefreshWithoutScope, checkResourceAccepted } from '../checks/token/client-kind-rejected.ts';
import { checkRefreshKeepsScope } from '../checks/refresh/refresh-scope.ts';
import type { FindingCode } from '../findings/catalog.ts';
import { isExpired, storedCredentials, type Credentials } from '../model/credentials.ts';
import type { TokenSet } from '../oauth/token-set.ts';
import type { HostSession } from './session.ts';
import { grantedScope, requestTokens, type GrantResult } from './token-grants.ts';

/** The refresh request the host sends for the refresh token it holds (the profile's fields, `resource` when it sends one). */
export function refreshFields(session: HostSession, refreshToken: string) {
  const resource = session.oauth().resource;
  return { grant: 'refresh_token' as const, refreshToken, ...(resource ? { resource } : {}) };
}

/**
 * The host's refresh (PROTOCOL.md §2, modelled on RFC 6749 §6): same endpoint and encoding as the exchange. New
 * tokens replace the old ones; a response without refresh_token keeps the previous one when the profile says so.
 * Returns false when the host is left without a usable token.
 */
export async function refreshCredentials(session: HostSession): Promise<boolean> {
  const before = session.credentials;
  if (!before?.refreshToken) return false;
  const result = await requestTokens(session, refreshFields(session, before.refreshToken), 'host', { label: 'refresh access token' });
  const refresh: HostRefresh = {
    issued: !!result.tokens,
    ...(result.failure ? { failure: result.failure } : {}),
    usedKeptRefreshToken: before.refreshTokenKeptFromBefore,
    exchangeId: result.outcome.exchangeId,
    curl: result.curl,
  };
  if (!result.tokens) {
    const diagnosed = await diagnoseRefusedRefresh(session, before.refreshToken, result);
    // A refusal the diagnosis explains (no scope, a resource with a path) is that finding, not a bare REFRESH_REJECTED.
    if (!diagnosed) session.findings.run(checkRefreshAccepted, refresh);
    return false;
  }
  session.findings.run(checkRefreshAccepted, refresh);
  const client = await session.client();
  if (session.profile.flow.refresh.rotatesPublicClients && client.authMethod === 'none') {
    session.findings.run(checkPublicClientRefreshRotated, { ...refresh, previous: before.refreshToken, ...(result.tokens.refreshToken ? { returned: result.tokens.refreshToken } : {}) });
  } else session.findings.run(checkOmittedRefreshTokenKeptWorking, refresh);
  const original = grantedScope(session);
  session.findings.run(checkRefreshKeepsScope, { ...(original !== undefined ? { original } : {}), ...(result.tokens.scope !== undefined ? { refreshed: result.tokens.scope } : {}), exchangeId: result.outcome.exchangeId });
  keepRefreshedTokens(session, before, result.tokens);
  return true;
}

/**
 * Stores a successful refresh's tokens as the host does: they replace the old ones, and a response without
 * refresh_token keeps the previous one when the profile says so. Probes that refresh call this too, so the host
 * never goes on with a refresh token the server has already rotated away.
 */
export function keepRefreshedTokens(session: HostSession, before: Credentials, t: TokenSet): void {
  const policy = session.profile.flow.refresh;
  const keepOld = !t.refreshToken && policy.keepsRefreshTokenWhenOmitted;
  session.credentials = storedCredentials(
    { ...t, refreshToken: t.refreshToken ?? (keepOld ? before.refreshToken : undefined), scope: t.scope ?? before.scope },
    session.now(),
    { source: 'refresh', generation: before.generation + 1, refreshTokenKeptFromBefore: keepOld },
    policy.assumedLifetimeSeconds,
  );
  const c = session.credentials;
  session.emit({ type: 'credentials-stored', generation: c.generation, ...(c.expiresAt !== undefined ? { expiresAt: c.expiresAt } : {}), hasRefreshToken: !!c.refreshToken, source: 'refresh' });
}

/** The findings so far that explain why the host has no way to a fresh access token. */
export function lostAccessCauses(session: HostSession): FindingCode[] {
  return LOST_ACCESS_CAUSES.filter((code) => session.findings.has(code));
}

/**
 * The token the host would send now. The profile's refresh policy says whether to refresh first; when the token is
 * due and no refresh gives a new one, the host refuses to call the target at all, which users see as the profile's
 * lost-credentials message (USER_MISSING_CREDENTIALS for the legacy hosts).
 */
export async function usableAccessToken(session: HostSession): Promise<string> {
  const c = session.credentials;
  if (!c) return session.abort('no credentials: the install step has not run or failed', 'inconclusive');
  if (!session.profile.flow.refresh.refreshBeforeCall(c, session.now())) return c.accessToken;
  if (c.refreshToken && (await refreshCredentials(session)) && session.credentials) return session.credentials.accessToken;
  // A refresh ahead of expiry that failed leaves the current token, which still works for now.
  if (!isExpired(c, session.now())) return c.accessToken;
  return loseAccess(session, c);
}

/**
 * The host is left without a usable token: users see the profile's lost-credentials message (USER_MISSING_CREDENTIALS
 * for the legacy hosts, CONNECTION_EXPIRED for MCP hosts), linked to the root-cause findings. Stops the lifecycle.
 */
export function loseAccess(session: HostSession, c: Credentials, hostDefect?: string, how: LostAccessInput['how'] = 'refresh-failed'): never {
  const causes = lostAccessCauses(session);
  const { lostCredentials } = session.profile;
  const appName = session.target?.nameForHuman;
  session.findings.run(checkAccessSurvivesExpiry, {
    lost: true,
    heldRefreshToken: !!c.refreshToken,
    ...(c.expiresInSeconds !== undefined ? { lifetimeSeconds: c.expiresInSeconds } : {}),
    lostCredentials,
    causes: session.findings.list().filter((f) => causes.includes(f.code)),
    ...(hostDefect ? { hostDefect } : {}),
    ...(appName ? { appName } : {}),
    how,
  });
  const why = how === 'refreshed-token-refused' ? 'the token the refresh gave is refused' : c.refreshToken ? 'the refresh failed' : 'the host holds no refresh token';
  return session.abort(`${lostCredentials.userMessage.replaceAll('<App>', appName ?? 'the app')}: ${hostDefect ?? why}`, 'failed', [lostCredentials.code, ...causes]);
}

/** Moves the host's clock just past the current token's expiry; without expiry, a day on (the host keeps it). */
export function advancePastExpiry(session: HostSession): number {
  const c = session.credentials;
  const seconds = c?.expiresAt !== undefined ? Math.max(0, Math.ceil((c.expiresAt - session.now()) / 1000)) + 1 : 86_400;
  session.advanceClock(seconds);
  return seconds;
}

/**
 * The host's refresh was refused. MCP hosts send no scope and (some) a resource with a path, both of which real
 * servers refuse (Entra): retry with the grant's scope, then without resource, to name what the server objects to.
 * True when one of the retries explains the refusal. The retries' tokens are not kept: the host never sends them.
 */
async function diagnoseRefusedRefresh(session: HostSession, refreshToken: string, failed: GrantResult): Promise<boolean> {
  if (failed.rejection?.status !== 400 && failed.rejection?.status !== 401) return false;
  const fields = refreshFields(session, refreshToken);
  const scope = grantedScope(session) ?? session.credentials?.scope;
  if (scope) {
    const retry = await requestTokens(session, fields, 'diagnose', { overrides: { scope }, label: 'diagnose: the same refresh with the granted scope' });
    const found = session.findings.run(checkRefreshWithoutScope, { scope, withScopeIssued: !!retry.tokens, failedExchangeId: failed.outcome.exchangeId, retryExchangeId: retry.outcome.exchangeId, curl: failed.curl });
    if (found.length) return true;
  }
  if (fields.resource) {
    const { resource, ...withoutResource } = fields;
    const retry = await requestTokens(session, withoutResource, 'diagnose', { label: 'diagnose: the same refresh without resource' });
    const found = session.findings.run(checkResourceAccepted, { resource, grant: 'refresh_token', withoutIssued: !!retry.tokens, failedExchangeId: failed.outcome.exchangeId, retryExchangeId: retry.outcome.exchangeId, curl: failed.curl });
    if (found.length) return true;
  }
  return false;
}
