import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { hasReportedAlias } from './reported-aliases.ts';
import { grantName, listFields, tokenDraft } from './token-draft.ts';

/** TOKEN_TYPE_MISSING: token_type is REQUIRED by RFC 6749 §5.1; strict clients refuse the response without it. */
export const checkTokenTypeMissing = defineCheck<TokenResponseFacts>({ id: 'token-response-has-token-type', codes: ['TOKEN_TYPE_MISSING'] }, (facts) => {
  const http = facts.http;
  if (!http?.tokens || (http.top?.token_type !== undefined && http.top.token_type !== null) || hasReportedAlias(http, 'token_type')) return [];
  return [
    tokenDraft(
      facts,
      'TOKEN_TYPE_MISSING',
      `the ${grantName(facts)} response has no token_type (fields: ${listFields(http.top)}); this host assumes Bearer, stricter clients reject the response`,
      'Add "token_type": "Bearer" to the token response.',
    ),
  ];
});
