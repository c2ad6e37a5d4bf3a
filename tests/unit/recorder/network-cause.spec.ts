import { expect, test } from '@playwright/test';
import { classifyNetworkError } from '../../../mock-host/recorder/network-cause.ts';

const network = (message: string) => classifyNetworkError({ kind: 'network', message });

test('the recorder\'s own kinds decide first, whatever the message says', () => {
  expect(classifyNetworkError({ kind: 'timeout', message: 'ECONNREFUSED' })).toBe('timeout');
  expect(classifyNetworkError({ kind: 'invalid-url', message: 'ECONNREFUSED' })).toBe('url');
  expect(classifyNetworkError({ kind: 'blocked-scheme', message: 'ECONNREFUSED' })).toBe('url');
});

test('system error codes and messages map onto causes', () => {
  const cases: [string, string][] = [
    ['ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9', 'refused'],
    ['ENOTFOUND: getaddrinfo ENOTFOUND nowhere.invalid', 'dns'],
    ['EAI_AGAIN: temporary failure', 'dns'],
    ['EAI_NONAME: no name', 'dns'],
    ['getaddrinfo failed', 'dns'],
    ['ERR_SSL_WRONG_VERSION_NUMBER: ssl3_get_record:wrong version number', 'tls-to-plain-http'],
    ['Wrong Version Number', 'tls-to-plain-http'],
    ['ERR_SSL_PACKET_LENGTH_TOO_LONG', 'tls-to-plain-http'],
    ['packet length too long', 'tls-to-plain-http'],
    ['ssl routines: HTTP request', 'tls-to-plain-http'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate', 'certificate'],
    ['CERT_HAS_EXPIRED: certificate has expired', 'certificate'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'certificate'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'certificate'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'certificate'],
    ['HOSTNAME_MISMATCH', 'certificate'],
    ['bad Certificate', 'certificate'],
    ['UND_ERR_CONNECT_TIMEOUT: Connect Timeout Error', 'connect-timeout'],
    ['ETIMEDOUT: connect ETIMEDOUT', 'connect-timeout'],
    ['connect timeout', 'connect-timeout'],
    ['ECONNRESET: read ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET: other side closed', 'reset'],
    ['Other side closed', 'reset'],
    ['socket hang up', 'reset'],
    ['EPIPE: broken pipe', 'reset'],
    ['fetch failed', 'other'],
    ['', 'other'],
  ];
  for (const [message, cause] of cases) expect([message, network(message)]).toEqual([message, cause]);
});

test('the codes are matched case-sensitively where they are codes', () => {
  expect(network('econnrefused')).toBe('other');
  expect(network('enotfound')).toBe('other');
});

test('an earlier rule wins when a message matches several', () => {
  expect(network('ECONNREFUSED after ECONNRESET')).toBe('refused');
  expect(network('ENOTFOUND certificate')).toBe('dns');
  expect(network('wrong version number certificate')).toBe('tls-to-plain-http');
  expect(network('CERT_HAS_EXPIRED ETIMEDOUT')).toBe('certificate');
  expect(network('ETIMEDOUT ECONNRESET')).toBe('connect-timeout');
});
