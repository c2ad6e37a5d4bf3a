import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { errors, type Client, type Configuration } from 'oidc-provider';
import { sameResource } from '../reference-mcp-server/resource-indicator.ts';
import { NOTES_ADMIN, NOTES_READ, NOTES_WRITE, OFFLINE_ACCESS } from '../reference-mcp-server/scopes.ts';
import { perInstanceMemoryAdapter } from './memory-adapter.ts';
import type { ResolvedOidcMcpServerOptions } from './options.ts';

/** Where oidc-provider is mounted; also the issuer's path. */
export const OIDC_MOUNT = '/oidc';

const RESOURCE_SCOPES = [NOTES_READ, NOTES_WRITE, NOTES_ADMIN].join(' ');

function signingKeys(): { keys: object[] } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }] };
}

/** A browser-based client may call the token endpoint from the origin of one of its redirect URIs, no other. */
function corsAllowed(origin: string, client: Client): boolean {
  return client.redirectUris.some((uri) => {
    try {
      return new URL(uri).origin === origin;
    } catch {
      return false;
    }
  });
}

/**
 * Members the shared oidc-provider declaration does not list for `features`; spread in below. Each is explained in
 * the README's settings table.
 */
const extraFeatures = {
  // RFC 7591 DCR for every host (ChatGPT and Claude Code register public clients, Claude a client_secret_post one).
  registration: { enabled: true, initialAccessToken: false },
};

/**
 * oidc-provider configured the way a careful MCP server developer would for today's hosts: DCR, the MCP URL as the
 * only resource with JWT access tokens for it, PKCE S256 always, refresh tokens without offline_access, revocation.
 */
export function providerConfiguration(options: ResolvedOidcMcpServerOptions, mcpUrl: string): Configuration {
  return {
    adapter: perInstanceMemoryAdapter(),
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // The dev login page signs in any name; every name is an account whose sub is that name.
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    jwks: signingKeys(),
    // Listed in scopes_supported: Claude appends offline_access only when the AS lists it, some hosts request the
    // AS's whole list, and the notes scopes must be in it for those to get a usable token.
    scopes: ['openid', OFFLINE_ACCESS, NOTES_READ, NOTES_WRITE, NOTES_ADMIN],
    // OAuth 2.1 and the MCP spec: the code flow only (oidc-provider also offers implicit and hybrid by default).
    responseTypes: ['code'],
    // S256 only, for every client: the MCP spec requires PKCE, and hosts refuse an AS that does not advertise S256.
    pkce: { methods: ['S256'], required: () => true },
    clientBasedCORS: (_ctx, origin, client) => corsAllowed(origin, client),
    // Hosts ask for offline_access inconsistently (and oidc-provider drops it without prompt=consent): a refresh
    // token for every client allowed the grant keeps users connected past the first access token.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Every refresh rotates: the MCP spec requires it for public clients, and one rule for all hosts is simpler to
    // reason about. oidc-provider has no grace window: a replaced token presented again revokes the grant.
    rotateRefreshToken: true,
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Requests without `resource` (hosts send one, but not every refresh does) get the MCP URL all the same.
        defaultResource: async () => mcpUrl,
        // A refresh without `resource` keeps the resource the grant was made for.
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator) => {
          // RFC 8707 / MCP canonical form: a trailing slash or upper-case host names the same resource.
          if (!sameResource(indicator, mcpUrl)) throw new errors.InvalidTarget(`unknown resource ${indicator}`);
          return {
            scope: RESOURCE_SCOPES,
            audience: mcpUrl,
            accessTokenTTL: options.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      ...extraFeatures,
    },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: options.refreshTokenTtlSeconds,
      Grant: options.refreshTokenTtlSeconds,
      Session: options.refreshTokenTtlSeconds,
    },
  };
}
