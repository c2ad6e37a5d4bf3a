import type { Settings } from '../../config/settings.ts';
import type { ClientStrategy, TokenAuthMethod } from '../host-profile.ts';

/**
 * The client the developer registered for the host and configured (PLUGIN_CLIENT_ID, PLUGIN_CLIENT_SECRET): the only
 * kind the legacy hosts know. A confidential client: without both values the run cannot install.
 */
export function configuredConfidentialClient(options: {
  authMethod: (settings: Settings) => Extract<TokenAuthMethod, 'client_secret_post' | 'client_secret_basic'>;
  clientAuthFix: ClientStrategy['clientAuthFix'];
}): ClientStrategy {
  return {
    async obtain(session) {
      const { clientId, clientSecret } = session.settings;
      if (!clientId || !clientSecret) {
        return session.abort('an oauth plugin needs PLUGIN_CLIENT_ID and PLUGIN_CLIENT_SECRET (the OAuth client registered for the host)', 'inconclusive');
      }
      return { clientId, clientSecret, authMethod: options.authMethod(session.settings), source: 'configured' };
    },
    clientAuthFix: options.clientAuthFix,
  };
}
