import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { describeBodyKind } from '../../oauth/response-body.ts';
import { describeAnswer, tokenDraft } from './token-draft.ts';

/** TOKEN_RESPONSE_NOT_JSON: a 2xx answer the host cannot parse (it reads token responses as JSON only). */
export const checkResponseNotJson = defineCheck<TokenResponseFacts>({ id: 'token-response-is-json', codes: ['TOKEN_RESPONSE_NOT_JSON'] }, (facts) => {
  const http = facts.http;
  if (!http?.success || http.body.kind === 'json') return [];
  const hasToken = http.locations.some((l) => l.role === 'access_token');
  const cut = http.truncated ? ` (cut at ${http.maxBodyBytes} bytes, the host's limit)` : '';
  const consequence = hasToken
    ? 'the access token is in it, but the host parses token responses as JSON only, so it cannot read the token'
    : 'the host parses token responses as JSON only, so it cannot read it';
  const github = facts.provider === 'github' ? ' GitHub answers form-encoded unless asked for JSON: put a small token proxy on your domain that answers JSON.' : '';
  return [
    tokenDraft(
      facts,
      'TOKEN_RESPONSE_NOT_JSON',
      `the ${facts.grant === 'authorization_code' ? 'code exchange' : 'refresh'} got ${describeAnswer(http)} with ${describeBodyKind(http.body)}${cut}: ${consequence}`,
      `Answer with Content-Type: application/json and a JSON object holding access_token, token_type, expires_in and refresh_token (RFC 6749 §5.1).${github}`,
    ),
  ];
});
