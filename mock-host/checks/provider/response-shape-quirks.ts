import type { FindingDraft } from '../../findings/finding.ts';
import { isProviderTokenEndpoint } from './detect-provider.ts';
import { quirkDraft, type ProviderQuirkInput } from './quirk-input.ts';
import { parseUrl } from './provider-urls.ts';
import { topLevelJsonFields } from './token-body-fields.ts';

/** With no token URL given, assume the provider's own endpoint: that is what detection saw. */
function usesProviderTokenEndpoint(input: ProviderQuirkInput): boolean {
  return input.tokenUrl === undefined || isProviderTokenEndpoint(input.provider, input.tokenUrl);
}

/**
 * GitHub's /login/oauth/access_token answers form-encoded unless the request says Accept: application/json, and
 * reports errors with 200; the host cannot change its request, so the endpoint itself has to change.
 */
export function checkGithubFormResponse(input: ProviderQuirkInput): FindingDraft[] {
  if (input.provider !== 'github' || !usesProviderTokenEndpoint(input)) return [];
  const endpoint = input.tokenUrl ?? 'https://github.com/login/oauth/access_token';
  return [
    quirkDraft(input, {
      code: 'PROVIDER_GITHUB_FORM_RESPONSE',
      message: `the token endpoint is GitHub's own (${endpoint}), which answers application/x-www-form-urlencoded unless the request sends Accept: application/json, and reports errors such as bad_verification_code with HTTP 200`,
      fix: 'Put a small token endpoint on your own domain that forwards to GitHub with Accept: application/json and answers the host with RFC 6749 JSON (400 for errors); point authorization_url at it.',
    }),
  ];
}

/**
 * Slack's oauth.v2.access puts user tokens under authed_user and leaves no access_token at the top level, where the
 * host reads it.
 */
export function checkSlackNestedToken(input: ProviderQuirkInput): FindingDraft[] {
  if (input.provider !== 'slack' || !usesProviderTokenEndpoint(input)) return [];
  const tokenPath = input.tokenUrl ? parseUrl(input.tokenUrl)?.pathname : '/api/oauth.v2.access';
  if (tokenPath !== undefined && !tokenPath.startsWith('/api/oauth.v2.')) return [];
  const top = topLevelJsonFields(input.tokenResponseBody);
  // A top-level token (a bot token) means the host does get something to store.
  if (top && typeof top.access_token === 'string') return [];
  const nested = top?.authed_user !== undefined && typeof top.authed_user === 'object' && top.authed_user !== null && 'access_token' in top.authed_user;
  return [
    quirkDraft(input, {
      code: 'PROVIDER_SLACK_NESTED_TOKEN',
      message: nested
        ? 'Slack oauth.v2.access returned the user token at authed_user.access_token and no top-level access_token, so the host stores nothing'
        : 'the token endpoint is Slack oauth.v2.access, which returns user tokens under authed_user instead of at the top level where the host reads them',
      fix: 'Put a token endpoint on your domain that calls oauth.v2.access and answers with authed_user\'s access_token, refresh_token and expires_in at the top level; point authorization_url at it.',
    }),
  ];
}
