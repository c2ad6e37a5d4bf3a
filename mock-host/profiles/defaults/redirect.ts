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
