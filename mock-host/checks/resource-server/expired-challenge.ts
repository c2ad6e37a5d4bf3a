import { defineCheck } from '../../findings/check.ts';
import { bearerChallenge } from '../../oauth/www-authenticate.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';

/**
 * EXPIRED_TOKEN_CHALLENGE_NO_ERROR: the 401 for an expired or revoked token names `error="invalid_token"`, so a
 * host can tell "refresh now" from "sign in". A 401 without any Bearer challenge is API_401_WITHOUT_CHALLENGE.
 */
export const checkExpiredChallengeNamesError = defineCheck<{ outcome: HttpOutcome; credential: 'expired' | 'revoked'; curl: string }>(
  { id: 'mcp-expired-token-challenge-names-invalid-token', codes: ['EXPIRED_TOKEN_CHALLENGE_NO_ERROR'] },
  ({ outcome, credential, curl }) => {
    const res = outcome.response;
    if (res?.status !== 401) return [];
    const challenge = bearerChallenge(res.headers['www-authenticate']);
    if (!challenge) return [];
    const error = challenge.params.error;
    if (error === 'invalid_token') return [];
    return [{
      code: 'EXPIRED_TOKEN_CHALLENGE_NO_ERROR',
      message: `the 401 for the ${credential} access token has ${error ? `error="${error.slice(0, 60)}"` : 'no error parameter'} in its Bearer challenge (expected error="invalid_token")`,
      fix: 'Answer an expired or revoked token with 401 and WWW-Authenticate: Bearer error="invalid_token", error_description="…", resource_metadata="…" (RFC 6750 §3.1).',
      evidence: [outcome.exchangeId],
      reproduce: curl,
    }];
  },
);
