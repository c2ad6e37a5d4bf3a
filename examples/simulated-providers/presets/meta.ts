import { behaviour, type ProviderPreset } from '../preset.ts';

/**
 * Facebook Login: no refresh tokens at all; the code exchange gives a long-lived user token (~60 days). Errors are
 * Graph API errors ({"error": {"message", "type": "OAuthException", "code"}}), not RFC 6749.
 */
export const meta: ProviderPreset = {
  name: 'meta',
  summary: 'no refresh tokens, ever; ~60-day access tokens; Graph API error objects',
  endpoints: { authorize: '/v19.0/dialog/oauth', token: '/v19.0/oauth/access_token' },
  create: () =>
    behaviour({
      accessTokenTtlSeconds: 5_183_944,
      issuesRefreshToken: () => false,
      shapeSuccess: ({ access_token, expires_in }) => ({ status: 200, body: { access_token, token_type: 'bearer', expires_in } }),
      shapeRefusal: (r) => ({ status: 400, body: { error: { message: r.description, type: 'OAuthException', code: 100, fbtrace_id: 'SimulatedTrace' } } }),
    }),
};
