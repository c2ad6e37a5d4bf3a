import { randomUUID } from 'node:crypto';
import { behaviour, grantsAnyScope, type ProviderPreset } from '../preset.ts';

const SSO_SESSION_IDLE_SECONDS = 1800;
const OFFLINE_SESSION_IDLE_SECONDS = 30 * 86_400;

/**
 * Keycloak with realm defaults: 5-minute access tokens and refresh tokens bound to the SSO session, which dies
 * after 30 minutes idle (refresh_expires_in 1800, then "Token is not active"). offline_access gives an offline
 * token instead (refresh_expires_in 0, 30 days idle). Each refresh issues a new refresh token.
 */
export const keycloak: ProviderPreset = {
  name: 'keycloak',
  summary: 'refresh_expires_in 1800: refresh tokens die with the SSO session unless offline_access',
  endpoints: { authorize: '/realms/main/protocol/openid-connect/auth', token: '/realms/main/protocol/openid-connect/token' },
  create: () =>
    behaviour({
      accessTokenTtlSeconds: 300,
      refreshRotation: 'new',
      issuesRefreshToken: () => true,
      refreshTokenIdleSeconds: (a) => (grantsAnyScope(a, 'offline_access') ? OFFLINE_SESSION_IDLE_SECONDS : SSO_SESSION_IDLE_SECONDS),
      shapeSuccess: (body, { authorization }) => ({
        status: 200,
        body: {
          ...body,
          refresh_expires_in: grantsAnyScope(authorization, 'offline_access') ? 0 : SSO_SESSION_IDLE_SECONDS,
          'not-before-policy': 0,
          session_state: randomUUID(),
        },
      }),
    }),
};
