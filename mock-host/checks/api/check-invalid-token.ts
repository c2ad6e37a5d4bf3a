import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import { hasBearerChallenge } from './bearer-challenge.ts';

export type InvalidCredential = 'garbage' | 'missing' | 'expired';

const DESCRIBED: Record<InvalidCredential, string> = {
  garbage: 'a garbage bearer token',
  missing: 'no Authorization header',
  expired: 'an expired access token',
};

/** RFC 6750 §3: a request without a valid token gets 401 with a Bearer challenge; never 2xx, 403, 5xx or a redirect. */
export const checkInvalidCredentialAnswer = defineCheck<{
  outcome: HttpOutcome;
  credential: InvalidCredential;
  operationId: string;
  curl: string;
}>({ id: 'api-refuses-bad-credentials-with-401', codes: ['API_401_WITHOUT_CHALLENGE', 'API_ACCEPTS_EXPIRED_TOKEN', 'API_ACCEPTS_INVALID_TOKEN', 'API_ACCEPTS_MISSING_TOKEN', 'API_INVALID_TOKEN_STATUS'] }, (args) => {
  const { outcome, credential, operationId, curl } = args;
  const res = outcome.response;
  if (!res) return [];
  const evidence = [outcome.exchangeId];
  const what = DESCRIBED[credential];
  const looksLikeError = /"?(error|invalid|unauthori[sz]ed|expired)"?/i.test(res.body.slice(0, 2000));
  if (res.status >= 200 && res.status < 300 && !looksLikeError) {
    if (credential === 'expired') {
      return [{
        code: 'API_ACCEPTS_EXPIRED_TOKEN',
        message: `${operationId} answered ${res.status} to ${what}`,
        fix: 'Check the token expiry (exp / stored expiry) on every request and answer 401 invalid_token once it has passed.',
        evidence,
        reproduce: curl,
      }];
    }
    return [{
      code: credential === 'garbage' ? 'API_ACCEPTS_INVALID_TOKEN' : 'API_ACCEPTS_MISSING_TOKEN',
      message: `${operationId} answered ${res.status} to ${what}`,
      fix: 'Validate the bearer token on every operation that needs the user, and answer 401 with WWW-Authenticate: Bearer when it is missing or invalid.',
      evidence,
      reproduce: curl,
    }];
  }
  if (res.status !== 401) {
    return [{
      code: 'API_INVALID_TOKEN_STATUS',
      message: `${operationId} answered ${res.status}${res.status < 300 ? ' with an error body' : ''} to ${what} (expected 401)`,
      fix: 'Answer 401 with WWW-Authenticate: Bearer error="invalid_token" for missing, invalid or expired tokens; keep 403 for insufficient scope only. Hosts refresh or re-authenticate only on 401.',
      evidence,
      reproduce: curl,
    }];
  }
  if (!hasBearerChallenge(res.headers)) {
    return [{
      code: 'API_401_WITHOUT_CHALLENGE',
      message: `${operationId} answered 401 to ${what} without a WWW-Authenticate: Bearer header${res.headers['www-authenticate'] ? ` (got "${res.headers['www-authenticate'].slice(0, 80)}")` : ''}`,
      fix: 'Add WWW-Authenticate: Bearer realm="…", error="invalid_token" to every 401 (RFC 6750 §3).',
      evidence,
      reproduce: curl,
    }];
  }
  return [];
});

/** RFC 7235 §2.1: the auth scheme is case-insensitive, and hosts echo token_type "bearer" as sent. */
export const checkBearerCase = defineCheck<{ upper: HttpOutcome; lower: HttpOutcome; operationId: string; curl: string }>({ id: 'api-bearer-scheme-case-insensitive', codes: ['API_BEARER_CASE_SENSITIVE'] }, (args) => {
  const ok = (o: HttpOutcome) => !!o.response && o.response.status >= 200 && o.response.status < 300;
  if (ok(args.upper) && !ok(args.lower)) {
    return [{
      code: 'API_BEARER_CASE_SENSITIVE',
      message: `${args.operationId} accepts "Bearer <token>" but answered ${args.lower.response?.status ?? args.lower.error?.message} to "bearer <token>"`,
      fix: 'Compare the Authorization scheme case-insensitively.',
      evidence: [args.lower.exchangeId],
      reproduce: args.curl,
    }];
  }
  return [];
});
