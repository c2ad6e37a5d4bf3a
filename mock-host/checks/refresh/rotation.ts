import { defineCheck } from '../../findings/check.ts';
import type { ProbedGrant } from '../token/grant-probes.ts';

/**
 * RFC 9700 §4.14.2: after a rotation, the previous refresh token is replayed, then the newest one is tried. A refused
 * replay is rotation (info); a newest token refused after it means the replay revoked the whole family.
 */
export const checkRefreshRotationSurvivesReplay = defineCheck<{ replay: ProbedGrant; newestAfterReplay?: ProbedGrant }>(
  { id: 'refresh-replay-keeps-newest-token', codes: ['REFRESH_TOKEN_ROTATED', 'REFRESH_REUSE_REVOKES_FAMILY'] },
  ({ replay, newestAfterReplay }) => {
    if (replay.issued) return [];
    const rotated = {
      code: 'REFRESH_TOKEN_ROTATED' as const,
      message: 'each refresh returns a new refresh token and the previous one is refused at once',
      fix: 'Nothing to fix for this host, which keeps the newest token; a short grace period for the previous token makes lost responses survivable.',
      evidence: [replay.exchangeId],
    };
    if (!newestAfterReplay || newestAfterReplay.issued) return [rotated];
    return [
      rotated,
      {
        code: 'REFRESH_REUSE_REVOKES_FAMILY',
        message: 'after the previous refresh token was replayed, the newest one was refused too: the whole grant was revoked',
        fix: 'Allow a grace period (e.g. 30-60 s) in which the previous refresh token still works, or make the host never replay (it cannot guarantee that across lost responses).',
        evidence: [replay.exchangeId, newestAfterReplay.exchangeId],
        reproduce: newestAfterReplay.curl,
      },
    ];
  },
);

/** Two simultaneous refreshes with one refresh token, as parallel tool calls right after expiry produce. */
export const checkConcurrentRefreshes = defineCheck<{ results: readonly (ProbedGrant & { failure?: string })[] }>(
  { id: 'concurrent-refreshes-succeed', codes: ['REFRESH_CONCURRENT_FAILS'] },
  ({ results }) => {
    const failed = results.filter((r) => !r.issued);
    // All failing is no race: the refresh itself is broken, which the refresh scenarios report.
    if (failed.length === 0 || failed.length === results.length) return [];
    return [
      {
        code: 'REFRESH_CONCURRENT_FAILS',
        // Stryker disable next-line OptionalChaining: failed is non-empty here (the check returned on an empty list)
        message: `of ${results.length} simultaneous refreshes with the same refresh token, ${failed.length} failed (${failed[0]?.failure ?? 'no token'})`,
        fix: 'Give the previous refresh token a short grace period after rotation (or return the same new token to both), so racing refreshes both succeed.',
        evidence: results.map((r) => r.exchangeId),
      },
    ];
  },
);
