import type { HostProfile } from '../host-profile.ts';
import { MCP_TOKEN_CHECKS } from '../../checks/token/token-checks.ts';
import { mcpMetadataDiscovery } from '../defaults/discovery/mcp-metadata.ts';
import { mcpCall } from '../defaults/mcp-call.ts';
import { mcpClient } from '../defaults/mcp-client.ts';
import { MCP_GRANT_TYPES, MCP_HOST_LIMITS, MCP_HOST_TIMEOUTS } from '../defaults/mcp-host.ts';
import { mcpScope } from '../defaults/mcp-scope.ts';
import { loopbackCallback } from '../defaults/redirect.ts';
import { refreshAhead } from '../defaults/refresh-policies.ts';

const wire = { firstMethod: 'initialize', protocolVersion: '2025-11-25', userAgent: 'claude-code/2.1', clientName: 'claude-code' } as const;

/** Claude Code: its own OAuth flow on the user's machine, a loopback redirect on an ephemeral port (PROTOCOL-MCP.md §3). */
export const claudeCode: HostProfile = {
  id: 'claude-code',
  protocol: 'mcp',
  displayName: 'Claude Code',
  description: 'Claude Code (`claude mcp add --transport http`): CIMD, else DCR, a loopback redirect on an ephemeral port, refresh on 401 and retry once',
  timeouts: MCP_HOST_TIMEOUTS,
  limits: MCP_HOST_LIMITS,
  lostCredentials: {
    code: 'CONNECTION_EXPIRED',
    userMessage: '! Needs authentication',
    hostBehaviour: '/mcp and `claude mcp list` show "! Needs authentication"; from 2.1.74 a re-authentication prompt; reported: the server\'s tools drop from the session',
  },
  linkingFailure: {
    discover: '! Needs authentication',
    register: 'Incompatible auth server: does not support dynamic client registration',
    authorize: '! Needs authentication',
    token: '! Needs authentication',
  },
  oauthDomainRule: { required: false, exemptDomains: [] },
  requiresOperationSecurity: false,
  severityOverrides: { AS_OIDC_DISCOVERY_MISSING: 'info', PRM_WELL_KNOWN_FORM_MISSING: 'info', UNKNOWN_CLIENT_NOT_INVALID_CLIENT: 'info', REFRESH_ERROR_NOT_INVALID_GRANT: 'warning', EXPIRED_TOKEN_CHALLENGE_NO_ERROR: 'info', SCOPE_EMPTY_REJECTED: 'warning' },
  mcp: { wire, scopeStepUp: { terminalWithoutInsufficientScope: false, toolLevelChallenge: false }, readsToolSecuritySchemes: false },
  flow: {
    discovery: mcpMetadataDiscovery({ wire, prmProbe: ['path-inserted', 'root'], asPick: 'first', asPickUnconfirmed: false, fetchesOpenIdAlongside: false, resourceComparison: 'canonical', cimdMethods: ['none'], cimdFallsBackToDcr: true }),
    client: mcpClient({
      configuredSecretMethod: 'client_secret_post',
      usesCimd: (server) => server.tokenEndpointAuthMethods?.includes('none') ?? false,
      cimdMethod: () => 'none',
      cimd: () => ({
        clientId: 'https://claude.ai/oauth/claude-code-client-metadata',
        document: {
          client_id: 'https://claude.ai/oauth/claude-code-client-metadata',
          client_name: 'Claude Code',
          client_uri: 'https://claude.ai',
          redirect_uris: ['http://localhost/callback', 'http://127.0.0.1/callback'],
          grant_types: [...MCP_GRANT_TYPES],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
        },
      }),
      dcrBody: (redirectUri) => ({ client_name: 'Claude Code', redirect_uris: [redirectUri], grant_types: [...MCP_GRANT_TYPES], response_types: ['code'], token_endpoint_auth_method: 'none', application_type: 'native' }),
      userAgent: wire.userAgent,
    }),
    redirect: loopbackCallback('/callback'),
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
        // client_secret only for a client configured with one (`claude mcp add --client-id … --client-secret`).
        authorization_code: ['grant_type', 'code', 'redirect_uri', 'code_verifier', 'client_id', 'client_secret', 'resource'],
        // UNCONFIRMED (§5 row 10b): modelled as ChatGPT's refresh without the assertion.
        refresh_token: ['grant_type', 'refresh_token', 'client_id', 'client_secret', 'resource'],
      },
    },
    call: mcpCall({ wire, opensEventStream: false }),
    refresh: refreshAhead(0, 'any', 'once the token has expired, and on a 401 (refresh, then one retry)'),
  },
};
