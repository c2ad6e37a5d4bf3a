import type { ProviderUrls } from '../discovery.ts';
import { behaviour, grantsAnyScope, type Answer, type ProviderPreset, type TenantSettings } from '../preset.ts';

/** Entra's error body: RFC 6749 fields plus its own AADSTS number. */
function entraError(error: string, aadsts: number, text: string): Answer {
  return { status: 400, body: { error, error_description: `AADSTS${aadsts}: ${text}`, error_codes: [aadsts], timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z' } };
}

/**
 * What login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration lists: no RFC 8414 form, no
 * code_challenge_methods_supported (PKCE works, it is just not advertised) and no grant_types_supported.
 */
function entraMetadata(urls: ProviderUrls) {
  return {
    forms: ['openid-configuration'] as const,
    document: {
      token_endpoint: urls.token,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: urls.jwks,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: urls.issuer,
      request_uri_parameter_supported: false,
      userinfo_endpoint: urls.userinfo,
      authorization_endpoint: urls.authorize,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
    },
  };
}

/** Entra refuses an RFC 8707 resource that is not one of the app's Application ID URIs (AADSTS9010010). */
const acceptsResource = (tenant: TenantSettings, resource: string | undefined): boolean => resource === undefined || tenant.applicationIdUris.includes(resource);

/**
 * Microsoft identity platform (v2.0): a refresh token only for offline_access, a scope it never echoes back; each
 * refresh hands out a new refresh token and the old one stays valid. Access tokens live 60–90 minutes. A refresh
 * must name its scope again (AADSTS900144), and a `resource` must be an Application ID URI of the app (AADSTS9010010):
 * both are refused before the refresh token or code is looked at.
 */
export const entra: ProviderPreset = {
  name: 'entra',
  summary: 'refresh token only with offline_access (never echoed in scope); refreshes issue a new one and need scope; resource only an Application ID URI; PKCE not advertised',
  endpoints: { authorize: '/common/oauth2/v2.0/authorize', token: '/common/oauth2/v2.0/token' },
  create: (tenant) =>
    behaviour({
      accessTokenTtlSeconds: 4380,
      refreshRotation: 'new',
      issuesRefreshToken: (a) => grantsAnyScope(a, 'offline_access'),
      reportScope: (granted) => granted.filter((s) => s !== 'offline_access').join(' '),
      shapeSuccess: (body) => ({ status: 200, body: { ...body, ext_expires_in: body.expires_in } }),
      metadata: entraMetadata,
      screenTokenRequest: (request) => {
        if (!acceptsResource(tenant, request.resource)) {
          return entraError('invalid_target', 9010010, `The resource parameter provided in the request doesn't match with the requested scopes. Resource: ${request.resource}`);
        }
        if (tenant.refreshNeedsScope && request.grantType === 'refresh_token' && (request.scope ?? '').trim() === '') {
          return entraError('invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
        }
        return undefined;
      },
      audience: (resource, clientId) => (resource !== undefined && acceptsResource(tenant, resource) ? resource : clientId),
    }),
};
