import type { ProviderId } from '../model/provider-id.ts';
import type { HttpOutcome } from '../recorder/exchange.ts';
import type { SecretRegistry } from '../recorder/secrets.ts';
import { gatherTokenFacts, type TokenResponseFacts } from './token-facts.ts';
import { describeTokenFailure, type TokenRejection } from './token-failure.ts';
import type { TokenGrantType } from './token-request.ts';
import type { TokenSet } from './token-set.ts';

export type { TokenSet } from './token-set.ts';
export type { TokenRejection } from './token-failure.ts';

export interface TokenResponseContext {
  grant: TokenGrantType;
  provider?: ProviderId;
  resource?: string;
  secrets: SecretRegistry;
}

export interface TokenReading {
  /** Everything the token checks look at. */
  facts: TokenResponseFacts;
  /** What the host stores; undefined when the host, like ChatGPT, would end up without a usable token. */
  tokens?: TokenSet;
  /** Why there are no tokens, redacted. */
  failure?: string;
  /** Status and RFC 6749 error of a refusal (also a 2xx carrying an error), for the caller to classify. */
  rejection?: TokenRejection;
}

/**
 * Reads a token endpoint's answer the way the host does. Every token value in the body, under any name, becomes a
 * known secret first, so no message, curl or recorded exchange shows one. Judging the answer is the checks' job.
 */
export function readTokenResponse(outcome: HttpOutcome, ctx: TokenResponseContext): TokenReading {
  const { secrets } = ctx;
  const facts = gatherTokenFacts(outcome, ctx);
  const failed = describeTokenFailure(facts);
  const tokens = facts.http?.tokens;
  return {
    facts,
    ...(tokens ? { tokens } : {}),
    ...(failed ? { failure: secrets.redact(failed.failure) } : {}),
    ...(failed?.rejection ? { rejection: redactRejection(failed.rejection, secrets) } : {}),
  };
}

function redactRejection(r: TokenRejection, secrets: SecretRegistry): TokenRejection {
  return {
    status: r.status,
    ...(r.error !== undefined ? { error: secrets.redact(r.error) } : {}),
    ...(r.errorDescription !== undefined ? { errorDescription: secrets.redact(r.errorDescription) } : {}),
  };
}
