import { expect, test } from '@playwright/test';
import { curlVariables, toCurl } from '../../../mock-host/recorder/curl.ts';
import type { OutboundRequest } from '../../../mock-host/recorder/exchange.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

const base = { phase: 'probe', label: 'probe', timeoutMs: 15_000, maxBodyBytes: 1000 } as const;

test('the whole command: method, headers in order, body and URL, each double-quoted', () => {
  const request: OutboundRequest = { ...base, timeoutMs: 1500, method: 'POST', url: 'https://a.example/x?q=1', headers: { Accept: 'application/json', 'X-Q': 'say "hi" `now` \\ $HOME' }, body: '{"a":1}' };
  expect(toCurl(request, new SecretRegistry())).toBe(
    'curl -i --max-time 2 -X POST -H "Accept: application/json" -H "X-Q: say \\"hi\\" \\`now\\` \\\\ $HOME" --data-raw "{\\"a\\":1}" "https://a.example/x?q=1"',
  );
  expect(toCurl({ ...base, timeoutMs: 1000, method: 'GET', url: 'https://a.example/' }, new SecretRegistry())).toBe('curl -i --max-time 1 -X GET "https://a.example/"');
  expect(toCurl({ ...base, timeoutMs: -5, method: 'GET', url: 'https://a.example/' }, new SecretRegistry())).toContain('--max-time 30 ');
});

test('secrets known only by value become variables wherever they are: URL, body text', () => {
  const s = new SecretRegistry();
  s.add('known-token-1', 'access_token');
  const request: OutboundRequest = { ...base, method: 'POST', url: 'https://a.example/x?t=known-token-1', body: 'note=known-token-1' };
  expect(toCurl(request, s)).toBe('curl -i --max-time 15 -X POST --data-raw "note=$ACCESS_TOKEN" "https://a.example/x?t=$ACCESS_TOKEN"');
  expect(curlVariables(request, s)).toEqual({ ACCESS_TOKEN: 'known-token-1' });
});

test('form fields: names and values decoded before they are judged, the raw pair kept otherwise', () => {
  const s = new SecretRegistry();
  const body = 'client%5Fsecret=a+b%21c&broken=%E0%A4%A&flag&code=c%2Bd-12345';
  const curl = toCurl({ ...base, method: 'POST', url: 'https://a.example/t', body }, s);
  expect(curl).toContain('--data-raw "client%5Fsecret=$PLUGIN_CLIENT_SECRET&broken=%E0%A4%A&flag&code=$AUTH_CODE"');
  expect(curlVariables({ ...base, method: 'POST', url: 'https://a.example/t', body }, s)).toEqual({ PLUGIN_CLIENT_SECRET: 'a b!c', AUTH_CODE: 'c+d-12345' });
});

test('JSON bodies: only string values of secret fields; arrays and other values as sent', () => {
  const s = new SecretRegistry();
  const object = JSON.stringify({ password: 'pw-1234567', code: 400, scope: 'a', refresh_token: 'rt-1234567' });
  expect(curlVariables({ ...base, method: 'POST', url: 'https://a.example/t', body: object }, s)).toEqual({ PLUGIN_LOGIN_PASSWORD: 'pw-1234567', REFRESH_TOKEN: 'rt-1234567' });
  expect(toCurl({ ...base, method: 'POST', url: 'https://a.example/t', body: object }, s)).toContain('{\\"password\\":\\"$PLUGIN_LOGIN_PASSWORD\\",\\"code\\":400,\\"scope\\":\\"a\\",\\"refresh_token\\":\\"$REFRESH_TOKEN\\"}');
  const array = JSON.stringify([{ password: 'pw-1234567' }]);
  expect(toCurl({ ...base, method: 'POST', url: 'https://a.example/t', body: array }, s)).toContain(`--data-raw "[{\\"password\\":\\"pw-1234567\\"}]"`);
  expect(toCurl({ ...base, method: 'POST', url: 'https://a.example/t', body: 'null' }, s)).toContain('--data-raw "null"');
  s.addProbeValue('wrong-pw-1');
  expect(curlVariables({ ...base, method: 'POST', url: 'https://a.example/t', body: JSON.stringify({ password: 'wrong-pw-1' }) }, s)).toEqual({});
});

test('credential headers: other schemes and bare values as $SECRET; non-secret headers as sent', () => {
  const s = new SecretRegistry();
  const request: OutboundRequest = { ...base, method: 'GET', url: 'https://a.example/', headers: { 'X-API-Key': 'key-123456', Authorization: 'Token abc-123456', 'X-Plain': 'visible' } };
  expect(toCurl(request, s)).toBe('curl -i --max-time 15 -X GET -H "X-API-Key: $SECRET" -H "Authorization: $SECRET" -H "X-Plain: visible" "https://a.example/"');
  expect(curlVariables(request, s)).toEqual({ SECRET: 'Token abc-123456' });
  const basic = `Basic ${Buffer.from('id:se%3Acret').toString('base64')}`;
  s.addProbeValue('se:cret');
  expect(toCurl({ ...base, method: 'GET', url: 'https://a.example/', headers: { authorization: basic } }, s)).toContain(`authorization: ${basic}`);
  expect(toCurl({ ...base, method: 'GET', url: 'https://a.example/', headers: { authorization: 'BASIC aWQ6cmVhbA==' } }, s)).toContain('authorization: BASIC $BASIC_CREDENTIALS');
  expect(toCurl({ ...base, method: 'GET', url: 'https://a.example/', headers: { authorization: 'BEARER tok-1234567' } }, s)).toContain('authorization: BEARER $ACCESS_TOKEN');
});
