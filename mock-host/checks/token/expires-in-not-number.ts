import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { describeValue, grantName, tokenDraft } from './token-draft.ts';

/** EXPIRES_IN_NOT_NUMBER: RFC 6749 §5.1 makes expires_in a number of seconds; strict clients reject anything else. */
export const checkExpiresInNotNumber = defineCheck<TokenResponseFacts>({ id: 'token-expires-in-is-number', codes: ['EXPIRES_IN_NOT_NUMBER'] }, (facts) => {
  const http = facts.http;
  const value = http?.top?.expires_in;
  if (!http?.tokens || value === undefined) return [];
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return [];
  const seconds = http.tokens.expiresInSeconds;
  const effect =
    seconds === undefined
      ? 'the host cannot read a lifetime from it and treats the token as never expiring'
      : seconds <= 0
        ? 'the host takes the token as already expired'
        : // A positive lifetime from a value that is no positive number: only a numeric string reads as one.
          `the host coerces it to ${seconds} s, but strict OAuth clients reject the response`;
  return [
    tokenDraft(
      facts,
      'EXPIRES_IN_NOT_NUMBER',
      `the ${grantName(facts)} response's expires_in is ${describeValue(value)}, not a positive number: ${effect}`,
      'Send expires_in as a positive JSON number of seconds, e.g. "expires_in": 3600 (not "3600").',
    ),
  ];
});
