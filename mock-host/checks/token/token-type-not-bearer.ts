import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { describeValue, grantName, tokenDraft } from './token-draft.ts';

/** TOKEN_TYPE_NOT_BEARER: the host only ever sends `Authorization: Bearer`; token_type compares case-insensitively (RFC 6749 §5.1). */
export const checkTokenTypeNotBearer = defineCheck<TokenResponseFacts>({ id: 'token-type-is-bearer', codes: ['TOKEN_TYPE_NOT_BEARER'] }, (facts) => {
  const http = facts.http;
  const value = http?.top?.token_type;
  if (!http?.tokens || value === undefined || value === null) return [];
  if (typeof value === 'string' && value.trim().toLowerCase() === 'bearer') return [];
  return [
    tokenDraft(
      facts,
      'TOKEN_TYPE_NOT_BEARER',
      `the ${grantName(facts)} response's token_type is ${describeValue(value)}, not bearer: the host sends the token as Authorization: Bearer regardless, so an API expecting that token type refuses it`,
      'Issue bearer tokens (RFC 6750) and say so with "token_type": "Bearer"; the API must accept them in Authorization: Bearer <token>.',
    ),
  ];
});
