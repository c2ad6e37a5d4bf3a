/** Every URL the server publishes, derived from its origin in one place so metadata, tokens and checks agree. */
export interface ServerUrls {
  /** scheme://host:port, no trailing slash. */
  readonly origin: string;
  /** The MCP endpoint: what a user types into the host, the PRM `resource` and every access token's `aud`. */
  readonly mcp: string;
  /** RFC 9728 §3.1: the well-known path inserted before the resource's path. */
  readonly prmPathInserted: string;
  readonly prmRoot: string;
  readonly issuer: string;
  readonly authorize: string;
  readonly token: string;
  readonly register: string;
  readonly revoke: string;
  readonly jwks: string;
  /** The issuer the prm-first-as-broken fault lists first: nothing answers under it. */
  readonly brokenIssuer: string;
}

export const MCP_PATH = '/mcp';
export const PRM_PATH = '/.well-known/oauth-protected-resource';

export function serverUrls(origin: string): ServerUrls {
  const base = origin.replace(/\/+$/, '');
  return {
    origin: base,
    mcp: `${base}${MCP_PATH}`,
    prmPathInserted: `${base}${PRM_PATH}${MCP_PATH}`,
    prmRoot: `${base}${PRM_PATH}`,
    issuer: base,
    authorize: `${base}/authorize`,
    token: `${base}/token`,
    register: `${base}/register`,
    revoke: `${base}/revoke`,
    jwks: `${base}/jwks.json`,
    brokenIssuer: `${base}/broken-issuer`,
  };
}
