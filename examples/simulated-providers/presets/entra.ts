import { behaviour, grantsAnyScope, type ProviderPreset } from '../preset.ts';

/**
 * Microsoft identity platform (v2.0): a refresh token only for offline_access, a scope it never echoes back; each
 * refresh hands out a new refresh token and the old one stays valid. Access tokens live 60–90 minutes.
 */
export const entra: ProviderPreset = {
  name: 'entra',
  summary: 'refresh token only with offline_access (never echoed in scope); refreshes issue a new one',
  endpoints: { authorize: '/common/oauth2/v2.0/authorize', token: '/common/oauth2/v2.0/token' },
  create: () =>
    behaviour({
      accessTokenTtlSeconds: 4380,
      refreshRotation: 'new',
      issuesRefreshToken: (a) => grantsAnyScope(a, 'offline_access'),
      reportScope: (granted) => granted.filter((s) => s !== 'offline_access').join(' '),
      shapeSuccess: (body) => ({ status: 200, body: { ...body, ext_expires_in: body.expires_in } }),
    }),
};
