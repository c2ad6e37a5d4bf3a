import { behaviour, grantsAnyScope, type ProviderPreset } from '../preset.ts';

/** Auth0: a refresh token only for the offline_access scope; with rotation off (the default) refreshes omit it. */
export const auth0: ProviderPreset = {
  name: 'auth0',
  summary: 'refresh token only with offline_access in scope; refresh answers omit it (rotation off)',
  endpoints: { authorize: '/authorize', token: '/oauth/token' },
  create: () =>
    behaviour({
      accessTokenTtlSeconds: 86_400,
      refreshRotation: 'omit',
      issuesRefreshToken: (a) => grantsAnyScope(a, 'offline_access'),
    }),
};
