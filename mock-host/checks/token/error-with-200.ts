import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { describeAnswer, grantName, tokenDraft } from './token-draft.ts';

/** TOKEN_ERROR_WITH_200: a 2xx that says "error" in its body and carries no access token the host can use. */
export const checkErrorWith200 = defineCheck<TokenResponseFacts>({ id: 'token-error-not-sent-as-200', codes: ['TOKEN_ERROR_WITH_200'] }, (facts) => {
  const http = facts.http;
  if (!http?.success || !http.errorSignal || http.tokens) return [];
  const { indicators, description } = http.errorSignal;
  const proxy =
    facts.provider === 'github' || facts.provider === 'slack'
      ? ` ${facts.provider === 'github' ? 'GitHub' : 'Slack'} does this by design: put a token proxy on your domain that turns these answers into 400 errors.`
      : '';
  return [
    tokenDraft(
      facts,
      'TOKEN_ERROR_WITH_200',
      `the ${grantName(facts)} got ${describeAnswer(http)} whose body reports an error (${indicators.join(', ')}${description ? `; description: ${JSON.stringify(description)}` : ''}) and no access_token: the status says success, so the host looks for a token, finds none and the sign-in fails without the reason`,
      `Answer token errors with HTTP 400 (401 for invalid_client) and a JSON body {"error": "...", "error_description": "..."} as RFC 6749 §5.2 requires.${proxy}`,
    ),
  ];
});
