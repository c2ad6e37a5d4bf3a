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
    };

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
}

export interface PluginTarget {
  /** Origin the manifest was fetched from. */
  origin: string;
  manifestUrl: string;
  openapiUrl: string;
  nameForHuman?: string;
  auth: AuthConfig;
  operations: ApiOperation[];
}
