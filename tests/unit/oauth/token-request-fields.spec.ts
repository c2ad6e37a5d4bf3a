import { expect, test } from '@playwright/test';
import { basicAuthorization } from '../../../mock-host/oauth/client-auth.ts';
import { buildTokenRequest, CLIENT_ASSERTION_TYPE, registerTokenRequestSecrets, tokenRequestFields, type TokenRequestParams } from '../../../mock-host/oauth/token-request.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

const EVERY = ['grant_type', 'client_id', 'client_secret', 'code', 'redirect_uri', 'code_verifier', 'refresh_token', 'resource', 'scope'] as const;
const client = {
  shape: { acceptHeader: 'application/json', fields: { authorization_code: EVERY, refresh_token: EVERY } },
  timeoutMs: 3000,
  maxBodyBytes: 2048,
  tokenUrl: 'https://as.example/token',
  clientId: 'client-1',
  clientSecret: 'secret-value-1',
  encoding: 'form' as const,
  authMethod: 'client_secret_post' as const,
};
const code = (over: Partial<TokenRequestParams> = {}): TokenRequestParams =>
  ({ grant: 'authorization_code', code: 'code-value-1', redirectUri: 'https://host.example/cb', codeVerifier: 'verifier-value-1', resource: 'https://mcp.example', ...client, ...over }) as TokenRequestParams;
const refresh = (over: Partial<TokenRequestParams> = {}): TokenRequestParams =>
  ({ grant: 'refresh_token', refreshToken: 'refresh-value-1', scope: 'read', resource: 'https://mcp.example', ...client, ...over }) as TokenRequestParams;

test('each grant sends only its own fields, in the host\'s order', () => {
  expect(tokenRequestFields(code()).body).toEqual([
    ['grant_type', 'authorization_code'],
    ['client_id', 'client-1'],
    ['client_secret', 'secret-value-1'],
    ['code', 'code-value-1'],
    ['redirect_uri', 'https://host.example/cb'],
    ['code_verifier', 'verifier-value-1'],
    ['resource', 'https://mcp.example'],
  ]);
  expect(tokenRequestFields(refresh()).body).toEqual([
    ['grant_type', 'refresh_token'],
    ['client_id', 'client-1'],
    ['client_secret', 'secret-value-1'],
    ['refresh_token', 'refresh-value-1'],
    ['resource', 'https://mcp.example'],
    ['scope', 'read'],
  ]);
  expect(tokenRequestFields(code({ codeVerifier: undefined, resource: undefined })).body.map(([n]) => n)).toEqual(['grant_type', 'client_id', 'client_secret', 'code', 'redirect_uri']);
});

test('client authentication: none and private_key_jwt send no secret; the assertion follows the fields', () => {
  expect(tokenRequestFields(refresh({ authMethod: 'none', resource: undefined, scope: undefined })).body).toEqual([
    ['grant_type', 'refresh_token'],
    ['client_id', 'client-1'],
    ['refresh_token', 'refresh-value-1'],
  ]);
  expect(tokenRequestFields(refresh({ authMethod: 'private_key_jwt', clientAssertion: 'a.b.c', resource: undefined, scope: undefined })).body).toEqual([
    ['grant_type', 'refresh_token'],
    ['client_id', 'client-1'],
    ['refresh_token', 'refresh-value-1'],
    ['client_assertion_type', CLIENT_ASSERTION_TYPE],
    ['client_assertion', 'a.b.c'],
  ]);
  expect(tokenRequestFields(refresh({ authMethod: 'private_key_jwt' })).body.map(([n]) => n)).not.toContain('client_assertion');
  expect(tokenRequestFields(refresh({ authMethod: 'client_secret_post', clientAssertion: 'a.b.c' })).body.map(([n]) => n)).not.toContain('client_assertion');
  expect(tokenRequestFields(refresh({ authMethod: 'none' })).authorization).toBeUndefined();
});

test('client_secret_basic moves id and secret to the header; without an id there is no header', () => {
  const r = tokenRequestFields(refresh({ authMethod: 'client_secret_basic', resource: undefined, scope: undefined }));
  expect(r).toEqual({ body: [['grant_type', 'refresh_token'], ['refresh_token', 'refresh-value-1']], authorization: basicAuthorization('client-1', 'secret-value-1') });
  expect(tokenRequestFields(refresh({ authMethod: 'client_secret_basic', clientSecret: undefined })).authorization).toBe(basicAuthorization('client-1', ''));
  const noId = tokenRequestFields(refresh({ authMethod: 'client_secret_basic', overrides: { client_id: undefined } }));
  expect(noId.authorization).toBeUndefined();
  expect(noId.body.map(([n]) => n)).toEqual(['grant_type', 'refresh_token', 'resource', 'scope']);
});

test('the request: method, URL, headers, encoded body, phase and label per grant', () => {
  expect(buildTokenRequest(code({ codeVerifier: undefined, resource: undefined }))).toEqual({
    method: 'POST',
    url: 'https://as.example/token',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: 'grant_type=authorization_code&client_id=client-1&client_secret=secret-value-1&code=code-value-1&redirect_uri=https%3A%2F%2Fhost.example%2Fcb',
    phase: 'token',
    label: 'exchange code',
    timeoutMs: 3000,
    maxBodyBytes: 2048,
  });
  const r = buildTokenRequest(refresh({ encoding: 'json', authMethod: 'client_secret_basic', label: 'probe: refresh' }));
  expect(r.headers).toEqual({ 'Content-Type': 'application/json', Accept: 'application/json', Authorization: basicAuthorization('client-1', 'secret-value-1') });
  expect(r.body).toBe(JSON.stringify({ grant_type: 'refresh_token', refresh_token: 'refresh-value-1', resource: 'https://mcp.example', scope: 'read' }));
  expect(r.phase).toBe('refresh');
  expect(r.label).toBe('probe: refresh');
  expect(buildTokenRequest(refresh()).label).toBe('refresh token');
});

test('header overrides match names without case: drop one, replace one, add one', () => {
  const r = buildTokenRequest(refresh({ authMethod: 'client_secret_basic', headerOverrides: { authorization: undefined, 'content-type': 'text/plain', 'X-Extra': '1' } }));
  expect(r.headers).toEqual({ Accept: 'application/json', 'content-type': 'text/plain', 'X-Extra': '1' });
  expect(Object.keys(r.headers ?? {})).toEqual(['Accept', 'content-type', 'X-Extra']);
});

test('every secret the request carries is registered before it leaves, under its kind', () => {
  const s = new SecretRegistry();
  registerTokenRequestSecrets({ secrets: s }, code({ authMethod: 'client_secret_basic', clientAssertion: 'assertion-value-1', overrides: { password: 'probe-password-1', client_secret: 'override-secret-1' } }));
  const basic = basicAuthorization('client-1', 'override-secret-1').slice('Basic '.length);
  expect(s.substituteVariables(`secret-value-1 assertion-value-1 code-value-1 verifier-value-1 probe-password-1 override-secret-1 ${basic}`)).toBe(
    '$PLUGIN_CLIENT_SECRET $PLUGIN_CLIENT_SECRET $AUTH_CODE $CODE_VERIFIER $PLUGIN_LOGIN_PASSWORD $PLUGIN_CLIENT_SECRET $PLUGIN_CLIENT_SECRET',
  );
  const r = new SecretRegistry();
  registerTokenRequestSecrets({ secrets: r }, refresh({ authMethod: 'none', overrides: { scope: 'not-a-secret-scope' } }));
  expect(r.substituteVariables('refresh-value-1 secret-value-1')).toBe('$REFRESH_TOKEN $PLUGIN_CLIENT_SECRET');
  expect(r.values()).not.toContain('not-a-secret-scope');
  expect(r.values()).not.toContain('https://mcp.example');
});

test('the grant\'s own secret is registered under its kind even when the host\'s body does not carry it', () => {
  const bare = { ...client.shape, fields: { authorization_code: ['grant_type'] as const, refresh_token: ['grant_type'] as const } };
  const c = new SecretRegistry();
  registerTokenRequestSecrets({ secrets: c }, code({ shape: bare, clientSecret: undefined }));
  expect(c.substituteVariables('code-value-1')).toBe('$AUTH_CODE');
  const r = new SecretRegistry();
  registerTokenRequestSecrets({ secrets: r }, refresh({ shape: bare, clientSecret: undefined }));
  expect(r.substituteVariables('refresh-value-1')).toBe('$REFRESH_TOKEN');
});
