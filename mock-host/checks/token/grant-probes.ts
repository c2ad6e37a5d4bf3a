import { defineCheck } from '../../findings/check.ts';

/** A probe's token request and whether the endpoint issued tokens for it. */
export interface ProbedGrant {
  issued: boolean;
  exchangeId: string;
  /** The probe's own request as a curl, its own values as their own $VARIABLES. */
  curl: string;
}

const cite = (g: ProbedGrant) => ({ evidence: [g.exchangeId], ...(g.curl ? { reproduce: g.curl } : {}) });

/** RFC 6749 §4.1.2: a code is single-use. */
export const checkCodeSingleUse = defineCheck<{ replay: ProbedGrant }>({ id: 'code-single-use', codes: ['CODE_REUSE_ACCEPTED'] }, ({ replay }) =>
  replay.issued
    ? [
        {
          code: 'CODE_REUSE_ACCEPTED',
          message: 'the authorization code was exchanged successfully a second time',
          fix: 'Mark codes used at the first exchange and refuse them afterwards; on a replay, also revoke the tokens issued for that code (RFC 6749 §4.1.2).',
          ...cite(replay),
        },
      ]
    : [],
);

/** RFC 6749 §3.2.1: a confidential client must authenticate. */
export const checkClientSecretVerified = defineCheck<{ wrongSecret: ProbedGrant }>({ id: 'client-secret-verified', codes: ['CLIENT_SECRET_NOT_VERIFIED'] }, ({ wrongSecret }) =>
  wrongSecret.issued
    ? [
        {
          code: 'CLIENT_SECRET_NOT_VERIFIED',
          message: 'the token endpoint issued tokens to a request with a wrong client_secret',
          fix: 'Verify client_secret (in constant time) for every grant; answer 401 invalid_client when it is wrong.',
          ...cite(wrongSecret),
        },
      ]
    : [],
);

/** RFC 6749 §4.1.3: the exchange's redirect_uri must equal the authorized one. */
export const checkRedirectUriBound = defineCheck<{ authorized: string; exchangedWith: string; grant: ProbedGrant }>(
  { id: 'code-bound-to-redirect-uri', codes: ['REDIRECT_URI_NOT_BOUND'] },
  ({ authorized, exchangedWith, grant }) =>
    grant.issued
      ? [
          {
            code: 'REDIRECT_URI_NOT_BOUND',
            message: `the code authorized for ${authorized} was exchanged with redirect_uri=${exchangedWith}`,
            fix: 'Store the redirect_uri with the code and refuse an exchange whose redirect_uri differs (invalid_grant).',
            ...cite(grant),
          },
        ]
      : [],
);
