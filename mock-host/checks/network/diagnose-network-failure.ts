import { classifyNetworkError, type NetworkCause } from '../../recorder/network-cause.ts';
import type { HttpErrorKind } from '../../recorder/exchange.ts';

export interface NetworkDiagnosis {
  cause: NetworkCause;
  /** What happened, in the target's terms ("nothing listens on 127.0.0.1:9"). */
  diagnosis: string;
  /** What to change, for that cause. */
  fix: string;
}

function hostAndPort(raw: string): { host: string; port: string; https: boolean } {
  try {
    const url = new URL(raw);
    const https = url.protocol === 'https:';
    return { host: url.hostname, port: url.port || (https ? '443' : '80'), https };
  } catch {
    return { host: raw, port: '?', https: false };
  }
}

/**
 * A request that got no HTTP answer, diagnosed: the cause the error shows and the fix for that cause. A generic
 * "make it reachable" helps nobody whose https URL points at a plain-http port.
 */
export function diagnoseNetworkFailure(error: { kind: HttpErrorKind; message: string }, url: string, timeoutMs: number): NetworkDiagnosis {
  const cause = classifyNetworkError(error);
  const { host, port, https } = hostAndPort(url);
  const at = `${host}:${port}`;
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  switch (cause) {
    case 'refused':
      return { cause, diagnosis: `the connection to ${at} was refused: nothing listens on that port`, fix: `Start the server on port ${port} of ${host}, or correct the port in the URL.` };
    case 'dns':
      return { cause, diagnosis: `the name ${host} does not resolve (DNS)`, fix: `Publish a DNS record for ${host}, or correct the host name in the URL.` };
    case 'tls-to-plain-http':
      return {
        cause,
        diagnosis: `the URL says https, but the server on ${at} answered the TLS handshake in plain HTTP: that port speaks http, not https`,
        fix: `Serve HTTPS on ${at} (terminate TLS in front of the server: a reverse proxy, a load balancer or an https tunnel), or, if the server has an https port, put that port in the URL. Changing the URL to http:// does not help: the host calls only https URLs.`,
      };
    case 'certificate':
      return {
        cause,
        diagnosis: `the TLS certificate of ${host} is not trusted (${error.message.split(':')[0]})`,
        fix: `Serve a certificate for ${host} from a public CA with its full chain (Let's Encrypt will do); the host refuses self-signed, expired and wrong-name certificates.`,
      };
    case 'connect-timeout':
      return {
        cause,
        diagnosis: `no TCP connection to ${at} could be opened: the packets are dropped (a firewall) or nothing routes there`,
        fix: `Open port ${port} of ${host} to inbound connections from the internet (firewall, security group), or correct the host and port in the URL.`,
      };
    case 'timeout':
      return {
        cause,
        diagnosis: `${at} gave no complete answer within the host's ${seconds} limit`,
        fix: `Answer well within ${seconds}; if nothing arrives at all, check that a firewall lets connections to port ${port} through${https ? ' and that the port speaks https' : ''}.`,
      };
    case 'reset':
      return {
        cause,
        diagnosis: `${at} closed the connection without an answer${https ? ' (a server speaking plain http on an https URL can do this too)' : ''}`,
        fix: `Check the server's log for a crash on this request${https ? `, and that ${at} speaks https` : ''}.`,
      };
    case 'url':
      return { cause, diagnosis: `${url} cannot be fetched: ${error.message}`, fix: 'Use an absolute https:// URL.' };
    case 'other':
      return { cause, diagnosis: `the request to ${at} failed: ${error.message}`, fix: `Make ${at} reachable from the internet over HTTPS with a valid certificate.` };
  }
}
