import type { HostProfile } from './host-profile.ts';
import { chatgptPlugin } from './chatgpt-plugin.ts';

/** GPT Actions (PROTOCOL.md §3): always form-encoded token requests, stricter domain and OpenAPI rules. */
export const gptAction: HostProfile = {
  ...chatgptPlugin,
  id: 'gpt-action',
  displayName: 'GPT Action',
  token: { ...chatgptPlugin.token, bodyEncoding: 'form' },
  limits: { ...chatgptPlugin.limits, operationDescriptionChars: 300, parameterDescriptionChars: 700 },
  apiHeaders: ({ conversationId, ephemeralUserId, actionId }) => ({
    'openai-conversation-id': conversationId,
    'openai-ephemeral-user-id': ephemeralUserId,
    'openai-gpt-id': actionId,
    'content-type': 'application/json',
    'user-agent': 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot',
  }),
  lostCredentials: {
    userMessage: 'Sign in to continue: the GPT asks the user to sign in again',
    hostBehaviour: 'ChatGPT shows a "Sign in" button in the conversation; the user must redo the OAuth consent',
  },
  oauthDomainRule: { required: true, exemptDomains: ['google.com', 'googleapis.com', 'microsoftonline.com', 'live.com', 'adobe.com', 'adobelogin.com'] },
  requiresOperationSecurity: true,
  severityOverrides: { OPENAPI_NO_SECURITY: 'error', ACTION_DOMAIN_MISMATCH: 'error' },
};
