import type { HttpErrorKind } from './exchange.ts';

/** Why a request got no HTTP answer, as far as the error tells. */
export type NetworkCause = 'refused' | 'dns' | 'tls-to-plain-http' | 'certificate' | 'connect-timeout' | 'timeout' | 'reset' | 'url' | 'other';

const CERTIFICATE_CODES = /CERT_|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME|HOSTNAME_MISMATCH|certificate/i;

/**
 * The cause of a failed request, from the recorder's error (its message starts with the system error code, as
 * `describeNetworkError` writes it: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9").
 */
export function classifyNetworkError(error: { kind: HttpErrorKind; message: string }): NetworkCause {
  if (error.kind === 'timeout') return 'timeout';
  if (error.kind === 'invalid-url' || error.kind === 'blocked-scheme') return 'url';
  const m = error.message;
  if (/ECONNREFUSED/.test(m)) return 'refused';
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME|getaddrinfo/.test(m)) return 'dns';
  // OpenSSL's answer to an HTTP reply where a TLS record was expected.
  if (/WRONG_VERSION_NUMBER|wrong version number|PACKET_LENGTH_TOO_LONG|packet length too long|http request/i.test(m)) return 'tls-to-plain-http';
  if (CERTIFICATE_CODES.test(m)) return 'certificate';
  if (/UND_ERR_CONNECT_TIMEOUT|ETIMEDOUT|Connect Timeout/i.test(m)) return 'connect-timeout';
  if (/ECONNRESET|UND_ERR_SOCKET|other side closed|socket hang up|EPIPE/i.test(m)) return 'reset';
  return 'other';
}
