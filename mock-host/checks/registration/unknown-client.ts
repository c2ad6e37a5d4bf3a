import { defineCheck } from '../../findings/check.ts';

/** A token request with a client_id the authorization server never issued, and its answer. */
export interface UnknownClientAnswer {
  clientId: string;
  status?: number;
  /** The answer's `error`, when it is an RFC 6749 error body. */
  error?: string;
  /** A network error instead of an answer. */
  failure?: string;
  exchangeId: string;
  curl?: string;
}

/** RFC 6749 §5.2: an unknown client gets 401 invalid_client, the answer Claude re-registers on. */
export const checkUnknownClientRefused = defineCheck<UnknownClientAnswer>({ id: 'unknown-client-invalid-client', codes: ['UNKNOWN_CLIENT_NOT_INVALID_CLIENT'] }, (i) => {
  if (i.status === 401 && i.error === 'invalid_client') return [];
  const got = i.status === undefined ? (i.failure ?? 'no answer') : `HTTP ${i.status}${i.error ? ` error=${i.error}` : ' without an RFC 6749 error'}`;
  return [
    {
      code: 'UNKNOWN_CLIENT_NOT_INVALID_CLIENT',
      message: `a token request with the unknown client_id ${i.clientId} got ${got}, not HTTP 401 invalid_client`,
      fix: 'Answer a token request whose client_id is unknown (never issued, or forgotten) with HTTP 401 and {"error":"invalid_client"}: it is the one signal that makes a host register again.',
      evidence: [i.exchangeId],
      ...(i.curl ? { reproduce: i.curl } : {}),
    },
  ];
});
