import { behaviour, rfc6749Refusal, type ProviderPreset } from '../preset.ts';

/** Zoom: every refresh returns a new refresh token and the previous one is refused at once ("Invalid Token!"). */
export const zoom: ProviderPreset = {
  name: 'zoom',
  summary: 'refresh-token rotation: the previous refresh token dies on use',
  endpoints: { authorize: '/oauth/authorize', token: '/oauth/token' },
  create: () =>
    behaviour({
      accessTokenTtlSeconds: 3599,
      refreshRotation: 'rotate',
      issuesRefreshToken: () => true,
      shapeRefusal: (r) => {
        const standard = rfc6749Refusal(r);
        const reason = r.reason === 'bad_client' ? 'Invalid client_id or client_secret' : r.reason.includes('refresh') ? 'Invalid Token!' : 'Invalid authorization code';
        return { status: standard.status, body: { reason, error: r.error } };
      },
    }),
};
