import { defineCheck } from '../../findings/check.ts';
import type { FindingCode } from '../../findings/catalog.ts';
import type { TokenAuthMethod, TokenBodyEncoding } from '../../profiles/host-profile.ts';

/** A refused code exchange and the same exchange sent differently, to tell what the endpoint objects to. */
export interface RetriedExchange {
  status: number;
  failedExchangeId: string;
  failedCurl: string;
  retryExchangeId: string;
  retryIssued: boolean;
}

const describeEncoding = (e: TokenBodyEncoding): string => (e === 'json' ? 'a JSON body' : 'a form-encoded body');

/** The endpoint refused the host's body encoding but took the other one. */
export const checkBodyEncodingAccepted = defineCheck<RetriedExchange & { used: TokenBodyEncoding; other: TokenBodyEncoding; fix: string }>(
  { id: 'token-endpoint-accepts-host-encoding', codes: ['TOKEN_BODY_ENCODING_REJECTED'] },
  (r) =>
    r.retryIssued
      ? [
          {
            code: 'TOKEN_BODY_ENCODING_REJECTED',
            message: `the token endpoint answered ${r.status} to ${describeEncoding(r.used)} (the encoding the host uses) and accepted the same request as ${describeEncoding(r.other)}`,
            fix: r.fix,
            evidence: [r.failedExchangeId, r.retryExchangeId],
            reproduce: r.failedCurl,
          },
        ]
      : [],
);

const describeAuth = (m: TokenAuthMethod): string => (m === 'client_secret_basic' ? 'the Basic header' : m === 'client_secret_post' ? 'the request body' : m);

/** The endpoint refused the client authentication the host used but took the other one. */
export const checkClientAuthAccepted = defineCheck<RetriedExchange & { used: TokenAuthMethod; other: TokenAuthMethod; fix: string }>(
  { id: 'token-endpoint-accepts-host-client-auth', codes: ['TOKEN_CLIENT_AUTH_REJECTED'] },
  (r) =>
    r.retryIssued
      ? [
          {
            code: 'TOKEN_CLIENT_AUTH_REJECTED',
            message: `the token endpoint answered ${r.status} to client credentials in ${describeAuth(r.used)} and accepted them in ${describeAuth(r.other)}`,
            fix: r.fix,
            evidence: [r.failedExchangeId, r.retryExchangeId],
            reproduce: r.failedCurl,
          },
        ]
      : [],
);

/** The exchange failed and nothing so far says why: the refusal itself is the finding. */
export const checkExchangeAccepted = defineCheck<{ issued: boolean; failure?: string; knownCauses: readonly FindingCode[]; exchangeId: string; curl: string; fix: string }>(
  { id: 'token-endpoint-accepts-host-exchange', codes: ['TOKEN_EXCHANGE_REJECTED'] },
  (r) =>
    r.issued || r.knownCauses.length
      ? []
      : [
          {
            code: 'TOKEN_EXCHANGE_REJECTED',
            message: `the token endpoint refused the code exchange: ${r.failure ?? 'no token in the answer'}`,
            fix: r.fix,
            evidence: [r.exchangeId],
            ...(r.curl ? { reproduce: r.curl } : {}),
          },
        ],
);
