import { z } from 'zod';

const url = z.string().refine((v) => URL.canParse(v), 'expected an absolute URL');
const strings = z.array(z.string());

/** RFC 9728 §2 protected resource metadata, as far as the hosts read it (other members are allowed). */
export const protectedResourceMetadataSchema = z.looseObject({
  resource: z.string().min(1),
  authorization_servers: z.array(url).min(1, 'expected at least one authorization server'),
  scopes_supported: strings.optional(),
  bearer_methods_supported: strings.optional(),
  resource_name: z.string().optional(),
});
export type ProtectedResourceMetadata = z.infer<typeof protectedResourceMetadataSchema>;

/** RFC 8414 §2 / OpenID Connect Discovery §3 authorization server metadata, the members the hosts use. */
export const authorizationServerMetadataSchema = z.looseObject({
  issuer: z.string().min(1),
  authorization_endpoint: url,
  token_endpoint: url,
  registration_endpoint: url.optional(),
  revocation_endpoint: url.optional(),
  introspection_endpoint: url.optional(),
  userinfo_endpoint: url.optional(),
  jwks_uri: url.optional(),
  scopes_supported: strings.optional(),
  response_types_supported: strings.optional(),
  grant_types_supported: strings.optional(),
  code_challenge_methods_supported: strings.optional(),
  token_endpoint_auth_methods_supported: strings.optional(),
  client_id_metadata_document_supported: z.boolean().optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
});
export type AuthorizationServerMetadata = z.infer<typeof authorizationServerMetadataSchema>;
