import { behaviour, type ProviderPreset, type RefusalReason } from '../preset.ts';

const GITHUB_ERRORS: Record<RefusalReason, { error: string; error_description: string }> = {
  unknown_code: { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' },
  code_used: { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' },
  redirect_uri_mismatch: { error: 'redirect_uri_mismatch', error_description: 'The redirect_uri MUST match the registered callback URL for this application.' },
  bad_client: { error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.' },
  unknown_refresh_token: { error: 'bad_refresh_token', error_description: 'The refresh token passed is incorrect or expired.' },
  refresh_token_revoked: { error: 'bad_refresh_token', error_description: 'The refresh token passed is incorrect or expired.' },
  refresh_token_idle: { error: 'bad_refresh_token', error_description: 'The refresh token passed is incorrect or expired.' },
  unsupported_grant_type: { error: 'unsupported_grant_type', error_description: 'The grant type is not supported.' },
  pkce_mismatch: { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' },
};

/**
 * A GitHub OAuth app: tokens that never expire and no refresh token; the token endpoint answers
 * application/x-www-form-urlencoded unless the request says Accept: application/json, and reports every error
 * with HTTP 200 and an `error` field. Scopes come back comma-separated.
 */
export const github: ProviderPreset = {
  name: 'github',
  summary: 'form-encoded answer unless Accept: application/json; errors as HTTP 200; no expiry, no refresh token',
  endpoints: { authorize: '/login/oauth/authorize', token: '/login/oauth/access_token' },
  create: () =>
    behaviour({
      // OAuth app tokens do not expire; the JWT still needs an exp, so a long one.
      accessTokenTtlSeconds: 10 * 365 * 86_400,
      issuesRefreshToken: () => false,
      reportScope: (granted) => granted.join(','),
      shapeSuccess: ({ access_token, scope }) => ({ status: 200, body: { access_token, token_type: 'bearer', scope } }),
      shapeRefusal: (r) => ({ status: 200, body: { ...GITHUB_ERRORS[r.reason], error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors' } }),
      answerEncoding: (accept) => (/\bapplication\/json\b/i.test(accept ?? '') ? 'json' : 'form'),
    }),
};
