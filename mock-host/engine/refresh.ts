import { findingDocPath, type FindingCode } from '../findings/catalog.ts';
import { citeExchange } from '../findings/evidence.ts';
import { isExpired, storedCredentials, type Credentials } from '../model/credentials.ts';
import type { TokenSet } from '../oauth/token-set.ts';
import type { HostSession } from './session.ts';
import { hostGrant } from './token-grants.ts';

const scopeSet = (s: string | undefined): Set<string> => new Set((s ?? '').split(/[\s,]+/).filter(Boolean));

/**
 * The host's refresh (PROTOCOL.md §2, modelled on RFC 6749 §6): same endpoint and encoding as the exchange. New
 * tokens replace the old ones; a response without refresh_token keeps the previous one when the profile says so.
 * Returns false when the host is left without a usable token.
 */
export async function refreshCredentials(session: HostSession): Promise<boolean> {
  const before = session.credentials;
  if (!before?.refreshToken) return false;
  const result = await hostGrant(session, { grant: 'refresh_token', refreshToken: before.refreshToken }, 'refresh access token');
  const cited = citeExchange(session.recorder, result.outcome.exchangeId);
  if (!result.tokens) {
    if (before.refreshTokenKeptFromBefore) {
      session.findings.add({
        code: 'REFRESH_TOKEN_LOST',
        message: `the previous refresh response had no refresh_token, and the refresh token the host kept is now refused (${result.failure ?? 'no token'})`,
        fix: 'Either return a new refresh_token with every refresh response, or keep the old refresh token valid when you omit it.',
        ...cited,
      });
    } else {
      session.findings.add({
        code: 'REFRESH_REJECTED',
        message: `grant_type=refresh_token with the stored refresh token failed: ${result.failure ?? 'no token in the answer'}`,
        fix: 'Enable the refresh_token grant for this client and accept refresh tokens you issued, with the same client authentication and body encoding as the code exchange.',
        ...cited,
      });
    }
    return false;
  }
  if (before.refreshTokenKeptFromBefore) {
    session.findings.add({
      code: 'REFRESH_OMITS_REFRESH_TOKEN',
      message: 'a refresh response had no refresh_token; the host kept the previous one and it still works',
      fix: 'Nothing breaks for this host; returning the refresh token (new or the same) in every refresh response is more robust for other clients.',
      evidence: cited.evidence,
    });
  }
  const originalScope = session.tokenEvents.find((e) => e.grant === 'authorization_code' && e.ok)?.scope;
  if (originalScope !== undefined && result.tokens.scope !== undefined) {
    const now = scopeSet(result.tokens.scope);
    const lost = [...scopeSet(originalScope)].filter((s) => !now.has(s));
    if (lost.length) {
      session.findings.add({
        code: 'REFRESH_SCOPE_NARROWED',
        message: `the refreshed token lacks scope ${lost.join(', ')} (original "${originalScope}", refreshed "${result.tokens.scope}")`,
        fix: 'Keep the originally granted scope on refresh when the request names none (RFC 6749 §6).',
        evidence: cited.evidence,
      });
    }
  }
  keepRefreshedTokens(session, before, result.tokens);
  return true;
}

/**
 * Stores a successful refresh's tokens as the host does: they replace the old ones, and a response without
 * refresh_token keeps the previous one when the profile says so. Probes that refresh call this too, so the host
 * never goes on with a refresh token the server has already rotated away.
 */
export function keepRefreshedTokens(session: HostSession, before: Credentials, t: TokenSet): void {
  const keepOld = !t.refreshToken && session.profile.token.keepsRefreshTokenWhenOmitted;
  session.credentials = storedCredentials(
    { ...t, refreshToken: t.refreshToken ?? (keepOld ? before.refreshToken : undefined), scope: t.scope ?? before.scope },
    session.now(),
    { source: 'refresh', generation: before.generation + 1, refreshTokenKeptFromBefore: keepOld },
    session.profile.token.assumedLifetimeSeconds,
  );
}

const LOST_ACCESS_CAUSES: readonly FindingCode[] = [
  'REFRESH_TOKEN_MISSING',
  'REFRESH_TOKEN_LOST',
  'REFRESH_REJECTED',
  'TOKEN_ERROR_WITH_200',
  'TOKEN_FIELDS_NONSTANDARD',
  'TOKEN_RESPONSE_NOT_JSON',
  'TOKEN_ENDPOINT_UNREACHABLE',
];

/** The findings so far that explain why the host has no way to a fresh access token. */
export function lostAccessCauses(session: HostSession): FindingCode[] {
  return LOST_ACCESS_CAUSES.filter((code) => session.findings.has(code));
}

/**
 * The token the host would send now. An expired one is refreshed first; when that is impossible the host refuses to
 * call the plugin at all, which users see as the profile's lost-credentials message (USER_MISSING_CREDENTIALS).
 */
export async function usableAccessToken(session: HostSession): Promise<string> {
  const c = session.credentials;
  if (!c) return session.abort('no credentials: the install step has not run or failed', 'inconclusive');
  if (!isExpired(c, session.now())) return c.accessToken;
  if (c.refreshToken && (await refreshCredentials(session)) && session.credentials) return session.credentials.accessToken;
  const causes = lostAccessCauses(session);
  const { userMessage, hostBehaviour } = session.profile.lostCredentials;
  const why = c.refreshToken ? 'the refresh failed' : 'the host holds no refresh token';
  session.findings.add({
    code: 'USER_MISSING_CREDENTIALS',
    message: `the access token expired on the host's clock (after ${c.expiresInSeconds ?? '?'} s) and ${why}. Users see: ${userMessage}. ${hostBehaviour}. Root cause: ${causes.length ? causes.map((c) => `${c} (${findingDocPath(c)})`).join(', ') : 'see the refresh exchange'}.`,
    fix: causes.includes('REFRESH_TOKEN_MISSING')
      ? 'Return a refresh_token with the access token (see REFRESH_TOKEN_MISSING for the provider switch), and accept grant_type=refresh_token.'
      : 'Make grant_type=refresh_token work with the refresh token you issued (see the root-cause finding).',
    // The exchanges of the root-cause findings: where the refresh token went missing or was refused.
    evidence: [...new Set(session.findings.list().filter((f) => causes.includes(f.code)).flatMap((f) => f.evidence))],
  });
  return session.abort(`${userMessage}: ${why}`, 'failed', ['USER_MISSING_CREDENTIALS', ...causes]);
}

/** Moves the host's clock just past the current token's expiry; without expiry, a day on (the host keeps it). */
export function advancePastExpiry(session: HostSession): number {
  const c = session.credentials;
  const seconds = c?.expiresAt !== undefined ? Math.max(0, Math.ceil((c.expiresAt - session.now()) / 1000)) + 1 : 86_400;
  session.clock.advance(seconds);
  return seconds;
}
