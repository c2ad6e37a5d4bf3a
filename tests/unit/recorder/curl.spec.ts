import { expect, test } from '@playwright/test';
import { curlVariables, toCurl } from '../../../mock-host/recorder/curl.ts';
import type { OutboundRequest } from '../../../mock-host/recorder/exchange.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

const base = { phase: 'probe', label: 'probe', timeoutMs: 15_000, maxBodyBytes: 1000 } as const;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function registry(): SecretRegistry {
  const s = new SecretRegistry();
  s.add('the-real-client-secret', 'client_secret');
  s.add('a-real-code-123', 'code');
  s.add('a-real-access-token', 'access_token');
  s.add('wrong-0123456789', 'client_secret'); // even were it registered, a probe value stays as sent
  s.addProbeValue('wrong-0123456789');
  s.addProbeValue('conformance-invalid-xyz');
  return s;
}

test('every reproduction carries the request timeout as --max-time', () => {
  const curl = toCurl({ ...base, method: 'GET', url: 'https://api.example/x' }, registry());
  expect(curl).toContain('--max-time 15 ');
  expect(toCurl({ ...base, timeoutMs: 0, method: 'GET', url: 'https://api.example/x' }, registry())).toContain('--max-time 30 ');
});

test("a wrong client secret in a form body is shown as sent, the code as its variable", () => {
  const request: OutboundRequest = { ...base, method: 'POST', url: 'https://a.example/token', body: 'grant_type=authorization_code&code=a-real-code-123&client_secret=wrong-0123456789' };
  const curl = toCurl(request, registry());
  expect(curl).toContain('client_secret=wrong-0123456789');
  expect(curl).toContain('code=$AUTH_CODE');
  expect(curl).not.toContain('$PLUGIN_CLIENT_SECRET');
  expect(curlVariables(request, registry())).toEqual({ AUTH_CODE: 'a-real-code-123' });
});

test('a correct client secret in a JSON body is its variable', () => {
  const request: OutboundRequest = { ...base, method: 'POST', url: 'https://a.example/token', body: JSON.stringify({ code: 'a-real-code-123', client_secret: 'the-real-client-secret' }) };
  expect(toCurl(request, registry())).toContain('\\"client_secret\\":\\"$PLUGIN_CLIENT_SECRET\\"');
  expect(curlVariables(request, registry())).toEqual({ AUTH_CODE: 'a-real-code-123', PLUGIN_CLIENT_SECRET: 'the-real-client-secret' });
});

test('a wrong secret in HTTP Basic stays literal; a correct one is $BASIC_CREDENTIALS', () => {
  const wrong = toCurl({ ...base, method: 'POST', url: 'https://a.example/token', headers: { Authorization: basic('client', 'wrong-0123456789') } }, registry());
  expect(wrong).toContain(basic('client', 'wrong-0123456789'));
  const right: OutboundRequest = { ...base, method: 'POST', url: 'https://a.example/token', headers: { Authorization: basic('client', 'the-real-client-secret') } };
  expect(toCurl(right, registry())).toContain('Authorization: Basic $BASIC_CREDENTIALS');
  expect(curlVariables(right, registry()).BASIC_CREDENTIALS).toBe(basic('client', 'the-real-client-secret').slice('Basic '.length));
});

test("a garbage bearer token is shown as sent; a real one is $ACCESS_TOKEN", () => {
  const garbage = toCurl({ ...base, method: 'GET', url: 'https://api.example/x', headers: { Authorization: 'Bearer conformance-invalid-xyz' } }, registry());
  expect(garbage).toContain('Authorization: Bearer conformance-invalid-xyz');
  const real: OutboundRequest = { ...base, method: 'GET', url: 'https://api.example/x', headers: { Authorization: 'bearer a-real-access-token' } };
  expect(toCurl(real, registry())).toContain('Authorization: bearer $ACCESS_TOKEN');
  expect(curlVariables(real, registry())).toEqual({ ACCESS_TOKEN: 'a-real-access-token' });
});
