import { standardMetadata } from '../discovery.ts';
import { behaviour, type ProviderPreset } from '../preset.ts';

// A consent item of its own: a user who granted online access is asked again when the app wants offline access.
const OFFLINE_ACCESS = 'access_type=offline';

/**
 * Google: a refresh token only for access_type=offline, and only when the consent screen is shown. Google shows it
 * when the app asks for something not granted yet (the first install) and for prompt=consent, so an app without
 * prompt=consent gets a refresh token on the first install and none on a reinstall. Refresh answers carry none.
 */
export const google: ProviderPreset = {
  name: 'google',
  summary: 'refresh token only with access_type=offline, and only when consent is shown (first time or prompt=consent)',
  endpoints: { authorize: '/o/oauth2/v2/auth', token: '/token' },
  create: () =>
    behaviour({
      accessTokenTtlSeconds: 3599,
      refreshRotation: 'omit',
      consentItems: (params, scope) => [...scope, ...(params.get('access_type') === 'offline' ? [OFFLINE_ACCESS] : [])],
      issuesRefreshToken: (a) => a.params.get('access_type') === 'offline' && a.consentShown,
      // accounts.google.com/.well-known/openid-configuration: the OpenID form only, and no offline_access (Google's
      // switch is access_type=offline, a parameter no MCP host sends).
      metadata: (urls) => {
        const standard = standardMetadata(urls);
        return {
          forms: ['openid-configuration'],
          document: { ...standard.document, scopes_supported: ['openid', 'email', 'profile'], code_challenge_methods_supported: ['plain', 'S256'], token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'] },
        };
      },
    }),
};
