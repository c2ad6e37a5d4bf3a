import { defineCheck } from '../../findings/check.ts';

/** One PKCE probe and what the authorization server did with it (RFC 7636 §4.4, §4.6). */
export type PkceProbe =
  | { kind: 'no-challenge' | 'plain-challenge'; codeIssued: boolean; exchangeId?: string }
  | { kind: 'wrong-verifier' | 'missing-verifier'; issued: boolean; exchangeId: string; curl?: string };

const WHAT: Record<PkceProbe['kind'], string> = {
  'no-challenge': 'an authorization request without code_challenge got a code',
  'plain-challenge': 'an authorization request with code_challenge_method=plain got a code',
  'wrong-verifier': 'the token endpoint exchanged a code for tokens with a wrong code_verifier',
  'missing-verifier': 'the token endpoint exchanged a code for tokens without code_verifier',
};

const FIX: Record<PkceProbe['kind'], string> = {
  'no-challenge': 'Refuse authorization requests without code_challenge (redirect with error=invalid_request): OAuth 2.1 and MCP require PKCE for every client.',
  'plain-challenge': 'Accept only code_challenge_method=S256 (and advertise code_challenge_methods_supported: ["S256"]); refuse plain, and a code_challenge without a method, with error=invalid_request.',
  'wrong-verifier': "Store the code_challenge with the code and refuse the exchange (400 invalid_grant) unless BASE64URL(SHA256(code_verifier)) equals it.",
  'missing-verifier': 'Refuse the exchange of a code issued for a code_challenge when code_verifier is missing (400 invalid_grant).',
};

const issuedBy = (p: PkceProbe): boolean => ('codeIssued' in p ? p.codeIssued : p.issued);

/** PKCE_NOT_ENFORCED: any of the probes got a code (authorization) or tokens (exchange) it should not have. */
export const checkPkceEnforced = defineCheck<{ probes: readonly PkceProbe[] }>({ id: 'pkce-enforced', codes: ['PKCE_NOT_ENFORCED'] }, ({ probes }) => {
  const failed = probes.filter(issuedBy);
  if (!failed.length) return [];
  const evidence = failed.flatMap((p) => (p.exchangeId ? [p.exchangeId] : []));
  const reproduce = failed.map((p) => ('curl' in p ? p.curl : undefined)).find((c) => !!c);
  return [
    {
      code: 'PKCE_NOT_ENFORCED',
      message: failed.map((p) => WHAT[p.kind]).join('; '),
      fix: failed.map((p) => FIX[p.kind]).join(' '),
      ...(evidence.length ? { evidence } : {}),
      ...(reproduce ? { reproduce } : {}),
    },
  ];
});
