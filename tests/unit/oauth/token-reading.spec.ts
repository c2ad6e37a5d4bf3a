import { expect, test } from '@playwright/test';
import { gatherTokenFacts } from '../../../mock-host/oauth/token-facts.ts';
import { describeTokenFailure } from '../../../mock-host/oauth/token-failure.ts';
import { readTokenResponse } from '../../../mock-host/oauth/token-response.ts';
import { toCurl } from '../../../mock-host/recorder/curl.ts';
import type { HttpOutcome, OutboundRequest } from '../../../mock-host/recorder/exchange.ts';
import { fingerprint, SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

const request: OutboundRequest = {
  method: 'POST',
  url: 'https://as.example/token?tenant=t',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=authorization_code&code=the-code-123',
  phase: 'token',
  label: 'exchange code',
  timeoutMs: 7000,
  maxBodyBytes: 4096,
};

function answered(status: number, body: string | object, headers: Record<string, string> = { 'content-type': 'application/json' }, durationMs = 12): HttpOutcome {
  return { exchangeId: 'x7', request, response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body), truncated: false, bytes: 10, durationMs } };
}

const jwt = (claims: object) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

test('a transport failure: no http facts, the error and the request timeout', () => {
  const secrets = new SecretRegistry();
  const facts = gatherTokenFacts({ exchangeId: 'x1', request, error: { kind: 'timeout', message: 'no complete answer within 7000 ms' } }, { grant: 'refresh_token', provider: 'google', resource: 'https://mcp.example', secrets });
  expect(facts).toEqual({
    exchangeId: 'x1',
    grant: 'refresh_token',
    provider: 'google',
    resource: 'https://mcp.example',
    endpoint: 'https://as.example/token?tenant=t',
    reproduce: toCurl(request, secrets),
    transport: { kind: 'timeout', message: 'no complete answer within 7000 ms', timeoutMs: 7000 },
  });
  expect(gatherTokenFacts({ exchangeId: 'x2', request }, { grant: 'authorization_code', secrets }).transport).toEqual({ kind: 'network', message: 'no response', timeoutMs: 7000 });
  expect(describeTokenFailure(facts)).toEqual({ failure: 'the token endpoint could not be reached for the refresh (timeout: no complete answer within 7000 ms)' });
});

test('a conformant answer: tokens, the lower-cased Cache-Control, JWT claims, no failure', () => {
  const secrets = new SecretRegistry();
  const at = jwt({ sub: 'u1', aud: 'https://mcp.example' });
  const facts = gatherTokenFacts(answered(200, { access_token: at, token_type: 'Bearer', expires_in: 60 }, { 'Content-Type': 'Application/JSON; charset=utf-8', 'cache-control': 'No-Store', location: 'https://x.example/?code=abcdefgh' }), { grant: 'authorization_code', secrets });
  expect(facts.http).toEqual({
    status: 200,
    success: true,
    contentType: 'application/json',
    location: 'https://x.example/?code=abcdefgh',
    body: { kind: 'json', value: { access_token: at, token_type: 'Bearer', expires_in: 60 } },
    truncated: false,
    maxBodyBytes: 4096,
    top: { access_token: at, token_type: 'Bearer', expires_in: 60 },
    fields: { access_token: at, token_type: 'Bearer', expires_in: 60 },
    locations: [
      { role: 'access_token', path: 'access_token', standard: true },
      { role: 'token_type', path: 'token_type', standard: true },
      { role: 'expires_in', path: 'expires_in', standard: true },
    ],
    tokens: { accessToken: at, tokenType: 'Bearer', expiresInSeconds: 60 },
    cacheControl: 'no-store',
    durationMs: 12,
    accessTokenClaims: { sub: 'u1', aud: 'https://mcp.example' },
  });
  // Registered before the reproduction was rendered.
  expect(secrets.redact(at)).toBe(fingerprint(at));
  expect(describeTokenFailure(facts)).toBeUndefined();
  expect(readTokenResponse(answered(200, { access_token: at }), { grant: 'authorization_code', secrets })).toEqual({
    facts: expect.anything(),
    tokens: { accessToken: at },
  });
});

test('JWT claims only for a three-part token whose payload is a JSON object', () => {
  const claimsOf = (token: string) => gatherTokenFacts(answered(200, { access_token: token }), { grant: 'authorization_code', secrets: new SecretRegistry() }).http?.accessTokenClaims;
  expect(claimsOf('opaque-token-value')).toBeUndefined();
  expect(claimsOf('a..c')).toBeUndefined();
  expect(claimsOf(`x.${Buffer.from('[1]').toString('base64url')}.y`)).toBeUndefined();
  expect(claimsOf(`x.${Buffer.from('not json').toString('base64url')}.y`)).toBeUndefined();
  expect(claimsOf(`x.${Buffer.from('null').toString('base64url')}.y`)).toBeUndefined();
  expect(claimsOf(`x.${Buffer.from('"a string"').toString('base64url')}.y`)).toBeUndefined();
  expect(claimsOf(`${jwt({ a: 1 })}.extra`)).toBeUndefined();
  expect(claimsOf(jwt({ a: 1 }))).toEqual({ a: 1 });
});

test('a refusal with an RFC 6749 error body: the error, its description and the status', () => {
  const secrets = new SecretRegistry();
  const reading = readTokenResponse(answered(400, { error: 'invalid_grant', error_description: 'code the-code-123 was used' }, { 'content-type': 'application/json' }), { grant: 'authorization_code', secrets });
  secrets.add('the-code-123', 'code');
  expect(reading.tokens).toBeUndefined();
  expect(reading.facts.http?.success).toBe(false);
  expect(describeTokenFailure(reading.facts)).toEqual({
    failure: 'the token endpoint refused the code exchange with HTTP 400: error=invalid_grant (code the-code-123 was used)',
    rejection: { status: 400, error: 'invalid_grant', errorDescription: 'code the-code-123 was used' },
  });
  // readTokenResponse redacts what it hands back.
  const again = readTokenResponse(answered(400, { error: 'invalid_grant', error_description: 'code the-code-123 was used' }), { grant: 'authorization_code', secrets });
  expect(again.failure).toBe(`the token endpoint refused the code exchange with HTTP 400: error=invalid_grant (code ${fingerprint('the-code-123')} was used)`);
  expect(again.rejection).toEqual({ status: 400, error: 'invalid_grant', errorDescription: `code ${fingerprint('the-code-123')} was used` });
});

test('a refusal without an RFC 6749 body: the error signal, else the body kind and Content-Type', () => {
  const secrets = new SecretRegistry();
  const signal = gatherTokenFacts(answered(401, { ok: false, error: { type: 'OAuthException' }, message: 'Invalid token' }), { grant: 'refresh_token', secrets });
  expect(describeTokenFailure(signal)).toEqual({
    failure: 'the token endpoint refused the refresh with HTTP 401: error=OAuthException (Invalid token)',
    rejection: { status: 401, error: 'OAuthException', errorDescription: 'Invalid token' },
  });
  const noDescription = gatherTokenFacts(answered(400, { error: 'invalid_client' }), { grant: 'refresh_token', secrets });
  expect(describeTokenFailure(noDescription)).toEqual({ failure: 'the token endpoint refused the refresh with HTTP 400: error=invalid_client', rejection: { status: 400, error: 'invalid_client' } });
  const html = gatherTokenFacts(answered(500, '<html><title>Oops</title></html>', { 'content-type': 'text/html' }), { grant: 'authorization_code', secrets });
  expect(describeTokenFailure(html)).toEqual({ failure: 'the token endpoint refused the code exchange with HTTP 500: an HTML page ("Oops"), Content-Type text/html', rejection: { status: 500 } });
  const bare = gatherTokenFacts(answered(503, '', {}), { grant: 'authorization_code', secrets });
  expect(bare.http?.contentType).toBeUndefined();
  expect(describeTokenFailure(bare)).toEqual({ failure: 'the token endpoint refused the code exchange with HTTP 503: an empty body, no Content-Type', rejection: { status: 503 } });
  const redirect = gatherTokenFacts(answered(302, '', { location: 'https://as.example/login' }), { grant: 'authorization_code', secrets });
  expect(redirect.http?.success).toBe(false);
  expect(redirect.http?.location).toBe('https://as.example/login');
});

test('2xx without tokens: unreadable bodies, errors in the body, tokens where the host does not look, none at all', () => {
  const secrets = new SecretRegistry();
  const form = gatherTokenFacts(answered(200, 'access_token=abcdefgh&scope=x', { 'content-type': 'application/x-www-form-urlencoded' }), { grant: 'authorization_code', secrets });
  expect(form.http?.fields).toEqual({ access_token: 'abcdefgh', scope: 'x' });
  expect(form.http?.top).toBeUndefined();
  expect(form.http?.tokens).toBeUndefined();
  expect(form.http?.locations).toEqual([{ role: 'access_token', path: 'access_token', standard: true }]);
  expect(describeTokenFailure(form)).toEqual({ failure: 'the code exchange answer is a form-encoded body (fields: access_token, scope), Content-Type application/x-www-form-urlencoded, which the host cannot read' });
  expect(secrets.redact('abcdefgh')).toBe(fingerprint('abcdefgh'));

  const inBody = gatherTokenFacts(answered(200, { ok: false, error: 'invalid_code' }), { grant: 'authorization_code', secrets });
  expect(describeTokenFailure(inBody)).toEqual({
    failure: 'the code exchange answered HTTP 200 with an error in the body (error="invalid_code", ok:false) and no access_token',
    rejection: { status: 200, error: 'invalid_code' },
  });
  const described = gatherTokenFacts(answered(200, { success: false, message: 'Code expired' }), { grant: 'refresh_token', secrets });
  expect(describeTokenFailure(described)?.rejection).toEqual({ status: 200, errorDescription: 'Code expired' });

  const nested = gatherTokenFacts(answered(201, { data: { accessToken: 'nested-token' }, token: 'bare-token' }), { grant: 'refresh_token', secrets });
  expect(describeTokenFailure(nested)).toEqual({ failure: 'no top-level access_token in the refresh answer; the token is at data.accessToken, token, where the host does not look' });
  const none = gatherTokenFacts(answered(200, { refresh_token: 'only-refresh' }), { grant: 'refresh_token', secrets });
  expect(describeTokenFailure(none)).toEqual({ failure: 'the refresh answer has no access_token' });
  const array = gatherTokenFacts(answered(200, [{ access_token: 'in-array' }]), { grant: 'refresh_token', secrets });
  expect(array.http?.top).toBeUndefined();
  expect(array.http?.fields).toBeUndefined();
  expect(array.http?.locations).toEqual([{ role: 'access_token', path: '[0].access_token', standard: false }]);
  const text = gatherTokenFacts(answered(200, 'hello', { 'content-type': 'text/plain' }), { grant: 'refresh_token', secrets });
  expect(text.http?.locations).toEqual([]);
  expect(text.http?.errorSignal).toBeUndefined();
});

test('a 2xx boundary: 299 is success, 300 and 199 are not; tokens are read only on success', () => {
  const secrets = new SecretRegistry();
  const at = (status: number) => gatherTokenFacts(answered(status, { access_token: 'tok-123456' }), { grant: 'authorization_code', secrets }).http;
  expect(at(299)).toMatchObject({ success: true, tokens: { accessToken: 'tok-123456' } });
  expect(at(300)?.success).toBe(false);
  expect(at(300)?.tokens).toBeUndefined();
  expect(at(199)?.success).toBe(false);
  expect(at(400)?.errorSignal).toBeUndefined();
});

test('tokens in a text answer are registered as secrets all the same', () => {
  const secrets = new SecretRegistry();
  gatherTokenFacts(answered(200, 'access_token: plain-text-token-1, refresh_token="quoted-refresh-2"', { 'content-type': 'text/plain' }), { grant: 'authorization_code', secrets });
  expect(secrets.substituteVariables('plain-text-token-1 quoted-refresh-2')).toBe('$ACCESS_TOKEN $REFRESH_TOKEN');
  const xml = new SecretRegistry();
  gatherTokenFacts(answered(200, '<r><access_token>xml-token-value</access_token><code>c</code></r>', { 'content-type': 'application/xml' }), { grant: 'authorization_code', secrets: xml });
  expect(xml.substituteVariables('xml-token-value')).toBe('$ACCESS_TOKEN');
  const empty = new SecretRegistry();
  gatherTokenFacts(answered(200, '', {}), { grant: 'authorization_code', secrets: empty });
  expect(empty.values()).toEqual([]);
  const json = new SecretRegistry();
  gatherTokenFacts(answered(200, { nested: { refreshToken: 'json-refresh-1', client_secret: 'json-secret-2', expires_in: 3600 }, n: 12345678 }), { grant: 'authorization_code', secrets: json });
  expect(json.substituteVariables('json-refresh-1 json-secret-2')).toBe('$REFRESH_TOKEN $PLUGIN_CLIENT_SECRET');
  expect(json.values()).not.toContain('3600');
  expect(json.values()).not.toContain('12345678');
});
