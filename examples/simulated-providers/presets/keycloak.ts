import { randomUUID } from 'node:crypto';
import { standardMetadata } from '../discovery.ts';
import { behaviour, grantsAnyScope, type Authorization, type ProviderPreset } from '../preset.ts';

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
  create: (tenant) => {
    // Without the offline_access client scope on the client, asking for it changes nothing.
    const offline = (a: Authorization) => tenant.offlineAccess && grantsAnyScope(a, 'offline_access');
    return behaviour({
      accessTokenTtlSeconds: 300,
      refreshRotation: 'new',
      issuesRefreshToken: () => true,
      refreshTokenIdleSeconds: (a) => (offline(a) ? OFFLINE_SESSION_IDLE_SECONDS : SSO_SESSION_IDLE_SECONDS),
      shapeSuccess: (body, { authorization }) => ({
        status: 200,
        body: {
          ...body,
          refresh_expires_in: offline(authorization) ? 0 : SSO_SESSION_IDLE_SECONDS,
          'not-before-policy': 0,
          session_state: randomUUID(),
        },
      }),
      metadata: (urls) => {
        const standard = standardMetadata(urls);
        return { ...standard, document: { ...standard.document, code_challenge_methods_supported: ['plain', 'S256'] } };
      },
    });
  },
};
