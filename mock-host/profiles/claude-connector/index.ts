import type { HostProfile } from '../host-profile.ts';
import { MCP_TOKEN_CHECKS } from '../../checks/token/token-checks.ts';
import { mcpMetadataDiscovery } from '../defaults/discovery/mcp-metadata.ts';
import { mcpCall } from '../defaults/mcp-call.ts';
import { mcpClient } from '../defaults/mcp-client.ts';
import { MCP_GRANT_TYPES, MCP_HOST_LIMITS, MCP_HOST_TIMEOUTS } from '../defaults/mcp-host.ts';
import { mcpScope } from '../defaults/mcp-scope.ts';
import { hostCallback } from '../defaults/redirect.ts';
import { refreshAhead } from '../defaults/refresh-policies.ts';

const CALLBACK = 'https://claude.ai/api/mcp/auth_callback';
const wire = { firstMethod: 'initialize', protocolVersion: '2025-11-25', userAgent: 'python-httpx/0.28.1', clientName: 'Claude' } as const;

/** Claude's connectors (claude.ai, Desktop, mobile, Cowork share one client and callback): PROTOCOL-MCP.md §2, §5, §6. */
export const claudeConnector: HostProfile = {
  id: 'claude-connector',
  protocol: 'mcp',
  displayName: 'Claude connector',
  description: "a custom connector in Claude (web, Desktop, mobile): CIMD only with 'none', else DCR per connection, PKCE S256, refresh 5 min ahead and on 401",
  // 10 s for discovery, registration and the code exchange; the refresh gets 30 s (§2).
  timeouts: { ...MCP_HOST_TIMEOUTS, tokenMs: 10_000, refreshTokenMs: 30_000 },
  limits: MCP_HOST_LIMITS,
  lostCredentials: {
    code: 'CONNECTION_EXPIRED',
    userMessage: 'Connection has expired. You can reconnect to re-authenticate.',
    hostBehaviour: 'Settings → Connectors shows a "Reconnect" status; in chat: "Authentication required to use this tool — Connect"; reported: the tools vanish while the connector still shows as connected',
  },
  linkingFailure: {
    discover: "Couldn't reach the MCP server",
    register: "Couldn't register with <App>'s sign-in service. You can try again, or add an OAuth Client ID in the connector settings.",
    authorize: 'Authorization with the MCP server failed',
    token: 'Authorization with the MCP server failed',
  },
  oauthDomainRule: { required: false, exemptDomains: [] },
  requiresOperationSecurity: false,
  severityOverrides: { AS_OIDC_DISCOVERY_MISSING: 'info', PRM_WELL_KNOWN_FORM_MISSING: 'info', UNKNOWN_CLIENT_NOT_INVALID_CLIENT: 'warning', REFRESH_ERROR_NOT_INVALID_GRANT: 'error', EXPIRED_TOKEN_CHALLENGE_NO_ERROR: 'info', SCOPE_EMPTY_REJECTED: 'info' },
  mcp: { wire, scopeStepUp: { terminalWithoutInsufficientScope: true, toolLevelChallenge: false }, readsToolSecuritySchemes: false },
  flow: {
    discovery: mcpMetadataDiscovery({ wire, prmProbe: ['path-inserted', 'root'], asPick: 'first', asPickUnconfirmed: false, fetchesOpenIdAlongside: false, resourceComparison: 'exact', cimdMethods: ['none'], cimdFallsBackToDcr: true }),
    client: mcpClient({
      // A confidential pre-registered client: client_secret_post only, no Basic fallback (reported, §2).
      configuredSecretMethod: 'client_secret_post',
      // CIMD only when the metadata has both client_id_metadata_document_supported and "none" (§2 CIMD gate).
      usesCimd: (server) => server.tokenEndpointAuthMethods?.includes('none') ?? false,
      cimdMethod: () => 'none',
      cimd: () => ({
        clientId: 'https://claude.ai/oauth/mcp-oauth-client-metadata',
        document: {
          client_id: 'https://claude.ai/oauth/mcp-oauth-client-metadata',
          client_name: 'Claude',
          client_uri: 'https://claude.ai',
          redirect_uris: [CALLBACK],
          grant_types: [...MCP_GRANT_TYPES, 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
        },
      }),
      dcrBody: (redirectUri) => ({ client_name: 'Claude', redirect_uris: [redirectUri], grant_types: [...MCP_GRANT_TYPES], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' }),
      userAgent: wire.userAgent,
    }),
    redirect: hostCallback(() => CALLBACK, ['claude.ai', 'claude.com']),
    authorization: {
      parameterOrder: ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state', 'scope', 'resource'],
      sendsEmptyScope: false,
      pkce: 'S256',
      validatesIss: true,
      stateTtlSeconds: 600,
      scope: mcpScope({ sources: ['challenge', 'prm'], offlineAccessWhenListed: true, advertisedOidcScopes: false }),
    },
    token: {
      bodyEncoding: 'form',
      acceptHeader: 'application/json',
      checks: MCP_TOKEN_CHECKS,
      fields: {
        authorization_code: ['grant_type', 'code', 'redirect_uri', 'client_id', 'client_secret', 'code_verifier', 'resource'],
        // No scope on refresh (reported, §2: Entra then fails); resource sent (UNCONFIRMED: §7 sendResource true).
        refresh_token: ['grant_type', 'refresh_token', 'client_id', 'client_secret', 'resource'],
      },
    },
    call: mcpCall({ wire, opensEventStream: false }),
    refresh: refreshAhead(300, 'any', 'up to five minutes before expiry, and on a 401'),
  },
};
