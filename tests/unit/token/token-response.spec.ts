import { test, expect } from '@playwright/test';
import type { FindingCode } from '../../../mock-host/findings/catalog.ts';
import { CODE, codesOf, runExchange, useNock, type Reply } from './token-harness.ts';

useNock(test);

const AT = 'ya29.a0AfB_hostTokenValue_1234567890';
const RT = '1//0gRefreshTokenValue_abcdefghij';

const CONFORMANT = { access_token: AT, token_type: 'Bearer', expires_in: 3599, refresh_token: RT, scope: 'openid email' };

test('a conformant response yields tokens and no findings, for both grants', async () => {
  for (const grant of ['authorization_code', 'refresh_token'] as const) {
    const r = await runExchange({ body: CONFORMANT }, { grant });
    expect(r.drafts).toEqual([]);
    expect(r.failure).toBeUndefined();
    expect(r.tokens).toEqual({ accessToken: AT, refreshToken: RT, expiresInSeconds: 3599, tokenType: 'Bearer', scope: 'openid email' });
  }
});

test('token_type compares case-insensitively ("bearer" as in the plugin docs)', async () => {
  const r = await runExchange({ body: { ...CONFORMANT, token_type: 'bearer' } });
  expect(r.drafts).toEqual([]);
});

interface Case {
  name: string;
  reply: Reply;
  codes: FindingCode[];
  grant?: 'authorization_code' | 'refresh_token';
  tokens: boolean;
  /** Substrings the first draft's message must contain. */
  says?: string[];
}

const CASES: Case[] = [
  {
    name: 'camelCase DTO (accessToken, refreshToken, expiresIn, tokenType)',
    reply: { body: { accessToken: AT, refreshToken: RT, expiresIn: 3600, tokenType: 'Bearer' } },
    codes: ['TOKEN_FIELDS_NONSTANDARD'],
    tokens: false,
    says: ['accessToken (for access_token)', 'refreshToken (for refresh_token)', 'expiresIn (for expires_in)', 'tokenType (for token_type)', 'no top-level access_token'],
  },
  {
    name: 'kebab-case access-token',
    reply: { body: { 'access-token': AT, token_type: 'bearer', expires_in: 3600 } },
    codes: ['TOKEN_FIELDS_NONSTANDARD'],
    tokens: false,
    says: ['access-token (for access_token)'],
  },
  {
    name: 'PascalCase AccessToken',
    reply: { body: { AccessToken: AT, RefreshToken: RT, ExpiresIn: 3600 } },
    codes: ['TOKEN_FIELDS_NONSTANDARD'],
    tokens: false,
    says: ['AccessToken', 'RefreshToken', 'ExpiresIn'],
  },
  {
    name: 'bare "token" field',
    reply: { body: { token: AT, expires_in: 3600 } },
    codes: ['TOKEN_FIELDS_NONSTANDARD'],
    tokens: false,
    says: ['non-standard paths: token (for access_token);'],
  },
  {
    name: 'Slack oauth.v2.access user token under authed_user',
    reply: {
      body: {
        ok: true,
        app_id: 'A0KRD7HC3',
        authed_user: { id: 'U1234', scope: 'chat:write', access_token: 'xoxp-1234-5678-90abcdef', token_type: 'user', refresh_token: 'xoxe-1-refresh-abcdef', expires_in: 43200 },
        team: { id: 'T9TK3CUKW', name: 'Slack Pickleball Team' },
        enterprise: null,
        is_enterprise_install: false,
      },
    },
    codes: ['TOKEN_FIELDS_NONSTANDARD'],
    tokens: false,
    says: ['authed_user.access_token', 'authed_user.token_type', 'authed_user.refresh_token', 'authed_user.expires_in'],
  },
  {
    name: 'cal.com {status, data} envelope',
    reply: { body: { status: 'success', data: { access_token: AT, refresh_token: RT, expires_in: 1800, token_type: 'Bearer' } } },
    codes: ['TOKEN_FIELDS_NONSTANDARD'],
    tokens: false,
    says: ['data.access_token', 'data.refresh_token', 'data.expires_in'],
  },
  {
    name: 'Withings {status, body} envelope',
    reply: { body: { status: 0, body: { userid: '363', access_token: AT, refresh_token: RT, scope: 'user.info', expires_in: 10800, token_type: 'Bearer' } } },
    codes: ['TOKEN_FIELDS_NONSTANDARD'],
    tokens: false,
    says: ['body.access_token', 'body.refresh_token'],
  },
  {
    name: 'legacy Facebook "expires" instead of expires_in',
    reply: { body: { access_token: AT, token_type: 'bearer', expires: 5183999, refresh_token: RT } },
    codes: ['TOKEN_FIELDS_NONSTANDARD'],
    tokens: true,
    says: ['expires (for expires_in)', 'keeps the token forever'],
  },
  {
    name: 'access_token fine, but refreshToken in camelCase',
    reply: { body: { access_token: AT, token_type: 'Bearer', expires_in: 3600, refreshToken: RT } },
    codes: ['TOKEN_FIELDS_NONSTANDARD'],
    tokens: true,
    says: ['refreshToken (for refresh_token)', 'users lose access'],
  },
  {
    name: 'GitHub form-encoded answer',
    reply: {
      body: 'access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    },
    codes: ['TOKEN_RESPONSE_NOT_JSON'],
    tokens: false,
    says: ['application/x-www-form-urlencoded', 'fields: access_token, scope, token_type', 'cannot read'],
  },
  {
    name: 'Stack Exchange text/plain form body',
    reply: { body: 'access_token=se_Qk7Zs9Lw2Xc4Vb6Nm8&expires=86400', headers: { 'content-type': 'text/plain; charset=utf-8' } },
    codes: ['TOKEN_RESPONSE_NOT_JSON'],
    tokens: false,
    says: ['text/plain', 'form-encoded', 'cannot read'],
  },
  {
    name: 'Concur-style XML',
    reply: {
      body: '<?xml version="1.0" encoding="utf-8"?><Access_Token><Instance_Url>https://www.concursolutions.com/</Instance_Url><Token>CONCURtok1234567890</Token><Expiration_date>1/1/2030 10:00:00 AM</Expiration_date><Refresh_Token>CONCURref0987654321</Refresh_Token></Access_Token>',
      headers: { 'content-type': 'application/xml' },
    },
    codes: ['TOKEN_RESPONSE_NOT_JSON'],
    tokens: false,
    says: ['application/xml', 'XML document (<Access_Token>)'],
  },
  {
    name: 'HTML login page with 200 (URLs swapped)',
    reply: { body: '<!DOCTYPE html><html><head><title>Sign in - Example</title></head><body><form></form></body></html>', headers: { 'content-type': 'text/html; charset=utf-8' } },
    codes: ['TOKEN_RESPONSE_NOT_JSON'],
    tokens: false,
    says: ['text/html', 'HTML page ("Sign in - Example")'],
  },
  {
    name: 'empty 200',
    reply: { body: '', headers: { 'content-type': 'application/json' } },
    codes: ['TOKEN_RESPONSE_NOT_JSON'],
    tokens: false,
    says: ['an empty body'],
  },
  {
    name: 'GitHub 200 + bad_verification_code',
    reply: {
      body: { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.', error_uri: 'https://docs.github.com/apps/troubleshooting' },
    },
    codes: ['TOKEN_ERROR_WITH_200'],
    tokens: false,
    says: ['error="bad_verification_code"', 'The code passed is incorrect or expired.', 'HTTP 200'],
  },
  {
    name: 'GitHub 200 + error, form-encoded',
    reply: { body: 'error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    codes: ['TOKEN_RESPONSE_NOT_JSON', 'TOKEN_ERROR_WITH_200'],
    tokens: false,
  },
  {
    name: 'Slack 200 + ok:false',
    reply: { body: { ok: false, error: 'invalid_code' } },
    codes: ['TOKEN_ERROR_WITH_200'],
    tokens: false,
    says: ['ok:false', 'error="invalid_code"'],
  },
  {
    name: '200 with an error message and no token',
    reply: { body: { message: 'Invalid authorization code' } },
    codes: ['TOKEN_ERROR_WITH_200'],
    tokens: false,
  },
  {
    name: 'Azure AD v1 string expires_in',
    reply: { body: { access_token: AT, token_type: 'Bearer', expires_in: '86399', refresh_token: RT } },
    codes: ['EXPIRES_IN_NOT_NUMBER'],
    tokens: true,
    says: ['the string "86399"', 'coerces it to 86399 s'],
  },
  {
    name: 'expires_in 0',
    reply: { body: { access_token: AT, token_type: 'Bearer', expires_in: 0, refresh_token: RT } },
    codes: ['EXPIRES_IN_NOT_NUMBER'],
    tokens: true,
  },
  {
    name: 'no token_type (LinkedIn)',
    reply: { body: { access_token: AT, expires_in: 5183999, refresh_token: RT } },
    codes: ['TOKEN_TYPE_MISSING'],
    tokens: true,
    says: ['no token_type'],
  },
  {
    name: 'token_type mac',
    reply: { body: { access_token: AT, token_type: 'mac', expires_in: 3600, refresh_token: RT } },
    codes: ['TOKEN_TYPE_NOT_BEARER'],
    tokens: true,
    says: ['the string "mac"'],
  },
  {
    name: 'no expires_in (Salesforce)',
    reply: { body: { access_token: AT, refresh_token: RT, token_type: 'Bearer', issued_at: '1278448101416', instance_url: 'https://yourInstance.salesforce.com/' } },
    codes: ['TOKEN_NO_EXPIRY'],
    tokens: true,
    says: ['no expires_in', 'never expiring'],
  },
  {
    name: 'no expires_in and no refresh_token (GitHub OAuth App)',
    reply: { body: { access_token: 'gho_16C7e42F292c6912E7710c838347Ae178B4a', scope: 'repo', token_type: 'bearer' } },
    codes: ['TOKEN_NO_EXPIRY'],
    tokens: true,
  },
  {
    name: 'expires_in but no refresh_token (Google without offline)',
    reply: { body: { access_token: AT, expires_in: 3599, scope: 'openid', token_type: 'Bearer', id_token: 'eyJhbGciOiJSUzI1NiJ9.e30.sig' } },
    codes: ['REFRESH_TOKEN_MISSING'],
    tokens: true,
    says: ['expires_in 3599', 'no usable refresh_token', 'after 3599 s (60 min)'],
  },
  {
    name: 'the refresh grant may omit refresh_token (RFC 6749 §6)',
    grant: 'refresh_token',
    reply: { body: { access_token: AT, expires_in: 3599, token_type: 'Bearer' } },
    codes: [],
    tokens: true,
  },
  {
    name: '200 {} / only an id_token',
    reply: { body: { id_token: 'eyJhbGciOiJSUzI1NiJ9.e30.sig', scope: 'openid' } },
    codes: ['ACCESS_TOKEN_MISSING'],
    tokens: false,
    says: ['no access token at any path', 'id_token, scope'],
  },
  {
    name: 'access_token null',
    reply: { body: { access_token: null, token_type: 'Bearer' } },
    codes: ['ACCESS_TOKEN_MISSING'],
    tokens: false,
    says: ['access_token is null'],
  },
  {
    name: '500 text/plain error',
    reply: { status: 500, body: 'Internal Server Error', headers: { 'content-type': 'text/plain' } },
    codes: ['TOKEN_ERROR_NOT_RFC6749'],
    tokens: false,
    says: ['status 500 instead of 400/401', 'plain text instead of JSON'],
  },
  {
    name: '400 HTML error page',
    reply: { status: 400, body: '<html><head><title>Bad Request</title></head><body>oops</body></html>', headers: { 'content-type': 'text/html' } },
    codes: ['TOKEN_ERROR_NOT_RFC6749'],
    tokens: false,
    says: ['HTML page ("Bad Request") instead of JSON'],
  },
  {
    name: '400 JSON without an error field',
    reply: { status: 400, body: { message: 'Bad Request', statusCode: 400 } },
    codes: ['TOKEN_ERROR_NOT_RFC6749'],
    tokens: false,
    says: ['without a string "error" field (fields: message, statusCode)'],
  },
  {
    name: '302 to a login page',
    reply: { status: 302, body: '', headers: { location: 'https://auth.plugin.example/login' } },
    codes: ['TOKEN_ERROR_NOT_RFC6749'],
    tokens: false,
    says: ['redirect to https://auth.plugin.example/login'],
  },
  { name: 'RFC 6749 400 invalid_grant', reply: { status: 400, body: { error: 'invalid_grant', error_description: 'Code expired' } }, codes: [], tokens: false },
  { name: 'RFC 6749 401 invalid_client', reply: { status: 401, body: { error: 'invalid_client' } }, codes: [], tokens: false },
  { name: '429 rate limiting is not an OAuth error', reply: { status: 429, body: 'slow down', headers: { 'retry-after': '2' } }, codes: [], tokens: false },
];

for (const c of CASES) {
  test(`${c.name} → ${c.codes.join(', ') || 'no findings'}`, async () => {
    const r = await runExchange(c.reply, { grant: c.grant ?? 'authorization_code' });
    expect(codesOf(r.drafts)).toEqual(c.codes);
    expect(!!r.tokens).toBe(c.tokens);
    if (!c.tokens) expect(r.failure).toBeTruthy();
    for (const d of r.drafts) {
      expect(d.evidence).toEqual([r.outcome.exchangeId]);
      expect(d.reproduce).toMatch(/^curl -i --max-time \d+ -X POST /);
      expect(d.fix.length).toBeGreaterThan(20);
    }
    for (const s of c.says ?? []) expect(r.drafts[0]?.message).toContain(s);
  });
}

test('numeric-string expires_in is coerced for the host while still reported', async () => {
  const r = await runExchange({ body: { access_token: AT, token_type: 'Bearer', expires_in: ' 3600 ', refresh_token: RT } });
  expect(r.tokens?.expiresInSeconds).toBe(3600);
  expect(codesOf(r.drafts)).toEqual(['EXPIRES_IN_NOT_NUMBER']);
});

test('a refusal returns the RFC 6749 error for the caller, without findings', async () => {
  const r = await runExchange({ status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } }, { grant: 'refresh_token' });
  expect(r.drafts).toEqual([]);
  expect(r.rejection).toEqual({ status: 400, error: 'invalid_grant', errorDescription: 'Token has been expired or revoked.' });
  expect(r.failure).toContain('HTTP 400: error=invalid_grant (Token has been expired or revoked.)');
});

test('a 200 error hands the caller its error code too', async () => {
  const r = await runExchange({ body: { error: 'bad_refresh_token', error_description: 'The refresh token passed is incorrect or expired.' } }, { grant: 'refresh_token' });
  expect(r.rejection).toMatchObject({ status: 200, error: 'bad_refresh_token' });
});

test('REFRESH_TOKEN_MISSING names the provider switch when the provider is known', async () => {
  const body = { access_token: AT, expires_in: 3599, token_type: 'Bearer' };
  const google = await runExchange({ body }, { provider: 'google' });
  expect(google.drafts[0]?.fix).toContain('access_type=offline');
  const auth0 = await runExchange({ body }, { provider: 'auth0' });
  expect(auth0.drafts[0]?.fix).toContain('offline_access');
  const unknown = await runExchange({ body });
  expect(unknown.drafts[0]?.fix).toContain('refresh_token');
});

test('the reproduce curl replays the request with secrets as variables', async () => {
  const r = await runExchange({ body: { access_token: AT, token_type: 'Bearer' } });
  const curl = r.drafts[0]?.reproduce ?? '';
  expect(curl).toContain('$PLUGIN_CLIENT_SECRET');
  expect(curl).toContain('$AUTH_CODE');
  expect(curl).not.toContain(CODE);
  expect(curl).toContain('https://auth.plugin.example/oauth/token');
});
