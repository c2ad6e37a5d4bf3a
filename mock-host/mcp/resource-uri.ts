/**
 * RFC 8707 §2 / MCP authorization: the canonical URI of an MCP server: lower-case scheme and host, no default port,
 * no fragment, no trailing slash; the path is kept (`https://MCP.example.com:443/mcp/` → `https://mcp.example.com/mcp`).
 */
export function canonicalResource(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const u = new URL(url);
  u.hash = '';
  const path = u.pathname.replace(/\/+$/, '');
  // URL already lower-cases scheme and host and drops a default port.
  return `${u.protocol}//${u.host}${path}${u.search}`;
}

/** The path-inserted RFC 9728 metadata URL (`/.well-known/oauth-protected-resource/<path>`) and the root one. */
export function protectedResourceMetadataUrls(mcpUrl: string): { pathInserted: string; root: string } {
  const u = new URL(mcpUrl);
  const path = u.pathname.replace(/\/+$/, '');
  return { pathInserted: `${u.origin}/.well-known/oauth-protected-resource${path}`, root: `${u.origin}/.well-known/oauth-protected-resource` };
}

/**
 * Where the metadata of an issuer lives, in the order MCP clients try them (2025-11-25): with a path,
 * RFC 8414 path-inserted, OIDC path-inserted, OIDC path-appended; without, RFC 8414 then OIDC.
 */
export function authorizationServerMetadataUrls(issuer: string): { url: string; kind: 'oauth' | 'openid' }[] {
  const u = new URL(issuer);
  const path = u.pathname.replace(/\/+$/, '');
  if (!path) {
    return [
      { url: `${u.origin}/.well-known/oauth-authorization-server`, kind: 'oauth' },
      { url: `${u.origin}/.well-known/openid-configuration`, kind: 'openid' },
    ];
  }
  return [
    { url: `${u.origin}/.well-known/oauth-authorization-server${path}`, kind: 'oauth' },
    { url: `${u.origin}/.well-known/openid-configuration${path}`, kind: 'openid' },
    { url: `${u.origin}${path}/.well-known/openid-configuration`, kind: 'openid' },
  ];
}
