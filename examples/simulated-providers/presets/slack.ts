import { standardMetadata } from '../discovery.ts';
import { behaviour, type Authorization, type ProviderPreset, type RefusalReason, type StandardTokenBody } from '../preset.ts';

const SLACK_ERRORS: Record<RefusalReason, string> = {
  unknown_code: 'invalid_code',
  code_used: 'invalid_code',
  redirect_uri_mismatch: 'bad_redirect_uri',
  bad_client: 'invalid_client_id',
  unknown_refresh_token: 'invalid_refresh_token',
  refresh_token_revoked: 'invalid_refresh_token',
  refresh_token_idle: 'invalid_refresh_token',
  unsupported_grant_type: 'invalid_grant_type',
  pkce_mismatch: 'invalid_code_verifier',
};

const userScopes = (a: Authorization): string => (a.params.get('user_scope') ?? '').split(/[\s,]+/).filter(Boolean).join(',');

/**
 * Slack oauth.v2.access with token rotation on: user tokens (user_scope) come under authed_user with their refresh
 * token and 12 h expiry, nothing at the top level; only bot scopes (scope) put a bot token at the top. Errors are
 * HTTP 200 with ok:false. With rotation on the bot token at the top level also expires, with its refresh token beside it.
 * Discovery: Sign in with Slack's OpenID document only, without offline_access.
 */
export const slack: ProviderPreset = {
  name: 'slack',
  summary: 'oauth.v2.access shape: user token nested under authed_user, ok:true; errors as 200 ok:false',
  endpoints: { authorize: '/oauth/v2/authorize', token: '/api/oauth.v2.access' },
  create: () =>
    behaviour({
      accessTokenTtlSeconds: 43_200,
      issuesRefreshToken: () => true,
      reportScope: (granted) => granted.join(','),
      shapeSuccess: (body: StandardTokenBody, { grant, authorization }) => {
        const user = { id: 'U0SIMULATED', scope: userScopes(authorization), access_token: body.access_token, token_type: 'user', expires_in: body.expires_in, ...(body.refresh_token ? { refresh_token: body.refresh_token } : {}) };
        const bot = body.scope
          ? { access_token: body.access_token, token_type: 'bot', scope: body.scope, bot_user_id: 'U0SIMBOT', expires_in: body.expires_in, ...(body.refresh_token ? { refresh_token: body.refresh_token } : {}) }
          : {};
        // A refresh answers for the one token refreshed, at the top level: the bot's when bot scopes were granted.
        if (grant === 'refresh_token') return { status: 200, body: { ok: true, ...(body.scope ? bot : user) } };
        return {
          status: 200,
          body: { ok: true, app_id: 'A0SIMULATED', authed_user: user, ...bot, team: { id: 'T0SIMULATED', name: 'Simulated' }, enterprise: null, is_enterprise_install: false },
        };
      },
      shapeRefusal: (r) => ({ status: 200, body: { ok: false, error: SLACK_ERRORS[r.reason] } }),
      metadata: (urls) => {
        const standard = standardMetadata(urls);
        return { forms: ['openid-configuration'], document: { ...standard.document, scopes_supported: ['openid', 'profile', 'email'] } };
      },
    }),
};
