import type { Request } from 'express';

/** The origin the client used to reach us, so manifest and OpenAPI URLs work on any host and port. */
export function requestOrigin(req: Request): string {
  const host = req.get('host') ?? `${req.socket.localAddress ?? '127.0.0.1'}:${req.socket.localPort ?? 80}`;
  return `${req.protocol}://${host}`;
}

/**
 * The same server under its other loopback name. To a browser or an HTTP client, `localhost` and `127.0.0.1` are
 * different origins and different root domains, which is what the cross-origin faults need.
 */
export function otherLoopbackOrigin(origin: string): string {
  const url = new URL(origin);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}
