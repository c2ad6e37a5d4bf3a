import { defineCheck } from '../../findings/check.ts';
import type { ProbedGrant } from './grant-probes.ts';

/** A token request whose private_key_jwt assertion is invalid in one way, and whether tokens were issued. */
export interface InvalidAssertionProbe extends ProbedGrant {
  /** What is wrong with it ("signed with a key the client never published"). */
  flaw: string;
}

/** RFC 7523 §3: the AS verifies the assertion's signature, exp, aud and jti before it trusts the client. */
export const checkClientAssertionVerified = defineCheck<{ probes: readonly InvalidAssertionProbe[] }>(
  { id: 'client-assertion-verified', codes: ['CLIENT_ASSERTION_NOT_VERIFIED'] },
  ({ probes }) => {
    const accepted = probes.filter((p) => p.issued);
    const [first] = accepted;
    if (!first) return [];
    return [
      {
        code: 'CLIENT_ASSERTION_NOT_VERIFIED',
        message: `the token endpoint issued tokens for a client assertion ${accepted.map((p) => p.flaw).join('; and for one ')}`,
        fix: "Verify every client assertion (RFC 7523 §3): the signature with a key from the client's jwks_uri, iss = sub = client_id, aud = the token endpoint or the issuer, exp in the future, and a jti not seen before; answer 401 invalid_client otherwise.",
        evidence: accepted.map((p) => p.exchangeId),
        ...(first.curl ? { reproduce: first.curl } : {}),
      },
    ];
  },
);
