import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { describeAnswer, describeValue, grantName, listFields, tokenDraft } from './token-draft.ts';

/** ACCESS_TOKEN_MISSING: a 2xx JSON answer that claims success and holds no access token anywhere. */
export const checkAccessTokenMissing = defineCheck<TokenResponseFacts>({ id: 'token-response-has-access-token', codes: ['ACCESS_TOKEN_MISSING'] }, (facts) => {
  const http = facts.http;
  if (!http?.success || http.body.kind !== 'json' || http.tokens || http.errorSignal) return [];
  if (http.locations.some((l) => l.role === 'access_token')) return [];
  const top = http.top;
  const seen = !top
    ? 'the body is JSON but not an object'
    : 'access_token' in top
      ? `access_token is ${describeValue(top.access_token)}, not a non-empty string (fields: ${listFields(top)})`
      : `there is no access token at any path (top-level fields: ${listFields(top)})`;
  return [
    tokenDraft(
      facts,
      'ACCESS_TOKEN_MISSING',
      `the ${grantName(facts)} got ${describeAnswer(http)}, but ${seen}: the host has nothing to call the API with`,
      'Return the issued access token as a non-empty string in a top-level access_token field of the JSON object (RFC 6749 §5.1).',
    ),
  ];
});
