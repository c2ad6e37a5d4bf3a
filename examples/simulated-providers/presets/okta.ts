import { behaviour, grantsAnyScope, type ProviderPreset } from '../preset.ts';

/** Okta: a refresh token only for offline_access; with the default persistent tokens a refresh returns the same one. */
export const okta: ProviderPreset = {
  name: 'okta',
  summary: 'refresh token only with offline_access in scope; refreshes return the same one',
  endpoints: { authorize: '/oauth2/default/v1/authorize', token: '/oauth2/default/v1/token' },
  create: () =>
    behaviour({
      refreshRotation: 'same',
      issuesRefreshToken: (a) => grantsAnyScope(a, 'offline_access'),
    }),
};
