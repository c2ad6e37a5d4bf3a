import { standardMetadata } from '../discovery.ts';
import { behaviour, grantsAnyScope, type ProviderPreset } from '../preset.ts';

/**
 * Auth0: a refresh token only for the offline_access scope, and only when the API allows offline access (tenant
 * offlineAccess; otherwise the scope is accepted and silently gives nothing); with rotation off (the default)
 * refreshes omit it.
 */
export const auth0: ProviderPreset = {
  name: 'auth0',
  summary: 'refresh token only with offline_access in scope; refresh answers omit it (rotation off)',
  endpoints: { authorize: '/authorize', token: '/oauth/token' },
  create: (tenant) =>
    behaviour({
      accessTokenTtlSeconds: 86_400,
      refreshRotation: 'omit',
      issuesRefreshToken: (a) => tenant.offlineAccess && grantsAnyScope(a, 'offline_access'),
      metadata: (urls) => {
        const standard = standardMetadata(urls);
        return {
          ...standard,
          document: {
            ...standard.document,
            code_challenge_methods_supported: ['S256', 'plain'],
            token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
          },
        };
      },
    }),
};
