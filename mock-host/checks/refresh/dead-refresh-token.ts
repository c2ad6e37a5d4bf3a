import { defineCheck } from '../../findings/check.ts';
import type { TokenRejection } from '../../oauth/token-failure.ts';

/** One refresh the harness sent with a refresh token the server should no longer honour, and its answer. */
export interface DeadRefreshAnswer {
  /** Why the token is dead, for the message ("one the server never issued", "the one a rotation replaced"). */
  token: string;
  issued: boolean;
  /** How the endpoint refused it; absent when no HTTP answer came (TOKEN_ENDPOINT_UNREACHABLE decides that). */
  rejection?: TokenRejection;
  exchangeId: string;
  curl: string;
}

const isInvalidGrant = (r: TokenRejection) => r.status === 400 && r.error === 'invalid_grant';

const describe = (r: TokenRejection) => `HTTP ${r.status}${r.error ? ` error=${r.error}` : ' without an RFC 6749 error'}`;

/**
 * REFRESH_ERROR_NOT_INVALID_GRANT: RFC 6749 §5.2 answers a refresh token that is invalid, expired or revoked with
 * 400 `invalid_grant`, the one answer that tells a host (Claude above all) to re-link rather than retry, re-register
 * or give up. A dead token the server still honours is not judged here (rotation and replay have their own checks).
 */
export const checkDeadRefreshTokenRefusedAsInvalidGrant = defineCheck<{ answers: readonly DeadRefreshAnswer[] }>(
  { id: 'dead-refresh-token-gets-invalid-grant', codes: ['REFRESH_ERROR_NOT_INVALID_GRANT'] },
  ({ answers }) => {
    const wrong = answers.filter((a): a is DeadRefreshAnswer & { rejection: TokenRejection } => !a.issued && a.rejection !== undefined && !isInvalidGrant(a.rejection));
    const [first] = wrong;
    if (!first) return [];
    return [
      {
        code: 'REFRESH_ERROR_NOT_INVALID_GRANT',
        message: `a refresh with a dead refresh token got ${wrong.map((a) => `${describe(a.rejection)} (${a.token})`).join('; ')} instead of HTTP 400 error=invalid_grant`,
        fix: 'Answer a refresh token that is unknown, replaced or revoked with HTTP 400 {"error":"invalid_grant"} (RFC 6749 §5.2): hosts re-link on exactly that; 401 invalid_client makes Claude re-register, and 5xx or invalid_request read as a server fault to retry.',
        evidence: wrong.map((a) => a.exchangeId),
        reproduce: first.curl,
      },
    ];
  },
);
