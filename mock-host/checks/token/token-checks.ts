import type { Check } from '../../findings/check.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { checkAccessTokenMissing } from './access-token-missing.ts';
import { checkEndpointUnreachable } from './endpoint-unreachable.ts';
import { checkErrorNotRfc6749 } from './error-not-rfc6749.ts';
import { checkErrorWith200 } from './error-with-200.ts';
import { checkExpiresInNotNumber } from './expires-in-not-number.ts';
import { checkFieldsNonstandard } from './fields-nonstandard.ts';
import { checkNoExpiry } from './no-expiry.ts';
import { checkRefreshTokenMissing } from './refresh-token-missing.ts';
import { checkResponseNotJson } from './response-not-json.ts';
import { checkTokenTypeMissing } from './token-type-missing.ts';
import { checkTokenTypeNotBearer } from './token-type-not-bearer.ts';
import { checkTokenAudience } from './audience.ts';
import { checkTokenEndpointFast } from './endpoint-slow.ts';
import { checkTokenResponseNotCacheable } from './response-cacheable.ts';

/** FINDINGS.md §3, in the order a reader wants them: transport, encoding, errors, shape, then lifetime. */
export const TOKEN_CHECKS: readonly Check<TokenResponseFacts>[] = [
  checkEndpointUnreachable,
  checkResponseNotJson,
  checkErrorWith200,
  checkErrorNotRfc6749,
  checkFieldsNonstandard,
  checkAccessTokenMissing,
  checkExpiresInNotNumber,
  checkTokenTypeMissing,
  checkTokenTypeNotBearer,
  checkNoExpiry,
  checkRefreshTokenMissing,
];

/** FINDINGS.md §7.5: what MCP hosts add (RFC 8707 audience, no-store, an answer within their budget). */
export const MCP_TOKEN_CHECKS: readonly Check<TokenResponseFacts>[] = [...TOKEN_CHECKS, checkTokenResponseNotCacheable, checkTokenAudience, checkTokenEndpointFast];
