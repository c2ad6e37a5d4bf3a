import { expect, test } from '@playwright/test';
import { diagnoseNetworkFailure } from '../../../mock-host/checks/network/diagnose-network-failure.ts';

// Every cause's whole diagnosis and fix, from the error texts the recorder writes (issue 14: the socket tests in
// network-diagnosis.spec.ts show the causes are told apart; these pin what each one tells the developer).

const network = (message: string) => ({ kind: 'network' as const, message });

test.describe('diagnoseNetworkFailure', () => {
  test('refused: the host and port, the default port of the scheme when the URL names none', () => {
    expect(diagnoseNetworkFailure(network('ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:80'), 'http://api.example/x', 15_000)).toEqual({
      cause: 'refused',
      diagnosis: 'the connection to api.example:80 was refused: nothing listens on that port',
      fix: 'Start the server on port 80 of api.example, or correct the port in the URL.',
    });
    expect(diagnoseNetworkFailure(network('ECONNREFUSED: connect'), 'https://api.example/x', 15_000).diagnosis).toBe(
      'the connection to api.example:443 was refused: nothing listens on that port',
    );
    expect(diagnoseNetworkFailure(network('ECONNREFUSED: connect'), 'https://api.example:8443/x', 15_000).fix).toBe(
      'Start the server on port 8443 of api.example, or correct the port in the URL.',
    );
  });

  test('dns', () => {
    expect(diagnoseNetworkFailure(network('ENOTFOUND: getaddrinfo ENOTFOUND api.plugin.invalid'), 'https://api.plugin.invalid/openapi.yaml', 15_000)).toEqual({
      cause: 'dns',
      diagnosis: 'the name api.plugin.invalid does not resolve (DNS)',
      fix: 'Publish a DNS record for api.plugin.invalid, or correct the host name in the URL.',
    });
  });

  test('tls to a plain-http port', () => {
    expect(diagnoseNetworkFailure(network('ERR_SSL_WRONG_VERSION_NUMBER: wrong version number'), 'https://127.0.0.1:8080/x', 15_000)).toEqual({
      cause: 'tls-to-plain-http',
      diagnosis: 'the URL says https, but the server on 127.0.0.1:8080 answered the TLS handshake in plain HTTP: that port speaks http, not https',
      fix: 'Serve HTTPS on 127.0.0.1:8080 (terminate TLS in front of the server: a reverse proxy, a load balancer or an https tunnel), or, if the server has an https port, put that port in the URL. Changing the URL to http:// does not help: the host calls only https URLs.',
    });
  });

  test('certificate: the error code before the first colon', () => {
    expect(diagnoseNetworkFailure(network('DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate'), 'https://api.example/x', 15_000)).toEqual({
      cause: 'certificate',
      diagnosis: 'the TLS certificate of api.example is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)',
      fix: "Serve a certificate for api.example from a public CA with its full chain (Let's Encrypt will do); the host refuses self-signed, expired and wrong-name certificates.",
    });
  });

  test('connect timeout', () => {
    expect(diagnoseNetworkFailure(network('UND_ERR_CONNECT_TIMEOUT: Connect Timeout Error'), 'https://203.0.113.9:8443/x', 15_000)).toEqual({
      cause: 'connect-timeout',
      diagnosis: 'no TCP connection to 203.0.113.9:8443 could be opened: the packets are dropped (a firewall) or nothing routes there',
      fix: 'Open port 8443 of 203.0.113.9 to inbound connections from the internet (firewall, security group), or correct the host and port in the URL.',
    });
  });

  test('timeout: the bound in seconds, one decimal; the https hint only for https', () => {
    expect(diagnoseNetworkFailure({ kind: 'timeout', message: 'timed out' }, 'https://api.example/x', 15_000)).toEqual({
      cause: 'timeout',
      diagnosis: "api.example:443 gave no complete answer within the host's 15 s limit",
      fix: 'Answer well within 15 s; if nothing arrives at all, check that a firewall lets connections to port 443 through and that the port speaks https.',
    });
    expect(diagnoseNetworkFailure({ kind: 'timeout', message: 'timed out' }, 'http://api.example:8080/x', 2_345)).toEqual({
      cause: 'timeout',
      diagnosis: "api.example:8080 gave no complete answer within the host's 2.3 s limit",
      fix: 'Answer well within 2.3 s; if nothing arrives at all, check that a firewall lets connections to port 8080 through.',
    });
    expect(diagnoseNetworkFailure({ kind: 'timeout', message: 'timed out' }, 'http://api.example/x', 250).diagnosis).toBe("api.example:80 gave no complete answer within the host's 0.3 s limit");
  });

  test('reset: the https hints only for https', () => {
    expect(diagnoseNetworkFailure(network('ECONNRESET: socket hang up'), 'https://api.example/x', 15_000)).toEqual({
      cause: 'reset',
      diagnosis: 'api.example:443 closed the connection without an answer (a server speaking plain http on an https URL can do this too)',
      fix: "Check the server's log for a crash on this request, and that api.example:443 speaks https.",
    });
    expect(diagnoseNetworkFailure(network('ECONNRESET: socket hang up'), 'http://api.example/x', 15_000)).toEqual({
      cause: 'reset',
      diagnosis: 'api.example:80 closed the connection without an answer',
      fix: "Check the server's log for a crash on this request.",
    });
  });

  test('an unusable URL: the URL itself and the error, host and port unknown', () => {
    expect(diagnoseNetworkFailure({ kind: 'invalid-url', message: 'Invalid URL' }, 'not a url', 15_000)).toEqual({
      cause: 'url',
      diagnosis: 'not a url cannot be fetched: Invalid URL',
      fix: 'Use an absolute https:// URL.',
    });
  });

  test('anything else: the error as it came, and a URL that does not parse shown as it is with port ?', () => {
    expect(diagnoseNetworkFailure(network('EHOSTUNREACH: no route'), 'https://api.example/x', 15_000)).toEqual({
      cause: 'other',
      diagnosis: 'the request to api.example:443 failed: EHOSTUNREACH: no route',
      fix: 'Make api.example:443 reachable from the internet over HTTPS with a valid certificate.',
    });
    expect(diagnoseNetworkFailure(network('EHOSTUNREACH: no route'), 'not a url', 15_000).diagnosis).toBe('the request to not a url:? failed: EHOSTUNREACH: no route');
    // A URL that does not parse is not https: the reset diagnosis gives no https hint for it.
    expect(diagnoseNetworkFailure(network('ECONNRESET'), 'https//broken', 15_000).diagnosis).toBe('https//broken:? closed the connection without an answer');
  });
});
