import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { hasReportedAlias } from './reported-aliases.ts';
import { grantName, listFields, tokenDraft } from './token-draft.ts';

/** TOKEN_NO_EXPIRY: without expires_in the host keeps the token forever and never refreshes it. */
export const checkNoExpiry = defineCheck<TokenResponseFacts>({ id: 'token-response-has-expiry', codes: ['TOKEN_NO_EXPIRY'] }, (facts) => {
  const http = facts.http;
  if (!http?.tokens || http.top?.expires_in !== undefined || hasReportedAlias(http, 'expires_in')) return [];
  const refresh = http.tokens.refreshToken ? '; the refresh_token it got is never used' : '';
  return [
    tokenDraft(
      facts,
      'TOKEN_NO_EXPIRY',
      `the ${grantName(facts)} response has no expires_in (fields: ${listFields(http.top)}): the host treats the access token as never expiring${refresh}, so once the server expires or revokes it users are stuck with 401s`,
      'Send expires_in (seconds) with every access token, together with a refresh_token, so the host refreshes before the token dies.',
    ),
  ];
});
