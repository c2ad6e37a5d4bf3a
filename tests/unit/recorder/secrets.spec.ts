import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { redactBody, redactHeaders, redactJsonValue, redactUrl } from '../../../mock-host/recorder/redact.ts';
import { fingerprint, isSecretField, isSecretHeader, SecretRegistry, secretKindOfField } from '../../../mock-host/recorder/secrets.ts';

const fp = fingerprint;

test('a fingerprint is a 10-hex sha256 prefix and the length, never the value', () => {
  expect(fingerprint('hunter2-secret')).toBe(`[redacted sha256:${createHash('sha256').update('hunter2-secret').digest('hex').slice(0, 10)} len=14]`);
  expect(fingerprint('')).toMatch(/^\[redacted sha256:[0-9a-f]{10} len=0\]$/);
});

test('secret field names, wherever they are', () => {
  for (const name of ['access_token', 'Access_Token', 'accesstoken', 'AccessToken', 'accessToken', 'refreshToken', 'idToken', 'clientSecret', 'id_token', 'token', 'code', 'auth-code', 'client_secret', 'secret', 'password', 'user_passwd', 'code_verifier', 'assertion', 'client_assertion', 'x-token'])
    expect([name, isSecretField(name)]).toEqual([name, true]);
  for (const name of ['token_type', 'code_challenge', 'scope', 'expires_in', 'tokens', 'barcode', 'mytoken', 'secretary', 'state', 'client_id', 'IdToken2'])
    expect([name, isSecretField(name)]).toEqual([name, false]);
});

test('the kind of a secret field names its $VARIABLE', () => {
  const kinds: [string, string][] = [
    ['refresh_token', 'refresh_token'],
    ['RefreshToken', 'refresh_token'],
    ['access_token', 'access_token'],
    ['token', 'access_token'],
    ['client_secret', 'client_secret'],
    ['secret', 'client_secret'],
    ['password', 'password'],
    ['passwd', 'password'],
    ['code', 'code'],
    ['code_verifier', 'code_verifier'],
    ['id_token', 'token'],
    ['assertion', 'token'],
    ['my_token', 'token'],
    ['auth_code', 'token'],
  ];
  for (const [name, kind] of kinds) expect([name, secretKindOfField(name)]).toEqual([name, kind]);
});

test('secret header names', () => {
  for (const name of ['Authorization', 'proxy-authorization', 'Cookie', 'set-cookie', 'X-API-Key']) expect(isSecretHeader(name)).toBe(true);
  for (const name of ['x-api-keys', 'authorization2', 'content-type', 'www-authenticate']) expect(isSecretHeader(name)).toBe(false);
});

test('the registry ignores short values, empty ones and probe values; keeps the first kind; adds the URL-encoded form', () => {
  const s = new SecretRegistry();
  s.add('12345', 'code');
  s.add(undefined, 'code');
  s.add(null, 'code');
  s.add('123456', 'code');
  s.add('123456', 'password');
  s.add('a b/c+d', 'client_secret');
  s.addProbeValue('probe-value-1');
  s.add('probe-value-1', 'client_secret');
  expect(s.values()).toEqual(['123456', 'a b/c+d', 'a%20b%2Fc%2Bd']);
  expect(s.substituteVariables('123456 a b/c+d a%20b%2Fc%2Bd probe-value-1 12345')).toBe('$AUTH_CODE $PLUGIN_CLIENT_SECRET $PLUGIN_CLIENT_SECRET probe-value-1 12345');
  expect(s.isProbeValue('probe-value-1')).toBe(true);
  expect(s.isProbeValue('123456')).toBe(false);
});

test('the URL-encoded spelling keeps its first kind too', () => {
  const s = new SecretRegistry();
  s.add('a b/c+d', 'client_secret');
  s.add('a b/c+d', 'password');
  expect(s.substituteVariables('a b/c+d a%20b%2Fc%2Bd')).toBe('$PLUGIN_CLIENT_SECRET $PLUGIN_CLIENT_SECRET');
});

test('a value that becomes a probe value is forgotten as a secret, in both spellings', () => {
  const s = new SecretRegistry();
  s.add('wrong secret!', 'client_secret');
  s.add('kept-secret', 'client_secret');
  s.addProbeValue('wrong secret!');
  expect(s.values()).toEqual(['kept-secret']);
  expect(s.redact('wrong secret! wrong%20secret!')).toBe('wrong secret! wrong%20secret!');
});

test('redaction replaces every occurrence, longest secret first', () => {
  const s = new SecretRegistry();
  s.add('abcdef', 'token');
  s.add('abcdef-ghijkl', 'access_token');
  expect(s.redact('x abcdef-ghijkl y abcdef abcdef')).toBe(`x ${fp('abcdef-ghijkl')} y ${fp('abcdef')} ${fp('abcdef')}`);
  expect(s.redact('nothing here')).toBe('nothing here');
});

test('substituteVariables: each secret as its variable, longest first; bound learns what each stood for', () => {
  const s = new SecretRegistry();
  s.add('code-value', 'code');
  s.add('code-value-and-more', 'refresh_token');
  s.add('verifier-1', 'code_verifier');
  s.add('login-pass', 'password');
  s.add('vt-123456', 'verification_token');
  s.add('some-token', 'token');
  const bound = new Map<string, string>();
  expect(s.substituteVariables('code-value-and-more code-value verifier-1 login-pass vt-123456 some-token', bound)).toBe('$REFRESH_TOKEN $AUTH_CODE $CODE_VERIFIER $PLUGIN_LOGIN_PASSWORD $PLUGIN_VERIFICATION_TOKEN $TOKEN');
  expect(Object.fromEntries(bound)).toEqual({ REFRESH_TOKEN: 'code-value-and-more', AUTH_CODE: 'code-value', CODE_VERIFIER: 'verifier-1', PLUGIN_LOGIN_PASSWORD: 'login-pass', PLUGIN_VERIFICATION_TOKEN: 'vt-123456', TOKEN: 'some-token' });
  const untouched = new Map<string, string>();
  expect(s.substituteVariables('none', untouched)).toBe('none');
  expect(untouched.size).toBe(0);
  expect(s.variableFor('access_token')).toBe('$ACCESS_TOKEN');
  expect(s.variableFor('client_secret')).toBe('$PLUGIN_CLIENT_SECRET');
});

test('JSON values: secret-named fields at any depth become fingerprints and are registered', () => {
  const s = new SecretRegistry();
  const out = redactJsonValue({ a: [{ access_token: 'tok-abcdef' }], password: 12345678, code: 401, refresh_token: 'rt-abcdef', scope: 'x', n: { client_secret: 'cs-abcdef' }, token: null }, s);
  expect(out).toEqual({ a: [{ access_token: fp('tok-abcdef') }], password: fp('12345678'), code: 401, refresh_token: fp('rt-abcdef'), scope: 'x', n: { client_secret: fp('cs-abcdef') }, token: null });
  expect(s.substituteVariables('tok-abcdef 12345678 rt-abcdef cs-abcdef')).toBe('$ACCESS_TOKEN $PLUGIN_LOGIN_PASSWORD $REFRESH_TOKEN $PLUGIN_CLIENT_SECRET');
  expect(s.values()).not.toContain('401');
  // A string code is an authorization code.
  expect(redactJsonValue({ code: 'auth-code-1' }, s)).toEqual({ code: fp('auth-code-1') });
  expect(redactJsonValue('plain', s)).toBe('plain');
  expect(redactJsonValue(7, s)).toBe(7);
});

test('JSON nested beyond 64 levels is cut', () => {
  let deep: unknown = { x: 1 };
  for (let i = 0; i < 70; i++) deep = [deep];
  let out = redactJsonValue(deep, new SecretRegistry());
  let levels = 0;
  while (Array.isArray(out)) {
    out = out[0];
    levels++;
  }
  expect(out).toBe('[too deep]');
  expect(levels).toBe(65);
});

test('bodies: JSON by type or by look, pretty-printed; broken JSON and text redacted by known values', () => {
  const s = new SecretRegistry();
  expect(redactBody('{"access_token":"tok-123456"}', 'application/json', s)).toBe(`{\n  "access_token": "${fp('tok-123456')}"\n}`);
  expect(redactBody(' [{"password":"pw-123456"}]', undefined, s)).toBe(`[\n  {\n    "password": "${fp('pw-123456')}"\n  }\n]`);
  // The media type is compared without case: pretty-printed, so parsed as JSON.
  expect(redactBody('{"a":1}', 'Application/JSON', s)).toBe('{\n  "a": 1\n}');
  expect(redactBody('{broken tok-123456', undefined, s)).toBe(`{broken ${fp('tok-123456')}`);
  expect(redactBody('an error mentioning pw-123456', 'text/html', s)).toBe(`an error mentioning ${fp('pw-123456')}`);
  // A known value under a field of any name (an API that echoes the token back) is redacted in JSON too.
  expect(redactBody('{"echo":"Bearer tok-123456"}', 'application/json', s)).toBe(`{\n  "echo": "Bearer ${fp('tok-123456')}"\n}`);
});

test('bodies: form-encoded by type or by look; secret fields learnt first', () => {
  const s = new SecretRegistry();
  expect(redactBody('code=code-123456&state=st-123456', 'application/x-www-form-urlencoded', s)).toBe(`code=${fp('code-123456')}&state=st-123456`);
  expect(redactBody('  client_secret=cs-123456&x=1\n', undefined, s)).toBe(`client_secret=${fp('cs-123456')}&x=1`);
  // text/plain is read as a form: the field's value runs to the end.
  expect(redactBody('refresh_token=rt-123456 trailing', 'text/plain', s)).toBe(`refresh_token=${fp('rt-123456 trailing')}`);
  expect(s.substituteVariables('code-123456 cs-123456 rt-123456 trailing')).toBe('$AUTH_CODE $PLUGIN_CLIENT_SECRET $REFRESH_TOKEN');
  // Not a form by look (a space): only already known values are redacted.
  expect(redactBody('password=pw-654321 and more', undefined, s)).toBe('password=pw-654321 and more');
});

test('URLs: secret query parameters are learnt and redacted; state is not a secret; a non-URL is redacted as text', () => {
  const s = new SecretRegistry();
  expect(redactUrl('https://host.example/cb?code=code-abcdef&state=state-abcdef', s)).toBe(`https://host.example/cb?code=${fp('code-abcdef')}&state=state-abcdef`);
  expect(s.values()).toEqual(['code-abcdef']);
  expect(redactUrl('not a url code-abcdef', s)).toBe(`not a url ${fp('code-abcdef')}`);
  expect(redactUrl('https://host.example/p?access_token=a%20token-1', s)).toBe(`https://host.example/p?access_token=${fp('a%20token-1')}`);
});

test('headers: credentials keep their scheme, a bare value is fingerprinted whole, others redacted by known values', () => {
  const s = new SecretRegistry();
  expect(redactHeaders({ Authorization: 'Bearer at-123456', 'Proxy-Authorization': 'Basic Y2xpZW50OnNlY3JldA==', Cookie: 'sid=abcdef', 'X-Echo': 'saw at-123456' }, s)).toEqual({
    Authorization: `Bearer ${fp('at-123456')}`,
    'Proxy-Authorization': `Basic ${fp('Y2xpZW50OnNlY3JldA==')}`,
    Cookie: fp('sid=abcdef'),
    'X-Echo': `saw ${fp('at-123456')}`,
  });
  expect(s.substituteVariables('at-123456 Y2xpZW50OnNlY3JldA==')).toBe('$ACCESS_TOKEN $PLUGIN_CLIENT_SECRET');
  expect(s.values()).not.toContain('sid=abcdef');
  expect(redactHeaders({ authorization: 'Token a b c-123' }, s)).toEqual({ authorization: `Token ${fp('a b c-123')}` });
  expect(s.substituteVariables('a b c-123')).toBe('$PLUGIN_CLIENT_SECRET');
  expect(redactHeaders({ 'x-api-key': 'Bearer ' }, new SecretRegistry())).toEqual({ 'x-api-key': fp('Bearer ') });
});
