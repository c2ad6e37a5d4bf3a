import type { HostProfile } from '../host-profile.ts';
import { configuredConfidentialClient } from '../defaults/configured-client.ts';
import { pluginManifestDiscovery } from '../defaults/discovery/plugin-manifest.ts';
import { PLUGIN_HOST_LIMITS } from '../defaults/host-limits.ts';
import { hostCallback } from '../defaults/redirect.ts';
import { refreshOnExpiry } from '../defaults/refresh-on-expiry.ts';
import { restCall } from '../defaults/rest-call.ts';
import { TOKEN_CHECKS } from '../../checks/token/token-checks.ts';

/** ChatGPT's legacy plugin installer, as PROTOCOL.md §1, §2 and §6 describe it. */
export const chatgptPlugin: HostProfile = {
  id: 'chatgpt-plugin',
  protocol: 'plugin',
  displayName: 'ChatGPT plugin',
  description: "ChatGPT's 2023 plugin installer: ai-plugin.json manifest, OpenAPI, a confidential OAuth client, no PKCE",
  timeouts: { discoveryMs: 15_000, tokenMs: 15_000, apiMs: 45_000, slowApiWarningMs: 10_000, browserNavigationMs: 30_000 },
  limits: PLUGIN_HOST_LIMITS,
  lostCredentials: {
    code: 'USER_MISSING_CREDENTIALS',
    userMessage: 'Error getting system message: {"message": "User is missing credentials"}',
    hostBehaviour: 'ChatGPT blocks every chat with the plugin enabled and never calls the plugin; only uninstalling and reinstalling helps',
  },
  linkingFailure: {},
  oauthDomainRule: { required: false, exemptDomains: [] },
  requiresOperationSecurity: false,
  severityOverrides: {},
  flow: {
    discovery: pluginManifestDiscovery,
    client: configuredConfidentialClient({
      authMethod: () => 'client_secret_post',
      clientAuthFix: () => 'Accept client_id and client_secret in the request body (client_secret_post): ChatGPT plugins never send HTTP Basic.',
    }),
    redirect: hostCallback((session) => `https://chat.openai.com/aip/${encodeURIComponent(session.settings.pluginId)}/oauth/callback`, ['chat.openai.com', 'chatgpt.com']),
    authorization: {
      parameterOrder: ['response_type', 'client_id', 'redirect_uri', 'scope', 'state'],
      sendsEmptyScope: true,
      pkce: 'none',
      validatesIss: false,
      stateTtlSeconds: 600,
      scope: (session) => session.oauth().scope,
    },
    token: {
      bodyEncoding: 'manifest',
      acceptHeader: '*/*',
      checks: TOKEN_CHECKS,
      fields: {
        authorization_code: ['grant_type', 'client_id', 'client_secret', 'code', 'redirect_uri'],
        refresh_token: ['grant_type', 'refresh_token', 'client_id', 'client_secret'],
      },
    },
    call: restCall(({ conversationId, ephemeralUserId }) => ({
      'openai-conversation-id': conversationId,
      'openai-ephemeral-user-id': ephemeralUserId,
      'openai-subdivision-1-iso-code': 'US-CA',
      'content-type': 'application/json',
      'user-agent': 'Python/3.9 aiohttp/3.8.4',
    })),
    refresh: refreshOnExpiry,
  },
};
