import { behaviour, grantsAnyScope, type ProviderPreset } from '../preset.ts';

/**
 * Salesforce: never sends expires_in (the session timeout applies server-side, 2 h here), and a refresh token only
 * for the refresh_token or offline_access scope. The answer carries instance_url, id, issued_at and signature.
 */
export const salesforce: ProviderPreset = {
  name: 'salesforce',
  summary: 'no expires_in; refresh token only with the refresh_token or offline_access scope',
  endpoints: { authorize: '/services/oauth2/authorize', token: '/services/oauth2/token' },
  create: () =>
    behaviour({
      accessTokenTtlSeconds: 7200,
      refreshRotation: 'omit',
      issuesRefreshToken: (a) => grantsAnyScope(a, 'refresh_token', 'offline_access'),
      shapeSuccess: ({ expires_in: _hidden, ...body }) => ({
        status: 200,
        body: {
          ...body,
          instance_url: 'https://simulated.my.salesforce.com',
          id: 'https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA',
          issued_at: String(Date.now()),
          signature: 'c2ltdWxhdGVkLXNpZ25hdHVyZQ==',
        },
      }),
    }),
};
