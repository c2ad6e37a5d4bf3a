import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { errors, type Configuration } from 'oidc-provider';
import { memoryAdapterFactory } from './memory-adapter.ts';
import { API_SCOPE, type ResolvedOidcPluginOptions } from './options.ts';

/** Where oidc-provider is mounted in the plugin's app; it is also the issuer's path. */
export const OIDC_MOUNT = '/oidc';

const FOURTEEN_DAYS = 14 * 24 * 3600;

/** The resource indicator (RFC 8707) of the todo API: access tokens are minted for it and it checks their audience. */
export function apiResourceOf(origin: string): string {
  return `${origin}/todos`;
}

function signingKeys(): { keys: object[] } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }] };
}

/**
 * oidc-provider's configuration for one confidential client, the way a developer would set it up for the ChatGPT
 * plugin host. Only what differs from oidc-provider's defaults is set, each for a reason given inline.
 */
export function providerConfiguration(options: ResolvedOidcPluginOptions, origin: string): Configuration {
  const apiResource = apiResourceOf(origin);
  return {
    // A real deployment brings its own store; the bundled one is process-wide (see memory-adapter.ts).
    adapter: memoryAdapterFactory(),
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        // refresh_token must be an allowed grant, or oidc-provider drops offline_access and issues no refresh token.
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // The plugin host sends client_id and client_secret in the body, never HTTP Basic (PROTOCOL.md §2). What
        // this registers is what discovery advertises: oidc-provider 8 accepts Basic or body for any secret client.
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // The dev login page (features.devInteractions) signs in any name; every name is an account here.
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    jwks: signingKeys(),
    scopes: ['openid', 'offline_access'],
    // oidc-provider 8 requires PKCE from every client by default. The host sends no code_challenge, and this
    // client authenticates with its secret, so PKCE stays mandatory for public clients only (RFC 9700 §2.1.1).
    pkce: { methods: ['S256'], required: (_ctx, client) => client.clientAuthMethod === 'none' },
    // The host calls the token endpoint server to server; no browser origin needs CORS.
    clientBasedCORS: () => false,
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      // Without a resource server, oidc-provider mints access tokens for its own userinfo endpoint only, with the
      // API's scopes stripped. The host sends no `resource` parameter, so every grant defaults to the todo API.
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => apiResource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator !== apiResource) throw new errors.InvalidTarget(`unknown resource ${indicator}`);
          return { scope: API_SCOPE, audience: apiResource, accessTokenTTL: options.accessTokenTtlSeconds, accessTokenFormat: 'opaque' };
        },
      },
    },
    // oidc-provider's own defaults, written out: a code lives a minute, a refresh token 14 days (and is rotated
    // once 70 % of that has passed, for confidential clients), the browser session and grant as long.
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: FOURTEEN_DAYS,
      Grant: FOURTEEN_DAYS,
      Session: FOURTEEN_DAYS,
    },
  };
}
