import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { fixForMissingRefreshToken } from '../provider/refresh-token-fix.ts';
import { hasReportedAlias } from './reported-aliases.ts';
import { describeValue, tokenDraft } from './token-draft.ts';

function lifetime(seconds: number | undefined): string {
  if (seconds === undefined) return 'once it expires';
  const readable = seconds >= 3600 ? `${+(seconds / 3600).toFixed(1)} h` : `${+(seconds / 60).toFixed(1)} min`;
  return `after ${seconds} s (${readable})`;
}

/**
 * REFRESH_TOKEN_MISSING: an expiring token without a refresh token. Only for the code exchange: a refresh answer
 * may omit it (RFC 6749 §6), and what that does is the lifecycle's call (REFRESH_TOKEN_LOST / REFRESH_OMITS_...).
 */
export const checkRefreshTokenMissing = defineCheck<TokenResponseFacts>({ id: 'token-response-has-refresh-token', codes: ['REFRESH_TOKEN_MISSING'] }, (facts) => {
  const http = facts.http;
  if (facts.grant !== 'authorization_code' || !http?.tokens || http.tokens.refreshToken) return [];
  const expires = http.top?.expires_in;
  if (expires === undefined || expires === null || hasReportedAlias(http, 'refresh_token')) return [];
  const present = http.top && 'refresh_token' in http.top ? ` (refresh_token is ${describeValue(http.top.refresh_token)})` : '';
  return [
    tokenDraft(
      facts,
      'REFRESH_TOKEN_MISSING',
      `the code exchange returned expires_in ${describeValue(expires)} but no usable refresh_token${present}: users lose access ${lifetime(http.tokens.expiresInSeconds)} and must sign in again`,
      fixForMissingRefreshToken(facts.provider),
    ),
  ];
});
