import type { ScopeStrategy } from '../host-profile.ts';

const OIDC_SCOPES = ['openid', 'profile', 'email'];

/**
 * The scope an MCP host asks for: from the 401 challenge, else the protected resource metadata's scopes_supported
 * (the host's own order of sources), then `offline_access` when the authorization server lists it, and for ChatGPT
 * the OpenID scopes the authorization server advertises. `noScopeOnReconnect`: once the user has disconnected (the host
 * forgot or revoked its tokens), the reconnect asks for no scope at all (ChatGPT, reported 2025-11: PROTOCOL-MCP.md §1).
 */
export function mcpScope(options: { sources: readonly ('challenge' | 'prm')[]; offlineAccessWhenListed: boolean; advertisedOidcScopes: boolean; noScopeOnReconnect?: boolean }): ScopeStrategy {
  return (session) => {
    if (options.noScopeOnReconnect && session.events.ofType('credentials-dropped').length > 0) return '';
    const resource = session.requireTarget().mcp;
    const listed = session.oauth().server?.scopesSupported ?? [];
    let scopes: string[] = [];
    for (const source of options.sources) {
      const found = source === 'challenge' ? resource?.challengeScope?.split(/\s+/).filter(Boolean) : resource?.scopesSupported;
      if (found?.length) {
        scopes = [...found];
        break;
      }
    }
    if (options.advertisedOidcScopes) for (const s of OIDC_SCOPES) if (listed.includes(s) && !scopes.includes(s)) scopes.push(s);
    if (options.offlineAccessWhenListed && listed.includes('offline_access') && !scopes.includes('offline_access')) scopes.push('offline_access');
    return scopes.join(' ');
  };
}
