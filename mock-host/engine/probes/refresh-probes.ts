import { checkDeadRefreshTokenRefusedAsInvalidGrant } from '../../checks/refresh/dead-refresh-token.ts';
import { checkConcurrentRefreshes, checkRefreshRotationSurvivesReplay } from '../../checks/refresh/rotation.ts';
import type { ProbedGrant } from '../../checks/token/grant-probes.ts';
import type { Check } from '../../findings/check.ts';
import { keepRefreshedTokens, lostAccessCauses, refreshCredentials, refreshFields } from '../refresh.ts';
import type { HostSession } from '../session.ts';
import { requestTokens, type GrantResult } from '../token-grants.ts';

const probed = (r: GrantResult): ProbedGrant & { failure?: string } => ({ issued: !!r.tokens, exchangeId: r.outcome.exchangeId, curl: r.curl, ...(r.failure ? { failure: r.failure } : {}) });

function heldRefreshToken(session: HostSession, probing: Pick<Check<never>, 'id' | 'codes' | 'spec'>): string {
  const rt = session.credentials?.refreshToken;
  if (!session.credentials) return session.abort('no credentials: install first', 'inconclusive');
  if (!rt) {
    session.findings.skip(probing, 'no refresh token was issued');
    return session.abort('the plugin issued no refresh token, so there is nothing to probe (see absent-refresh-token)', 'skipped');
  }
  return rt;
}

const probeRefresh = (session: HostSession, refreshToken: string, label: string) => requestTokens(session, refreshFields(session, refreshToken), 'probe', { label });

/** Refreshes, then replays the previous refresh token: rotation, and whether a replay kills the newest token. */
export async function probeRefreshRotation(session: HostSession): Promise<string> {
  const previous = heldRefreshToken(session, checkRefreshRotationSurvivesReplay);
  if (!(await refreshCredentials(session))) return session.abort('the refresh failed', 'failed', lostAccessCauses(session));
  const newest = session.credentials?.refreshToken;
  if (!newest || newest === previous) return 'the refresh token did not rotate';
  const replay = await probeRefresh(session, previous, 'probe: reuse the previous refresh token');
  if (replay.tokens) {
    session.findings.run(checkRefreshRotationSurvivesReplay, { replay: probed(replay) });
    return 'rotated; the previous refresh token still works (grace period)';
  }
  const before = session.credentials;
  const check = await probeRefresh(session, newest, 'probe: the newest refresh token after the replay');
  // That check was a real refresh: with rotation, `newest` is now the replaced one.
  if (before && check.tokens) keepRefreshedTokens(session, before, check.tokens);
  session.findings.run(checkRefreshRotationSurvivesReplay, { replay: probed(replay), newestAfterReplay: probed(check) });
  return check.tokens ? 'rotated; the newest refresh token survived the replay' : 'a replay revoked the token family';
}

/** Two simultaneous refreshes with one refresh token, as parallel tool calls right after expiry produce. */
export async function probeConcurrentRefresh(session: HostSession): Promise<string> {
  const rt = heldRefreshToken(session, checkConcurrentRefreshes);
  const before = session.credentials;
  const results = await Promise.all([1, 2].map((n) => probeRefresh(session, rt, `probe: concurrent refresh ${n} of 2`)));
  // The host keeps whichever answer it stored last; without this it would go on with the rotated-away token.
  const kept = results.findLast((r) => r.tokens)?.tokens;
  if (before && kept) keepRefreshedTokens(session, before, kept);
  const failed = results.filter((r) => !r.tokens);
  if (failed.length === results.length) return session.abort('both concurrent refreshes failed: the refresh itself does not work (see expired-token-refresh)', 'inconclusive');
  session.findings.run(checkConcurrentRefreshes, { results: results.map(probed) });
  return failed.length === 0 ? 'both concurrent refreshes succeeded' : 'one of two concurrent refreshes failed';
}

/**
 * A refresh with a refresh token the server never issued (as a host holding one the server forgot, or a garbled one):
 * the answer must be 400 invalid_grant, the one error that makes hosts re-link. The host's own tokens are untouched.
 */
export async function probeDeadRefreshToken(session: HostSession): Promise<string> {
  heldRefreshToken(session, checkDeadRefreshTokenRefusedAsInvalidGrant);
  const unknown = await probeRefresh(session, `conformance-dead-${crypto.randomUUID()}`, 'probe: refresh with a refresh token the server never issued');
  session.findings.run(checkDeadRefreshTokenRefusedAsInvalidGrant, {
    answers: [{ token: 'one the server never issued', issued: !!unknown.tokens, ...(unknown.rejection ? { rejection: unknown.rejection } : {}), exchangeId: unknown.outcome.exchangeId, curl: unknown.curl }],
  });
  if (unknown.tokens) return 'the server issued tokens for a refresh token it never issued';
  return unknown.rejection ? `refused with HTTP ${unknown.rejection.status}${unknown.rejection.error ? ` ${unknown.rejection.error}` : ''}` : (unknown.failure ?? 'no answer');
}
