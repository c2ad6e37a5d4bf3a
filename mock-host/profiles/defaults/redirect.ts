import type { HostSession } from '../../engine/session.ts';
import type { RedirectStrategy } from '../host-profile.ts';

/**
 * The host's callback: the real host's URL in production mode (caught in the browser, never sent anywhere), or
 * the same path on the mock host's own origin with PLUGIN_REDIRECT=local, where its callback route handles it.
 */
export function hostCallback(production: (session: HostSession) => string, productionHosts: readonly string[]): RedirectStrategy {
  return {
    productionHosts,
    uri(session) {
      const url = new URL(production(session));
      if (session.settings.redirect !== 'local') return url.toString();
      if (!session.hostOrigin) return session.abort('PLUGIN_REDIRECT=local needs the mock host to be running', 'inconclusive');
      return `${session.hostOrigin}${url.pathname}${url.search}`;
    },
  };
}

/**
 * RFC 8252 §7.3 loopback redirect on an ephemeral port, as a native host listens for it (Claude Code): a port of its
 * own per session in production mode (caught in the browser), the mock host's port in local mode (its route answers).
 */
export function loopbackCallback(path: string): RedirectStrategy {
  const ports = new WeakMap<HostSession, number>();
  return {
    productionHosts: [],
    uri(session) {
      if (session.settings.redirect === 'local') {
        if (!session.hostOrigin) return session.abort('PLUGIN_REDIRECT=local needs the mock host to be running', 'inconclusive');
        return `http://localhost:${new URL(session.hostOrigin).port}${path}`;
      }
      let port = ports.get(session);
      if (port === undefined) {
        // Ephemeral ports (IANA 49152-65535): an authorization server that pins the port of a registered URI fails here.
        port = 49152 + Math.floor(Math.random() * 16_000);
        ports.set(session, port);
      }
      return `http://localhost:${port}${path}`;
    },
  };
}
