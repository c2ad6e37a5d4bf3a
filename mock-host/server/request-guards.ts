import type { RequestHandler } from 'express';

/**
 * Who may talk to the mock host. The browser that runs a plugin's login pages also reaches the host on loopback, so
 * every page the plugin serves is a potential attacker: it must not drive the control API (CSRF), read it (a
 * DNS-rebinding page reaches 127.0.0.1 under its own name), frame the host's pages, or learn a code from a Referer.
 */

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** The Host header values this server answers to; undefined when bound to every interface (any name is then fair). */
export function allowedHosts(boundHost: string, port: number): ReadonlySet<string> | undefined {
  if (WILDCARD_BINDS.has(boundHost)) return undefined;
  const bound = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
  return new Set([bound, ...LOOPBACK_NAMES].map((name) => `${name}:${port}`.toLowerCase()));
}

/** Refuses a request whose Host is not one of ours: the signature of a DNS-rebinding attack. */
export function hostGuard(hosts: () => ReadonlySet<string> | undefined): RequestHandler {
  return (req, res, next) => {
    const allowed = hosts();
    const host = (req.get('host') ?? '').toLowerCase();
    if (allowed && !allowed.has(host)) {
      res.status(421).type('text/plain').send('This mock host only answers to its own loopback address.');
      return;
    }
    next();
  };
}

/**
 * For the control API: a browser request must come from the host's own pages. `Sec-Fetch-Site` is the browser's
 * word for it (`same-site` is not enough: another port on 127.0.0.1 is the same site); `Origin` covers browsers
 * without fetch metadata. Clients that send neither (curl, the harness) are not browsers and pass.
 */
export function sameOriginGuard(hosts: () => ReadonlySet<string> | undefined): RequestHandler {
  return (req, res, next) => {
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const allowed = hosts();
    const foreignOrigin = origin !== undefined && (origin === 'null' || !URL.canParse(origin) || (allowed !== undefined && !allowed.has(new URL(origin).host.toLowerCase())));
    if ((site !== undefined && site !== 'same-origin' && site !== 'none') || foreignOrigin) {
      res.status(403).json({ error: 'the control API only answers the mock host\'s own pages' });
      return;
    }
    next();
  };
}

/** Headers for every answer: no framing (clickjacking the control UI), no sniffing, no Referer carrying a code. */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'content-security-policy': "frame-ancestors 'none'",
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  next();
};
