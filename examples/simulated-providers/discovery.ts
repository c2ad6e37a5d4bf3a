/** Where a started provider answers, for its discovery document. */
export interface ProviderUrls {
  issuer: string;
  authorize: string;
  token: string;
  jwks: string;
  userinfo: string;
  revoke: string;
}

/** The two well-known forms: OpenID Connect Discovery 1.0 and RFC 8414. */
export type WellKnownForm = 'openid-configuration' | 'oauth-authorization-server';

export interface AuthorizationServerDocument {
  document: Readonly<Record<string, unknown>>;
  /** The forms the provider serves; the others answer 404, as at the real provider. */
  forms: readonly WellKnownForm[];
}

/** A well-configured OpenID provider: both forms, PKCE S256, refresh tokens and offline_access advertised. */
export function standardMetadata(urls: ProviderUrls): AuthorizationServerDocument {
  return {
    forms: ['openid-configuration', 'oauth-authorization-server'],
    document: {
      issuer: urls.issuer,
      authorization_endpoint: urls.authorize,
      token_endpoint: urls.token,
      jwks_uri: urls.jwks,
      userinfo_endpoint: urls.userinfo,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    },
  };
}

/** The path of a well-known form for an issuer without a path (the presets' issuer is the origin). */
export function wellKnownPath(form: WellKnownForm): string {
  return `/.well-known/${form}`;
}
