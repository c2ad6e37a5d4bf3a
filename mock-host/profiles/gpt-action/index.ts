import type { HostProfile } from '../host-profile.ts';
import { chatgptPlugin } from '../chatgpt-plugin/index.ts';
import { configuredConfidentialClient } from '../defaults/configured-client.ts';
import { actionSettingsDiscovery } from '../defaults/discovery/action-settings.ts';
import { restCall } from '../defaults/rest-call.ts';

/** GPT Actions (PROTOCOL.md §3): the editor's fields, always form-encoded token requests, stricter domain and OpenAPI rules. */
export const gptAction: HostProfile = {
  ...chatgptPlugin,
  id: 'gpt-action',
  displayName: 'GPT Action',
  description: 'an Action of a custom GPT: the GPT editor\'s OAuth settings and an OpenAPI document (deprecated: custom GPTs retire on 2026-12-11)',
  deprecated: { retires: '2026-12-11', replacement: 'a remote MCP server installed as a ChatGPT app (profile chatgpt-app)' },
  limits: { ...chatgptPlugin.limits, operationDescriptionChars: 300, parameterDescriptionChars: 700 },
  lostCredentials: {
    code: 'USER_MISSING_CREDENTIALS',
    userMessage: 'Sign in to continue: the GPT asks the user to sign in again',
    hostBehaviour: 'ChatGPT shows a "Sign in" button in the conversation; the user must redo the OAuth consent',
  },
  oauthDomainRule: { required: true, exemptDomains: ['google.com', 'googleapis.com', 'microsoftonline.com', 'live.com', 'adobe.com', 'adobelogin.com'] },
  requiresOperationSecurity: true,
  severityOverrides: { OPENAPI_NO_SECURITY: 'error', ACTION_DOMAIN_MISMATCH: 'error' },
  flow: {
    ...chatgptPlugin.flow,
    discovery: actionSettingsDiscovery,
    client: configuredConfidentialClient({
      // The GPT editor's "Token Exchange Method" (PLUGIN_TOKEN_EXCHANGE_METHOD).
      authMethod: (settings) => (settings.action.tokenExchangeMethod === 'basic_auth_header' ? 'client_secret_basic' : 'client_secret_post'),
      clientAuthFix: (used, accepted) =>
        `Accept ${used}, or switch the GPT's Token Exchange Method to ${accepted === 'client_secret_basic' ? '"Basic authorization header"' : '"Default (POST request)"'}.`,
    }),
    token: { ...chatgptPlugin.flow.token, bodyEncoding: 'form' },
    call: restCall(({ conversationId, ephemeralUserId, actionId }) => ({
      'openai-conversation-id': conversationId,
      'openai-ephemeral-user-id': ephemeralUserId,
      'openai-gpt-id': actionId,
      'content-type': 'application/json',
      'user-agent': 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot',
    })),
  },
};
