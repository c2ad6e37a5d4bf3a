import { behaviour, type ProviderPreset } from '../preset.ts';

/** Dropbox: short-lived (4 h) access tokens; a refresh token only with token_access_type=offline. */
export const dropbox: ProviderPreset = {
  name: 'dropbox',
  summary: 'refresh token only with token_access_type=offline; 4 h access tokens',
  endpoints: { authorize: '/oauth2/authorize', token: '/oauth2/token' },
  create: () =>
    behaviour({
      accessTokenTtlSeconds: 14_400,
      refreshRotation: 'omit',
      issuesRefreshToken: (a) => a.params.get('token_access_type') === 'offline',
      shapeSuccess: (body) => ({ status: 200, body: { ...body, token_type: 'bearer', uid: '12345', account_id: 'dbid:simulated-account' } }),
    }),
};
