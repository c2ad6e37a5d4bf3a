import { behaviour, grantsAnyScope, rfc6749Refusal, type ProviderPreset } from '../preset.ts';

/**
 * Atlassian (3LO): a refresh token only with offline_access, rotating on every refresh; a rotated-away refresh
 * token gets HTTP 403, and a wrong client secret looks like a user who declined (access_denied).
 */
export const atlassian: ProviderPreset = {
  name: 'atlassian',
  summary: 'refresh token only with offline_access; rotation: the previous refresh token dies on use (403)',
  endpoints: { authorize: '/authorize', token: '/oauth/token' },
  create: () =>
    behaviour({
      refreshRotation: 'rotate',
      issuesRefreshToken: (a) => grantsAnyScope(a, 'offline_access'),
      shapeRefusal: (r) => {
        if (r.reason === 'bad_client') return { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
        if (r.reason.includes('refresh')) return { status: 403, body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' } };
        return rfc6749Refusal(r);
      },
    }),
};
