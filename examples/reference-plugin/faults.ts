import { z } from 'zod';

/**
 * Every switch that makes the reference plugin misbehave on purpose, with the one thing it breaks.
 * The descriptions feed `main.ts --list-faults` and the README, so keep them to one line.
 */
export const FAULT_DESCRIPTIONS = {
  // Token endpoint: response shape
  'no-refresh-token': 'never issue a refresh_token',
  'camel-case-token-fields': 'token response uses {accessToken, tokenType, expiresIn, refreshToken}',
  'nested-token-fields': 'token response is {ok:true, authed_user:{access_token, …}} (Slack style)',
  'wrapped-token-fields': 'token response is {status:0, data:{access_token, …}}',
  'form-encoded-token-response': 'token response body is application/x-www-form-urlencoded',
  'text-plain-token-response': 'token response body is form-encoded and labelled text/plain',
  'token-error-with-200': 'every grant answers HTTP 200 {"error":"invalid_grant"}',
  'expires-in-string': 'expires_in is the string "3600" instead of a number',
  'no-expires-in': 'token response has no expires_in',
  'no-token-type': 'token response has no token_type',
  'token-type-mac': 'token_type is "mac"',
  'expires-instead-of-expires-in': 'lifetime is sent as `expires` instead of `expires_in`',
  'error-not-rfc6749': 'token endpoint errors are HTTP 500 text/plain instead of RFC 6749 JSON',
  'no-access-token': 'token responses carry no access token at all (token_type, expires_in, refresh_token only)',
  'token-endpoint-hangs-up': 'the token endpoint closes the connection without answering',
  // Authorization code, redirect URI, state
  'reusable-codes': 'authorization codes can be exchanged more than once',
  'one-code-per-user': "a new code invalidates the user's earlier unused ones (one code slot per user: two sign-ins at once race)",
  'any-client-secret': 'the token endpoint does not check the client secret',
  'redirect-uri-not-validated': 'the authorize endpoint redirects to any redirect_uri',
  'redirect-uri-not-bound': 'the token endpoint ignores redirect_uri',
  'drop-state': 'the callback omits state',
  'alter-state': 'the callback carries a different state',
  'require-pkce': 'authorize refuses requests without code_challenge',
  'reject-empty-scope': 'authorize refuses an empty or absent scope with invalid_scope',
  'codes-expire-at-once': 'authorization codes expire the moment they are issued (every exchange gets invalid_grant)',
  'authorize-unavailable': 'the authorization page answers 503 with an HTML error page',
  'authorize-server-error': 'authorize redirects back with error=server_error instead of asking the user',
  'login-drops-return-to': 'after a successful sign-in the user lands on the home page, not back on the authorization request',
  'consent-deny-ignored': 'Deny on the consent page still redirects with a code',
  // Token request format
  'json-body-only': 'token endpoint refuses form-encoded bodies',
  'form-body-only': 'token endpoint refuses JSON bodies',
  'basic-auth-only': 'token endpoint refuses client credentials in the body (HTTP Basic only)',
  'body-auth-only': 'token endpoint refuses HTTP Basic client authentication',
  // Refresh
  'refuse-refresh': 'grant_type=refresh_token always fails with invalid_grant',
  'refresh-omits-refresh-token': 'refresh response has no refresh_token; the old one keeps working',
  'refresh-token-lost': 'refresh response has no refresh_token and the old one is revoked',
  'no-refresh-grace': 'a rotated-away refresh token is refused at once (concurrent refreshes: one fails)',
  'rotate-revoke-family': 'reusing a rotated-away refresh token revokes the whole family, newest tokens included',
  'narrow-scope-on-refresh': 'a refreshed token only carries the first scope',
  // API
  'api-403-for-bad-token': 'an invalid or expired token gets 403 instead of 401',
  'api-500-for-bad-token': 'an invalid or expired token gets 500 instead of 401',
  'api-200-for-bad-token': 'an invalid or expired token gets 200 {"error":"invalid token"}',
  'api-accepts-any-token': 'any bearer token, even garbage, is accepted',
  'api-accepts-missing-token': 'requests without Authorization are accepted',
  'api-401-no-challenge': '401 answers carry no WWW-Authenticate header',
  'api-echoes-token': 'invalid-token answers quote the presented token in error_description (body and WWW-Authenticate)',
  'case-sensitive-bearer': 'the API refuses the lower-case scheme `bearer`',
  'accept-expired-tokens': 'the API accepts access tokens after they expired',
  'reject-refreshed-tokens': 'the API refuses access tokens minted by a refresh',
  'api-redirect-cross-origin': 'listTodos redirects to the same path on another origin (localhost vs 127.0.0.1)',
  'huge-api-response': 'listTodos answers about 150,000 characters',
  'slow-api': 'listTodos waits slowApiMs (default 11 s) before answering',
  'api-rate-limited': 'the first listTodos call per token gets 429 without Retry-After',
  'api-server-error': 'listTodos answers 500 even with a valid token',
  // Discovery
  'manifest-text-plain': 'the manifest is served as text/plain',
  'manifest-not-found': 'the manifest answers 404',
  'manifest-not-json': 'the manifest body is not valid JSON',
  'manifest-missing-fields': 'the manifest has no `api` and no `name_for_model`',
  'manifest-over-limits': 'name_for_human is 30 characters, description_for_human 150',
  'manifest-api-other-domain': 'api.url points at another host (localhost vs 127.0.0.1)',
  'manifest-no-verification-token': 'the manifest has no auth.verification_tokens',
  'manifest-stale-verification-token': 'auth.verification_tokens.openai is not the token the host issued (verificationToken)',
  'manifest-swapped-auth-urls': 'client_url and authorization_url are swapped',
  'openapi-unreachable': 'the OpenAPI document answers 404',
  'openapi-invalid': 'the OpenAPI document is {"hello":"world"}',
  'openapi-over-limits': 'an operation description is 250 characters',
  'openapi-server-mismatch': 'servers[0].url is https://api.example.net',
  'openapi-http-server': 'servers[0].url is plain http on a public host (http://api.example.net)',
  'openapi-without-security': 'the OpenAPI document declares no security requirement at all (as generated documents often do); the API still needs the token',
  'operation-without-security': 'no global security requirement, and getProfile has none of its own (only the todo operations do)',
  'token-url-other-domain': "the GPT Action's Token URL is on another root domain (localhost vs 127.0.0.1)",
} as const satisfies Record<string, string>;

export type Fault = keyof typeof FAULT_DESCRIPTIONS;

export const FAULT_NAMES = Object.keys(FAULT_DESCRIPTIONS) as [Fault, ...Fault[]];

export const faultSchema = z.enum(FAULT_NAMES);

export function isFault(value: string): value is Fault {
  return Object.hasOwn(FAULT_DESCRIPTIONS, value);
}

/**
 * Faults that answer the same question two ways. Combining them gives a plugin that matches no real one
 * (and, for the body and client-auth pairs, a token endpoint nothing can call), so the options refuse it.
 */
export const CONFLICTING_FAULTS: readonly (readonly Fault[])[] = [
  ['camel-case-token-fields', 'nested-token-fields', 'wrapped-token-fields'],
  ['form-encoded-token-response', 'text-plain-token-response', 'nested-token-fields'],
  ['form-encoded-token-response', 'text-plain-token-response', 'wrapped-token-fields'],
  ['json-body-only', 'form-body-only'],
  ['basic-auth-only', 'body-auth-only'],
  ['drop-state', 'alter-state'],
  ['api-403-for-bad-token', 'api-500-for-bad-token', 'api-200-for-bad-token', 'api-accepts-any-token'],
  ['refuse-refresh', 'refresh-omits-refresh-token', 'refresh-token-lost'],
  ['expires-in-string', 'no-expires-in', 'expires-instead-of-expires-in'],
  ['no-token-type', 'token-type-mac'],
  ['openapi-unreachable', 'openapi-invalid', 'openapi-over-limits', 'openapi-server-mismatch', 'openapi-http-server'],
  ['manifest-not-found', 'manifest-text-plain', 'manifest-not-json', 'manifest-missing-fields'],
  ['manifest-no-verification-token', 'manifest-stale-verification-token'],
  ['authorize-unavailable', 'authorize-server-error', 'login-drops-return-to'],
  ['no-access-token', 'camel-case-token-fields', 'nested-token-fields', 'wrapped-token-fields'],
];
