import { Router, type Response } from 'express';
import { supportsClientIdMetadataDocuments } from './client-lookup.ts';
import type { ServerContext } from './context.ts';
import { TOKEN_ENDPOINT_AUTH_METHODS } from './options.ts';
import { OFFLINE_ACCESS, RESOURCE_SCOPES } from './scopes.ts';

/** RFC 8414 metadata of the built-in AS; the OIDC discovery document carries the same members. */
export function authorizationServerMetadata(ctx: ServerContext): Record<string, unknown> {
  const { urls, has } = ctx;
  const metadata: Record<string, unknown> = {
    // The fault: one trailing slash, enough for clients that compare issuers (as they MUST) to give up.
    issuer: has('issuer-mismatch') ? `${urls.issuer}/` : urls.issuer,
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
  };
  if (!has('no-client-registration')) metadata['registration_endpoint'] = urls.register;
  metadata['revocation_endpoint'] = urls.revoke;
  metadata['revocation_endpoint_auth_methods_supported'] = [...TOKEN_ENDPOINT_AUTH_METHODS];
  metadata['jwks_uri'] = urls.jwks;
  metadata['response_types_supported'] = ['code'];
  metadata['response_modes_supported'] = ['query'];
  metadata['grant_types_supported'] = ['authorization_code', 'refresh_token'];
  if (!has('no-pkce-advertised')) metadata['code_challenge_methods_supported'] = ['S256'];
  metadata['token_endpoint_auth_methods_supported'] = has('cimd-without-none') ? ['client_secret_post', 'client_secret_basic'] : [...(ctx.options.advertisedTokenEndpointAuthMethods ?? TOKEN_ENDPOINT_AUTH_METHODS)];
  metadata['token_endpoint_auth_signing_alg_values_supported'] = ['RS256', 'ES256'];
  metadata['scopes_supported'] = has('refresh-token-needs-offline-access') ? [...RESOURCE_SCOPES] : [...RESOURCE_SCOPES, OFFLINE_ACCESS];
  if (supportsClientIdMetadataDocuments(ctx)) metadata['client_id_metadata_document_supported'] = true;
  if (!has('no-iss-parameter')) metadata['authorization_response_iss_parameter_supported'] = true;
  // RFC 8707 defines no metadata member; this draft-style one tells readers the resource parameter is understood.
  metadata['resource_indicators_supported'] = true;
  metadata['service_documentation'] = `${urls.origin}/`;
  return metadata;
}

export function authorizationServerMetadataRoutes(ctx: ServerContext): Router {
  const router = Router();
  const serve = (oidc: boolean) => (_req: unknown, res: Response) => {
    if (ctx.has('as-metadata-missing') || (oidc && ctx.has('no-openid-configuration'))) {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    res.set('Cache-Control', 'max-age=60').json(authorizationServerMetadata(ctx));
  };
  router.get('/.well-known/oauth-authorization-server', serve(false));
  router.get('/.well-known/openid-configuration', serve(true));
  router.get('/jwks.json', (_req, res) => {
    res.set('Cache-Control', 'max-age=60').json({ keys: [ctx.key.publicJwk] });
  });
  return router;
}
