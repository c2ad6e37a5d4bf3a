/**
 * The documents of a plugin that would pass every check: the baseline each hostile behaviour departs from in one
 * way only, so a scenario sees exactly the finding that behaviour causes.
 */

export const HOSTILE_CLIENT = {
  clientId: 'hostile-client',
  clientSecret: 'hostile-client-secret',
  username: 'hostile@example.com',
  password: 'hostile-password',
  verificationToken: 'hostile-verification-token',
} as const;

export const PATHS = {
  manifest: '/.well-known/ai-plugin.json',
  openapi: '/openapi.json',
  authorize: '/authorize',
  login: '/login',
  token: '/token',
  api: '/items',
  logo: '/logo.png',
  legal: '/legal',
} as const;

export type Manifest = Record<string, unknown> & { auth: Record<string, unknown>; api: Record<string, unknown> };

export function baselineManifest(origin: string): Manifest {
  return {
    schema_version: 'v1',
    name_for_model: 'hostile_items',
    name_for_human: 'Hostile Items',
    description_for_model: 'Lists the user items.',
    description_for_human: 'Your items.',
    auth: {
      type: 'oauth',
      client_url: `${origin}${PATHS.authorize}`,
      authorization_url: `${origin}${PATHS.token}`,
      scope: 'items:read',
      authorization_content_type: 'application/json',
      verification_tokens: { openai: HOSTILE_CLIENT.verificationToken },
    },
    api: { type: 'openapi', url: `${origin}${PATHS.openapi}`, is_user_authenticated: false },
    logo_url: `${origin}${PATHS.logo}`,
    contact_email: 'security@example.com',
    legal_info_url: `${origin}${PATHS.legal}`,
  };
}

export function baselineOpenApi(origin: string): Record<string, unknown> {
  return {
    openapi: '3.0.1',
    info: { title: 'Hostile Items', version: '1.0.0' },
    servers: [{ url: origin }],
    security: [{ oauth: ['items:read'] }],
    components: {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          flows: { authorizationCode: { authorizationUrl: `${origin}${PATHS.authorize}`, tokenUrl: `${origin}${PATHS.token}`, scopes: { 'items:read': 'read items' } } },
        },
      },
    },
    paths: {
      [PATHS.api]: {
        get: {
          operationId: 'listItems',
          summary: 'List the items',
          responses: { '200': { description: 'the items' } },
        },
      },
    },
  };
}

/** A token response that passes every §3 check. */
export function baselineTokens(accessToken: string, refreshToken: string): Record<string, unknown> {
  return { access_token: accessToken, token_type: 'bearer', expires_in: 3600, refresh_token: refreshToken, scope: 'items:read' };
}

export const LOGIN_PAGE = `<!doctype html><html><head><title>Sign in</title></head><body>
<form method="post" action="${PATHS.login}"><label>Email <input type="email" name="username"></label>
<label>Password <input type="password" name="password"></label><button type="submit">Sign in</button></form></body></html>`;
