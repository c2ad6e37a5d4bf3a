import { expect, test } from '@playwright/test';
import { readResponseBody } from '../../../mock-host/oauth/response-body.ts';
import { registerResponseSecrets } from '../../../mock-host/oauth/response-secrets.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

function registered(raw: string, mediaType?: string): SecretRegistry {
  const s = new SecretRegistry();
  registerResponseSecrets(s, readResponseBody(raw, mediaType), raw);
  return s;
}

test('JSON: every token-like or secret-named field at any depth, strings and numbers, under its kind', () => {
  const s = registered(JSON.stringify({ data: { AccessToken: 'json-access-1', 'refresh-token': 'json-refresh-1', password: 12345678, id_token: 'json-id-token-1', expires_in: 3600, note: 'json-note-1' } }), 'application/json');
  expect(s.substituteVariables('json-access-1 json-refresh-1 12345678 json-id-token-1')).toBe('$ACCESS_TOKEN $REFRESH_TOKEN $PLUGIN_LOGIN_PASSWORD $TOKEN');
  expect(s.values()).not.toContain('3600');
  expect(s.values()).not.toContain('json-note-1');
});

test('JSON values that are neither strings nor numbers are not registered', () => {
  const s = registered(JSON.stringify({ access_token: { nested: true }, refresh_token: ['rt-in-array-1'], token: true }), 'application/json');
  // The array's item has no key of its own: nothing to go by.
  expect(s.values()).toEqual([]);
});

test('form bodies: each secret field under its kind', () => {
  const s = registered('access_token=form-access-1&refresh_token=form-refresh-1&scope=read-write', 'application/x-www-form-urlencoded');
  expect(s.substituteVariables('form-access-1 form-refresh-1')).toBe('$ACCESS_TOKEN $REFRESH_TOKEN');
  expect(s.values()).not.toContain('read-write');
});

test('text, HTML and XML: name="value", name: value, name=value and <name>value</name>', () => {
  const s = registered('access_token="text-access-1" refresh_token: text-refresh-1, client_secret=text-secret-1; <code>text-code-12</code>', 'text/plain');
  expect(s.substituteVariables('text-access-1 text-refresh-1 text-secret-1 text-code-12')).toBe('$ACCESS_TOKEN $REFRESH_TOKEN $PLUGIN_CLIENT_SECRET $AUTH_CODE');
  const html = registered("<html><body>access_token: 'html-access-1'</body></html>", 'text/html');
  expect(html.substituteVariables('html-access-1')).toBe('$ACCESS_TOKEN');
});

test('text: values shorter than six characters and other names are not secrets; a kebab-case secret name is', () => {
  const s = registered('token=abc12 scope=read-write-all my-token=kebab-token-1', 'text/plain');
  expect(s.values()).not.toContain('abc12');
  expect(s.values()).not.toContain('read-write-all');
  expect(s.substituteVariables('kebab-token-1')).toBe('$TOKEN');
});

test('an empty body registers nothing', () => {
  expect(registered('', 'text/plain').values()).toEqual([]);
});
