import type { HostProfile } from '../host-profile.ts';
import { MCP_TOKEN_CHECKS } from '../../checks/token/token-checks.ts';
import { mcpMetadataDiscovery } from '../defaults/discovery/mcp-metadata.ts';
import { mcpCall } from '../defaults/mcp-call.ts';
import { mcpClient } from '../defaults/mcp-client.ts';
import { MCP_GRANT_TYPES, MCP_HOST_LIMITS, MCP_HOST_TIMEOUTS } from '../defaults/mcp-host.ts';
import { mcpScope } from '../defaults/mcp-scope.ts';
import { hostCallback } from '../defaults/redirect.ts';
import { chatgptAppRefresh } from '../defaults/refresh-policies.ts';

const STABLE_REDIRECT = 'https://chatgpt.com/connector_platform_oauth_redirect';
const wire = { firstMethod: 'server/discover', protocolVersion: '2025-11-25', userAgent: 'openai-mcp/1.0.0', clientName: 'ChatGPT' } as const;

/**
 * ChatGPT apps (what OpenAI now calls a plugin's app: a remote MCP server linked in ChatGPT), PROTOCOL-MCP.md §1, §5,
 * §6. UNCONFIRMED facts are the settings below (§7): probe order, authorization server pick, refresh on 401.
 */
export const chatgptApp: HostProfile = {
  id: 'chatgpt-app',
  protocol: 'mcp',
  displayName: 'ChatGPT app',
  description: 'a ChatGPT app (the MCP connector behind an OpenAI plugin): CIMD or DCR, PKCE S256, resource, private_key_jwt where needed',
  timeouts: MCP_HOST_TIMEOUTS,
  limits: MCP_HOST_LIMITS,
  lostCredentials: {
    code: 'CONNECTION_EXPIRED',
    userMessage: 'Your <App> connection has expired. Reconnect it before ChatGPT can use it for this request.',
    hostBehaviour: 'ChatGPT shows a "Reconnect <App>" card in the chat (Not now / Reconnect); the call resumes only after the user signs in again. ChatGPT Desktop\'s regular chat shows no card: the tool call hangs',
  },
  linkingFailure: { discover: 'There was a problem connecting. Try again later', register: 'There was a problem connecting. Try again later', authorize: 'There was a problem connecting. Try again later', token: 'There was a problem connecting. Try again later' },
  oauthDomainRule: { required: false, exemptDomains: [] },
  requiresOperationSecurity: false,
  severityOverrides: { AS_OIDC_DISCOVERY_MISSING: 'warning', PRM_WELL_KNOWN_FORM_MISSING: 'warning', UNKNOWN_CLIENT_NOT_INVALID_CLIENT: 'info', REFRESH_ERROR_NOT_INVALID_GRANT: 'warning', EXPIRED_TOKEN_CHALLENGE_NO_ERROR: 'warning', SCOPE_EMPTY_REJECTED: 'error' },
  mcp: { wire, scopeStepUp: { terminalWithoutInsufficientScope: false, toolLevelChallenge: true }, readsToolSecuritySchemes: true },
  flow: {
    discovery: mcpMetadataDiscovery({ wire, prmProbe: ['path-inserted'], asPick: 'first', asPickUnconfirmed: true, fetchesOpenIdAlongside: true, resourceComparison: 'canonical', cimdMethods: ['none', 'private_key_jwt'], cimdFallsBackToDcr: false }),
    client: mcpClient({
      configuredSecretMethod: 'client_secret_post',
      usesCimd: () => true,
      // "none when the AS offers it, else private_key_jwt" (§7 chatgpt-app.tokenAuth).
      cimdMethod: (server) => (server.tokenEndpointAuthMethods?.includes('none') ? 'none' : 'private_key_jwt'),
      // The stable document with the stable redirect; one per connector with the per-connector redirect (§6).
      cimd: (session) => {
        const redirect = session.redirectUri();
        const perConnector = redirect !== STABLE_REDIRECT;
        const clientId = perConnector ? `https://chatgpt.com/oauth/${encodeURIComponent(session.settings.pluginId)}/client.json` : 'https://chatgpt.com/oauth/client.json';
        return {
          clientId,
          document: {
            client_id: clientId,
            client_uri: 'https://chatgpt.com/',
            redirect_uris: [perConnector ? `https://chatgpt.com/connector/oauth/${encodeURIComponent(session.settings.pluginId)}` : STABLE_REDIRECT],
            token_endpoint_auth_method: 'private_key_jwt',
            token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
            grant_types: [...MCP_GRANT_TYPES],
            response_types: ['code'],
            client_name: 'ChatGPT',
            ...(perConnector ? {} : { logo_uri: 'https://persistent.oaistatic.com/sonic/misc/openai-logo.png' }),
            token_endpoint_auth_signing_alg: 'RS256',
            jwks_uri: 'https://chatgpt.com/oauth/jwks.json',
          },
        };
      },
      dcrBody: (redirectUri) => ({ client_name: 'ChatGPT', redirect_uris: [redirectUri], grant_types: [...MCP_GRANT_TYPES], response_types: ['code'], token_endpoint_auth_method: 'none' }),
      userAgent: 'Python/3.12 aiohttp/3.13.5',
    }),
    // The stable redirect when the authorization server advertises RFC 9207 iss and the metadata's issuer is the
    // authorization_servers entry byte for byte; else one per connector (§7 chatgpt-app.redirect).
    redirect: hostCallback((session) => {
      const auth = session.oauth();
      const stable = auth.server?.issParameterSupported && session.requireTarget().mcp?.authorizationServers[0] === auth.server.issuer;
      return stable ? STABLE_REDIRECT : `https://chatgpt.com/connector/oauth/${encodeURIComponent(session.settings.pluginId)}`;
    }, ['chatgpt.com']),
    authorization: {
      parameterOrder: ['response_type', 'client_id', 'redirect_uri', 'state', 'scope', 'code_challenge', 'code_challenge_method', 'resource'],
      sendsEmptyScope: false,
      pkce: 'S256',
      validatesIss: true,
      stateTtlSeconds: 600,
      // Reconnect after Disconnect sends no scope (§7 chatgpt-app.sendScopeOnReconnect: false).
      scope: mcpScope({ sources: ['prm'], offlineAccessWhenListed: true, advertisedOidcScopes: true, noScopeOnReconnect: true }),
    },
    token: {
      bodyEncoding: 'form',
      acceptHeader: 'application/json',
      checks: MCP_TOKEN_CHECKS,
      fields: {
        authorization_code: ['grant_type', 'code', 'redirect_uri', 'code_verifier', 'client_id', 'client_secret', 'resource'],
        refresh_token: ['grant_type', 'refresh_token', 'client_id', 'client_secret', 'resource'],
      },
    },
    call: mcpCall({ wire, opensEventStream: false }),
    refresh: chatgptAppRefresh,
  },
};
