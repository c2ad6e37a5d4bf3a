import { behaviour, grantsAnyScope, type ProviderPreset } from '../preset.ts';

/** The default custom authorization server's audience: Okta puts it in every access token, whatever `resource` says. */
export const OKTA_DEFAULT_AUDIENCE = 'api://default';

/**
 * Okta (the `default` custom authorization server): a refresh token only for offline_access and only when the app has
 * the Refresh Token grant (tenant offlineAccess); with the default persistent tokens a refresh returns the same one.
 * Access tokens carry the authorization server's audience (api://default), not the RFC 8707 resource.
 */
export const okta: ProviderPreset = {
  name: 'okta',
  summary: 'refresh token only with offline_access in scope; refreshes return the same one',
  endpoints: { authorize: '/oauth2/default/v1/authorize', token: '/oauth2/default/v1/token' },
  create: (tenant) =>
    behaviour({
      refreshRotation: 'same',
      issuesRefreshToken: (a) => tenant.offlineAccess && grantsAnyScope(a, 'offline_access'),
      audience: () => OKTA_DEFAULT_AUDIENCE,
    }),
};
