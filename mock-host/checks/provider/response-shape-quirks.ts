import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import { readResponseBody } from '../../oauth/response-body.ts';
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
 * reports errors with 200; the host cannot change its request, so the endpoint itself has to change. A token URL
 * that is not github.com (GitHub Enterprise Server, a simulated GitHub, a proxy) is judged by its answer: a
 * form-encoded one is GitHub's behaviour, a JSON one is a proxy doing its job.
 */
export const checkGithubFormResponse = defineCheck<ProviderQuirkInput>({ id: 'provider-github-answers-json', codes: ['PROVIDER_GITHUB_FORM_RESPONSE'] }, (input) => {
  if (input.provider !== 'github') return [];
  const own = usesProviderTokenEndpoint(input);
  const formAnswer = input.tokenResponseBody !== undefined && readResponseBody(input.tokenResponseBody, undefined).kind === 'form';
  if (!own && !formAnswer) return [];
  const endpoint = input.tokenUrl ?? 'https://github.com/login/oauth/access_token';
  const seen = own ? `the token endpoint is GitHub's own (${endpoint}), which answers` : `the token endpoint ${endpoint} answered the code exchange form-encoded, as GitHub's own does: it answers`;
  return [
    quirkDraft(input, {
      code: 'PROVIDER_GITHUB_FORM_RESPONSE',
      message: `${seen} application/x-www-form-urlencoded unless the request sends Accept: application/json, and reports errors such as bad_verification_code with HTTP 200`,
      fix: 'Put a small token endpoint on your own domain that forwards to GitHub with Accept: application/json and answers the host with RFC 6749 JSON (400 for errors); point authorization_url at it.',
    }),
  ];
});

/**
 * Slack's oauth.v2.access puts user tokens under authed_user and leaves no access_token at the top level, where the
 * host reads it. The answer itself proves it wherever the endpoint lives; without it, Slack's own oauth.v2 URL does.
 */
export const checkSlackNestedToken = defineCheck<ProviderQuirkInput>({ id: 'provider-slack-token-at-top-level', codes: ['PROVIDER_SLACK_NESTED_TOKEN'] }, (input) => {
  if (input.provider !== 'slack') return [];
  const top = topLevelJsonFields(input.tokenResponseBody);
  // A top-level token (a bot token) means the host does get something to store.
  if (top && typeof top.access_token === 'string') return [];
  const nested = top?.authed_user !== undefined && typeof top.authed_user === 'object' && top.authed_user !== null && 'access_token' in top.authed_user;
  const tokenPath = input.tokenUrl ? parseUrl(input.tokenUrl)?.pathname : '/api/oauth.v2.access';
  const slackV2Endpoint = usesProviderTokenEndpoint(input) && (tokenPath === undefined || tokenPath.startsWith('/api/oauth.v2.'));
  if (!nested && !slackV2Endpoint) return [];
  return [
    quirkDraft(input, {
      code: 'PROVIDER_SLACK_NESTED_TOKEN',
      message: nested
        ? `${slackV2Endpoint ? 'Slack oauth.v2.access' : `the token endpoint ${input.tokenUrl ?? ''}`} returned the user token at authed_user.access_token and no top-level access_token, so the host stores nothing`
        : 'the token endpoint is Slack oauth.v2.access, which returns user tokens under authed_user instead of at the top level where the host reads them',
      fix: 'Put a token endpoint on your domain that calls oauth.v2.access and answers with authed_user\'s access_token, refresh_token and expires_in at the top level; point authorization_url at it.',
    }),
  ];
});
