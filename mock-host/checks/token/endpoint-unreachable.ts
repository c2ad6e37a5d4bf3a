import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { diagnoseNetworkFailure } from '../network/diagnose-network-failure.ts';
import { tokenDraft } from './token-draft.ts';

/** TOKEN_ENDPOINT_UNREACHABLE: the POST got no HTTP answer at all (network, TLS, timeout, unusable URL). */
export const checkEndpointUnreachable = defineCheck<TokenResponseFacts>({ id: 'token-endpoint-reachable', codes: ['TOKEN_ENDPOINT_UNREACHABLE'] }, (facts) => {
  const t = facts.transport;
  if (!t) return [];
  const urlProblem = t.kind === 'invalid-url' || t.kind === 'blocked-scheme';
  const network = diagnoseNetworkFailure(t, facts.endpoint, t.timeoutMs);
  const diagnosed = network.cause !== 'other' && network.cause !== 'timeout' && network.cause !== 'url';
  return [
    tokenDraft(
      facts,
      'TOKEN_ENDPOINT_UNREACHABLE',
      `POST ${facts.endpoint} (${facts.grant === 'authorization_code' ? 'code exchange' : 'refresh'}) got no answer: ${diagnosed ? `${network.diagnosis} (${t.message})` : `${t.kind}: ${t.message}`}`,
      urlProblem
        ? 'Set the token endpoint (manifest authorization_url / GPT "Token URL") to an absolute https:// URL.'
        : diagnosed
          ? `${network.fix} The sign-in fails until the host can reach the token endpoint.`
          : `Make the token endpoint reachable from the public internet over HTTPS (valid certificate, port 443) and answer within ${t.timeoutMs / 1000} s: the host gives up after that and the sign-in fails.`,
    ),
  ];
});
