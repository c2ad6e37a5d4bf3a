import { keepRefreshedTokens, lostAccessCauses, refreshCredentials } from '../refresh.ts';
import type { HostSession } from '../session.ts';
import { probeGrant } from './probe-grant.ts';

function heldRefreshToken(session: HostSession): string {
  const rt = session.credentials?.refreshToken;
  if (!session.credentials) return session.abort('no credentials: install first', 'inconclusive');
  if (!rt) return session.abort('the plugin issued no refresh token, so there is nothing to probe (see absent-refresh-token)', 'skipped');
  return rt;
}

/** Refreshes, then replays the previous refresh token: rotation, and whether a replay kills the newest token. */
export async function probeRefreshRotation(session: HostSession): Promise<string> {
  const previous = heldRefreshToken(session);
  if (!(await refreshCredentials(session))) return session.abort('the refresh failed', 'failed', lostAccessCauses(session));
  const newest = session.credentials?.refreshToken;
  if (!newest || newest === previous) return 'the refresh token did not rotate';
  const replay = await probeGrant(session, { grant: 'refresh_token', refreshToken: previous }, { label: 'probe: reuse the previous refresh token' });
  if (replay.tokens) return 'rotated; the previous refresh token still works (grace period)';
  session.findings.add({
    code: 'REFRESH_TOKEN_ROTATED',
    message: 'each refresh returns a new refresh token and the previous one is refused at once',
    fix: 'Nothing to fix for this host, which keeps the newest token; a short grace period for the previous token makes lost responses survivable.',
    evidence: [replay.outcome.exchangeId],
  });
  const before = session.credentials;
  const check = await probeGrant(session, { grant: 'refresh_token', refreshToken: newest }, { label: 'probe: the newest refresh token after the replay' });
  if (check.tokens) {
    // That check was a real refresh: with rotation, `newest` is now the replaced one.
    if (before) keepRefreshedTokens(session, before, check.tokens);
    return 'rotated; the newest refresh token survived the replay';
  }
  session.findings.add({
    code: 'REFRESH_REUSE_REVOKES_FAMILY',
    message: 'after the previous refresh token was replayed, the newest one was refused too: the whole grant was revoked',
    fix: 'Allow a grace period (e.g. 30-60 s) in which the previous refresh token still works, or make the host never replay (it cannot guarantee that across lost responses).',
    evidence: [replay.outcome.exchangeId, check.outcome.exchangeId],
    reproduce: session.recorder.curlOf(check.outcome.exchangeId),
  });
  return 'a replay revoked the token family';
}

/** Two simultaneous refreshes with one refresh token, as parallel tool calls right after expiry produce. */
export async function probeConcurrentRefresh(session: HostSession): Promise<string> {
  const rt = heldRefreshToken(session);
  const before = session.credentials;
  const results = await Promise.all([1, 2].map((n) => probeGrant(session, { grant: 'refresh_token', refreshToken: rt }, { label: `probe: concurrent refresh ${n} of 2` })));
  // The host keeps whichever answer it stored last; without this it would go on with the rotated-away token.
  const kept = results.findLast((r) => r.tokens)?.tokens;
  if (before && kept) keepRefreshedTokens(session, before, kept);
  const failed = results.filter((r) => !r.tokens);
  if (failed.length === 0) return 'both concurrent refreshes succeeded';
  if (failed.length === results.length) return session.abort('both concurrent refreshes failed: the refresh itself does not work (see expired-token-refresh)', 'inconclusive');
  session.findings.add({
    code: 'REFRESH_CONCURRENT_FAILS',
    message: `of two simultaneous refreshes with the same refresh token, one failed (${failed[0]?.failure ?? 'no token'})`,
    fix: 'Give the previous refresh token a short grace period after rotation (or return the same new token to both), so racing refreshes both succeed.',
    evidence: results.map((r) => r.outcome.exchangeId),
  });
  return 'one of two concurrent refreshes failed';
}
