/** What discovery learns about the target: the normalised view every later step uses. */
export type AuthConfig =
  | { type: 'none' }
  | { type: 'user_http'; authorizationType: 'bearer' | 'basic' }
  | { type: 'service_http'; authorizationType: 'bearer' | 'basic'; verificationTokens: Record<string, string> }
  | {
      type: 'oauth';
      /** The browser authorization page (manifest `client_url`). */
      authorizeUrl: string;
      /** The token endpoint (manifest `authorization_url`). */
      tokenUrl: string;
      scope: string;
      /** The body encoding the host uses at the token endpoint. */
      tokenBodyEncoding: 'json' | 'form';
      verificationTokens: Record<string, string>;
      /** RFC 8707: the resource the host asks tokens for (an MCP server's canonical URL); legacy hosts send none. */
      resource?: string;
      /** What the authorization server's metadata says (MCP hosts discover it; legacy hosts are configured). */
      server?: AuthorizationServerInfo;
    };

/** The members of an authorization server's metadata (RFC 8414) that decide what a host does. */
export interface AuthorizationServerInfo {
  issuer: string;
  /** The metadata document the host used. */
  metadataUrl: string;
  registrationEndpoint?: string;
  revocationEndpoint?: string;
  /** Every endpoint the metadata advertises, by member name (revocation_endpoint, jwks_uri…). */
  advertisedEndpoints: Readonly<Record<string, string>>;
  scopesSupported?: readonly string[];
  grantTypesSupported?: readonly string[];
  codeChallengeMethods?: readonly string[];
  tokenEndpointAuthMethods?: readonly string[];
  /** `client_id_metadata_document_supported: true`. */
  cimdSupported: boolean;
  /** RFC 9207 `authorization_response_iss_parameter_supported: true`. */
  issParameterSupported: boolean;
}

/** What an MCP host learnt about the resource server before any token (RFC 9728). */
export interface ProtectedResourceInfo {
  /** The MCP endpoint exactly as the user entered it. */
  endpoint: string;
  metadataUrl: string;
  /** The metadata's `resource`. */
  resource: string;
  authorizationServers: readonly string[];
  scopesSupported?: readonly string[];
  /** `scope` of the 401 challenge, when it named one. */
  challengeScope?: string;
  /** The 401 pointed at the metadata (`resource_metadata`). */
  pointer?: string;
}

export interface ApiOperation {
  operationId: string;
  method: string;
  /** Path template as written in the OpenAPI document. */
  path: string;
  /** Absolute base URL the host calls (servers[0].url resolved against the document URL). */
  serverUrl: string;
  /** The operation has required parameters or a required request body. */
  needsInput: boolean;
  /** The operation is covered by a security requirement (or the document has a global one). */
  requiresAuth: boolean;
  summary?: string;
  description?: string;
  /** An MCP tool: the arguments the host sends, filled from its input schema. */
  input?: Readonly<Record<string, unknown>>;
  /** An MCP tool annotated `readOnlyHint: true`: safe to call again and again. */
  readOnly?: boolean;
  /** An MCP tool annotated `destructiveHint: false` (MCP presumes a tool that is not read-only destructive). */
  nonDestructive?: boolean;
  /** An MCP tool: the scopes its oauth2 `securitySchemes` name (ChatGPT's per-tool declaration). */
  scopes?: readonly string[];
}

export interface PluginTarget {
  /** Origin the manifest was fetched from (the MCP endpoint for an MCP server). */
  origin: string;
  /** An MCP server: its protected-resource metadata (absent for legacy plugins and Actions). */
  mcp?: ProtectedResourceInfo;
  manifestUrl: string;
  openapiUrl: string;
  nameForHuman?: string;
  auth: AuthConfig;
  operations: ApiOperation[];
}
