import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import type { TokenRole } from '../../oauth/token-locations.ts';
import { reportedAliases } from './reported-aliases.ts';
import { describeAnswer, grantName, tokenDraft } from './token-draft.ts';

const CONSEQUENCE: Record<Exclude<TokenRole, 'access_token'>, string> = {
  refresh_token: 'no refresh_token, so users lose access when the token expires',
  expires_in: 'no expires_in, so it keeps the token forever and never refreshes it',
  token_type: 'no token_type',
};

/** TOKEN_FIELDS_NONSTANDARD: the fields exist, but not under the top-level RFC 6749 §5.1 names the host reads. */
export const checkFieldsNonstandard = defineCheck<TokenResponseFacts>({ id: 'token-response-uses-standard-fields', codes: ['TOKEN_FIELDS_NONSTANDARD'] }, (facts) => {
  const http = facts.http;
  if (!http) return [];
  const aliases = reportedAliases(http);
  if (!aliases.length) return [];
  const found = aliases.map((l) => `${l.path} (for ${l.role})`).join(', ');
  const consequence = http.tokens
    ? `the host reads only the top-level RFC 6749 names, so it sees ${[...new Set(aliases.map((l) => l.role))].map((r) => CONSEQUENCE[r as Exclude<TokenRole, 'access_token'>]).join('; ')}`
    : 'there is no top-level access_token, and the host reads only the top-level RFC 6749 names, so it stores no token and the sign-in fails';
  const slack = facts.provider === 'slack' ? ' Slack nests user tokens under authed_user: a token proxy on your domain has to flatten the response.' : '';
  return [
    tokenDraft(
      facts,
      'TOKEN_FIELDS_NONSTANDARD',
      `the ${grantName(facts)} got ${describeAnswer(http)} with token fields at non-standard paths: ${found}; ${consequence}`,
      `Return access_token, token_type, expires_in and refresh_token at the top level of the JSON object, in snake_case (not camelCase, not inside a data/body/authed_user wrapper, expires_in rather than expires).${slack}`,
    ),
  ];
});
