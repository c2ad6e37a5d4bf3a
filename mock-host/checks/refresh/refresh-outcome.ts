import { defineCheck } from '../../findings/check.ts';

/** One refresh the host made, and what it held before. */
export interface HostRefresh {
  issued: boolean;
  failure?: string;
  /** The refresh token used had been kept from before: the previous refresh response had none. */
  usedKeptRefreshToken: boolean;
  exchangeId: string;
  curl: string;
}

const cite = (r: HostRefresh) => ({ evidence: [r.exchangeId], ...(r.curl ? { reproduce: r.curl } : {}) });

/** RFC 6749 §6: the refresh grant works with the refresh token the host holds. */
export const checkRefreshAccepted = defineCheck<HostRefresh>({ id: 'refresh-grant-succeeds', codes: ['REFRESH_REJECTED', 'REFRESH_TOKEN_LOST'] }, (r) => {
  if (r.issued) return [];
  if (r.usedKeptRefreshToken) {
    return [
      {
        code: 'REFRESH_TOKEN_LOST',
        message: `the previous refresh response had no refresh_token, and the refresh token the host kept is now refused (${r.failure ?? 'no token'})`,
        fix: 'Either return a new refresh_token with every refresh response, or keep the old refresh token valid when you omit it.',
        ...cite(r),
      },
    ];
  }
  return [
    {
      code: 'REFRESH_REJECTED',
      message: `grant_type=refresh_token with the stored refresh token failed: ${r.failure ?? 'no token in the answer'}`,
      fix: 'Enable the refresh_token grant for this client and accept refresh tokens you issued, with the same client authentication and body encoding as the code exchange.',
      ...cite(r),
    },
  ];
});

/** A refresh that worked with a refresh token kept from a response that omitted it: allowed, worth knowing. */
export const checkOmittedRefreshTokenKeptWorking = defineCheck<HostRefresh>({ id: 'omitted-refresh-token-keeps-working', codes: ['REFRESH_OMITS_REFRESH_TOKEN'] }, (r) =>
  r.issued && r.usedKeptRefreshToken
    ? [
        {
          code: 'REFRESH_OMITS_REFRESH_TOKEN',
          message: 'a refresh response had no refresh_token; the host kept the previous one and it still works',
          fix: 'Nothing breaks for this host; returning the refresh token (new or the same) in every refresh response is more robust for other clients.',
          evidence: [r.exchangeId],
        },
      ]
    : [],
);

/**
 * REFRESH_NOT_ROTATED: MCP authorization servers MUST rotate a public client's refresh token; under the MCP hosts this
 * replaces REFRESH_OMITS_REFRESH_TOKEN. A refresh answer without a new one (absent, or the same) is the finding.
 */
export const checkPublicClientRefreshRotated = defineCheck<HostRefresh & { previous: string; returned?: string }>({ id: 'public-client-refresh-token-rotates', codes: ['REFRESH_NOT_ROTATED'] }, (r) => {
  if (!r.issued || (r.returned && r.returned !== r.previous)) return [];
  return [
    {
      code: 'REFRESH_NOT_ROTATED',
      message: r.returned ? "the refresh answer returned the same refresh token to a public client" : 'the refresh answer to a public client carries no new refresh_token',
      fix: 'Rotate refresh tokens of public clients: return a new refresh_token with every refresh and retire the old one after a short grace period (OAuth 2.1 §4.3.1).',
      evidence: [r.exchangeId],
      ...(r.curl ? { reproduce: r.curl } : {}),
    },
  ];
});
