import type { SeverityOverrides } from '../findings/finding.ts';

export type ProfileId = 'chatgpt-plugin' | 'gpt-action';
export type TokenBodyEncoding = 'json' | 'form';
export type ClientAuthMethod = 'body' | 'basic';

/**
 * Everything that makes the host behave like one particular AI client. Checks and the engine read these values;
 * none of them is a constant anywhere else (PROTOCOL.md is the source of each).
 */
export interface HostProfile {
  id: ProfileId;
  displayName: string;
  callback: {
    /** The origin the real host uses for its OAuth callback ("production" redirect mode). */
    productionOrigin: string;
    /** Path with `{id}` for the plugin or action id. */
    pathTemplate: string;
  };
  authorize: {
    /** Parameter order as the host sends them (servers must not depend on it, but we reproduce it). */
    parameterOrder: readonly ('response_type' | 'client_id' | 'redirect_uri' | 'scope' | 'state')[];
    /** The host sends `scope=` even when the configured scope is empty. */
    sendsEmptyScope: boolean;
    /** The host sends code_challenge (false for ChatGPT plugins and GPT Actions: PROTOCOL.md §2, §3). */
    pkce: false;
    /** How long an issued state stays valid. */
    stateTtlSeconds: number;
  };
  token: {
    /** Where the body encoding comes from: the manifest's authorization_content_type, or always form. */
    bodyEncoding: 'manifest' | TokenBodyEncoding;
    /** Default client authentication (GPT Actions make it a setting). */
    clientAuth: ClientAuthMethod;
    /** The host keeps the previous refresh token when a refresh response has none. */
    keepsRefreshTokenWhenOmitted: boolean;
    /**
     * The Accept header of token requests. UNCONFIRMED for ChatGPT: its backend's HTTP client (aiohttp, PROTOCOL.md
     * §2) sends its wildcard default, so providers that answer form-encoded unless asked for JSON (GitHub) do so here.
     */
    acceptHeader: string;
    /**
     * The lifetime the host assumes when a token response has no expires_in; undefined: the token never expires for
     * the host (ChatGPT, inferred from "non-expiring tokens" reports: PROTOCOL.md §2), so it never refreshes it.
     */
    assumedLifetimeSeconds?: number;
  };
  timeouts: { discoveryMs: number; tokenMs: number; apiMs: number; slowApiWarningMs: number; browserNavigationMs: number };
  limits: {
    /** Hard cap on bytes read from any response. */
    maxBodyBytes: number;
    apiResponseChars: number;
    maxRedirects: number;
    nameForModelChars: number;
    nameForHumanChars: number;
    descriptionForHumanChars: number;
    descriptionForModelChars: number;
    operationDescriptionChars: number;
    parameterDescriptionChars: number;
  };
  /** Headers the host adds to every API call, besides Authorization. */
  apiHeaders: (ctx: { conversationId: string; ephemeralUserId: string; actionId: string }) => Record<string, string>;
  /** What the user sees when the host has no usable token any more. */
  lostCredentials: { userMessage: string; hostBehaviour: string };
  /** Domain rule for OAuth endpoints (GPT Actions): all on the API's root domain, except these sign-in domains. */
  oauthDomainRule: { required: boolean; exemptDomains: readonly string[] };
  /** OpenAPI operations need a `security` requirement for the host to send Authorization. */
  requiresOperationSecurity: boolean;
  severityOverrides: SeverityOverrides;
}

export function callbackUrl(profile: HostProfile, origin: string, id: string): string {
  return `${origin}${profile.callback.pathTemplate.replace('{id}', encodeURIComponent(id))}`;
}
