import type { HostProfile } from './host-profile.ts';

/** ChatGPT's legacy plugin installer, as PROTOCOL.md §1, §2 and §6 describe it. */
export const chatgptPlugin: HostProfile = {
  id: 'chatgpt-plugin',
  displayName: 'ChatGPT plugin',
  callback: { productionOrigin: 'https://chat.openai.com', pathTemplate: '/aip/{id}/oauth/callback' },
  authorize: {
    parameterOrder: ['response_type', 'client_id', 'redirect_uri', 'scope', 'state'],
    sendsEmptyScope: true,
    pkce: false,
    stateTtlSeconds: 600,
  },
  token: { bodyEncoding: 'manifest', clientAuth: 'body', acceptHeader: '*/*', keepsRefreshTokenWhenOmitted: true },
  timeouts: { discoveryMs: 15_000, tokenMs: 15_000, apiMs: 45_000, slowApiWarningMs: 10_000, browserNavigationMs: 30_000 },
  limits: {
    maxBodyBytes: 2_000_000,
    apiResponseChars: 100_000,
    maxRedirects: 5,
    nameForModelChars: 50,
    nameForHumanChars: 20,
    descriptionForHumanChars: 100,
    descriptionForModelChars: 8_000,
    operationDescriptionChars: 200,
    parameterDescriptionChars: 200,
  },
  apiHeaders: ({ conversationId, ephemeralUserId }) => ({
    'openai-conversation-id': conversationId,
    'openai-ephemeral-user-id': ephemeralUserId,
    'openai-subdivision-1-iso-code': 'US-CA',
    'content-type': 'application/json',
    'user-agent': 'Python/3.9 aiohttp/3.8.4',
  }),
  lostCredentials: {
    userMessage: 'Error getting system message: {"message": "User is missing credentials"}',
    hostBehaviour: 'ChatGPT blocks every chat with the plugin enabled and never calls the plugin; only uninstalling and reinstalling helps',
  },
  oauthDomainRule: { required: false, exemptDomains: [] },
  requiresOperationSecurity: false,
  severityOverrides: {},
};
