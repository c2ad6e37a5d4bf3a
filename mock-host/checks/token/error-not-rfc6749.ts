import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { describeBodyKind } from '../../oauth/response-body.ts';
import { rfc6749ErrorBody } from '../../oauth/rfc6749-error.ts';
import { describeAnswer, grantName, listFields, tokenDraft } from './token-draft.ts';

// Rate limiting is HTTP, not OAuth: the host backs off and RFC 6749 has nothing to say about it.
const NOT_AN_OAUTH_ERROR = new Set([429]);

/** TOKEN_ERROR_NOT_RFC6749: a refusal must be 400 (401 for client authentication) with JSON naming `error` (RFC 6749 §5.2). */
export const checkErrorNotRfc6749 = defineCheck<TokenResponseFacts>({ id: 'token-error-follows-rfc6749', codes: ['TOKEN_ERROR_NOT_RFC6749'] }, (facts) => {
  const http = facts.http;
  if (!http || http.success || NOT_AN_OAUTH_ERROR.has(http.status)) return [];
  const problems: string[] = [];
  if (http.status !== 400 && http.status !== 401) {
    problems.push(http.status >= 300 && http.status < 400 ? `status ${http.status} redirect${http.location ? ` to ${http.location}` : ''}` : `status ${http.status} instead of 400/401`);
  }
  if (http.body.kind !== 'json') problems.push(`${describeBodyKind(http.body)} instead of JSON`);
  else if (!rfc6749ErrorBody.safeParse(http.top).success) problems.push(`a JSON body without a string "error" field (fields: ${listFields(http.top)})`);
  if (!problems.length) return [];
  return [
    tokenDraft(
      facts,
      'TOKEN_ERROR_NOT_RFC6749',
      `the ${grantName(facts)} was refused with ${describeAnswer(http)}: ${problems.join('; ')}`,
      'Answer refused token requests with HTTP 400 (401 for a failed client authentication) and Content-Type: application/json {"error": "invalid_grant" | "invalid_client" | "invalid_request" | ..., "error_description": "..."} (RFC 6749 §5.2); a bad code or refresh token must never cause a 5xx.',
    ),
  ];
});
