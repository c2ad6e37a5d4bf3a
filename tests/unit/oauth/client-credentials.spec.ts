import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { newClientAssertionSigner } from '../../../mock-host/oauth/client-assertion.ts';
import { basicAuthorization } from '../../../mock-host/oauth/client-auth.ts';
import { formEncode } from '../../../mock-host/oauth/form-encoding.ts';
import { newCodeVerifier, s256Challenge } from '../../../mock-host/oauth/pkce.ts';
import { buildRevocationRequest, registerRevocationSecrets } from '../../../mock-host/oauth/revocation-request.ts';
import { registerSecret } from '../../../mock-host/oauth/secret-forms.ts';
import { CLIENT_ASSERTION_TYPE } from '../../../mock-host/oauth/token-request.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

const decodeBasic = (header: string) => Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');

test('form encoding: space as +, reserved characters percent-encoded', () => {
  expect(formEncode('a b+c/d:e=f&g!*')).toBe('a+b%2Bc%2Fd%3Ae%3Df%26g%21*');
  expect(formEncode('')).toBe('');
  expect(formEncode('plain-value_1.~')).toBe('plain-value_1.%7E');
});

test('HTTP Basic (RFC 6749 §2.3.1): id and secret form-encoded, then base64', () => {
  expect(basicAuthorization('client', 'secret')).toBe(`Basic ${Buffer.from('client:secret').toString('base64')}`);
  expect(decodeBasic(basicAuthorization('my client', 's+c/r:t='))).toBe('my+client:s%2Bc%2Fr%3At%3D');
  expect(decodeBasic(basicAuthorization('ü', 'x'))).toBe('%C3%BC:x');
});

test('PKCE: a 43-character verifier, fresh each time, and its S256 challenge', () => {
  const v = newCodeVerifier();
  expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(newCodeVerifier()).not.toBe(v);
  // RFC 7636 appendix B.
  expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  expect(s256Challenge(v)).toBe(createHash('sha256').update(v).digest('base64url'));
});

test('registerSecret: raw, form-encoded and JSON-escaped spellings; nothing for an empty value', () => {
  const s = new SecretRegistry();
  registerSecret(s, 'se cret"\\!x', 'client_secret');
  // Each also URL-encoded by the registry itself.
  expect(s.values()).toEqual(expect.arrayContaining(['se cret"\\!x', 'se+cret%22%5C%21x', 'se cret\\"\\\\!x']));
  expect(s.values()).toHaveLength(6);
  expect(s.substituteVariables('se+cret%22%5C%21x')).toBe('$PLUGIN_CLIENT_SECRET');
  const empty = new SecretRegistry();
  registerSecret(empty, undefined, 'code');
  registerSecret(empty, '', 'code');
  expect(empty.values()).toEqual([]);
});

test('a private_key_jwt assertion: signed with the published key, iss = sub = client, aud, jti, five minutes', async () => {
  const signer = await newClientAssertionSigner();
  expect(signer.kid).toMatch(/^conformance-[0-9a-f]{8}$/);
  const [jwk] = signer.jwks.keys;
  expect(jwk).toMatchObject({ kty: 'RSA', kid: signer.kid, alg: 'RS256', use: 'sig' });
  expect(jwk && 'd' in jwk).toBe(false);
  const jwt = await signer.sign('client-1', 'https://as.example/token');
  expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', kid: signer.kid, typ: 'JWT' });
  const { payload } = await jwtVerify(jwt, await importJWK(jwk ?? {}, 'RS256'), { issuer: 'client-1', subject: 'client-1', audience: 'https://as.example/token' });
  expect(typeof payload.jti).toBe('string');
  expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
  const other = decodeJwt(await signer.sign('client-1', 'https://as.example/token'));
  expect(other.jti).not.toBe(payload.jti);
});

test('a probe\'s expired assertion: exp as given, issued five minutes before', async () => {
  const signer = await newClientAssertionSigner();
  const expiresAt = Math.floor(Date.now() / 1000) - 3600;
  const claims = decodeJwt(await signer.sign('c', 'aud', { expiresAt }));
  expect(claims.exp).toBe(expiresAt);
  expect(claims.iat).toBe(expiresAt - 300);
});

const revocation = { endpoint: 'https://as.example/revoke', token: 'the-refresh-token-1', hint: 'refresh_token' as const, clientId: 'client-1', clientSecret: 's3cret+value', timeoutMs: 5000, maxBodyBytes: 1000 };

test('revocation (RFC 7009): the token, its hint and the client authentication the token endpoint uses', () => {
  const basic = buildRevocationRequest({ ...revocation, authMethod: 'client_secret_basic' });
  expect(basic).toEqual({
    method: 'POST',
    url: 'https://as.example/revoke',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', Authorization: basicAuthorization('client-1', 's3cret+value') },
    body: 'token=the-refresh-token-1&token_type_hint=refresh_token',
    phase: 'token',
    label: 'revoke refresh_token',
    timeoutMs: 5000,
    maxBodyBytes: 1000,
  });
  expect(buildRevocationRequest({ ...revocation, clientSecret: undefined, authMethod: 'client_secret_basic' }).headers?.Authorization).toBe(basicAuthorization('client-1', ''));
  const post = buildRevocationRequest({ ...revocation, hint: 'access_token', authMethod: 'client_secret_post' });
  expect(post.body).toBe('token=the-refresh-token-1&token_type_hint=access_token&client_id=client-1&client_secret=s3cret%2Bvalue');
  expect(post.headers?.Authorization).toBeUndefined();
  expect(post.label).toBe('revoke access_token');
  expect(buildRevocationRequest({ ...revocation, clientSecret: undefined, authMethod: 'client_secret_post' }).body).toBe('token=the-refresh-token-1&token_type_hint=refresh_token&client_id=client-1');
  expect(buildRevocationRequest({ ...revocation, authMethod: 'none' }).body).toBe('token=the-refresh-token-1&token_type_hint=refresh_token&client_id=client-1');
  const jwt = buildRevocationRequest({ ...revocation, authMethod: 'private_key_jwt', clientAssertion: 'a.b.c' });
  expect([...new URLSearchParams(jwt.body)]).toEqual([
    ['token', 'the-refresh-token-1'],
    ['token_type_hint', 'refresh_token'],
    ['client_id', 'client-1'],
    ['client_assertion_type', CLIENT_ASSERTION_TYPE],
    ['client_assertion', 'a.b.c'],
  ]);
  expect(buildRevocationRequest({ ...revocation, authMethod: 'private_key_jwt' }).body).toBe('token=the-refresh-token-1&token_type_hint=refresh_token&client_id=client-1');
  expect(buildRevocationRequest({ ...revocation, authMethod: 'none', clientAssertion: 'a.b.c' }).body).not.toContain('client_assertion');
});

test('revocation secrets: the token as its hint\'s kind, the secret, the assertion and the Basic credential', () => {
  const s = new SecretRegistry();
  registerRevocationSecrets({ secrets: s }, { ...revocation, authMethod: 'client_secret_basic', clientAssertion: 'assertion-value' });
  const basic = basicAuthorization('client-1', 's3cret+value').slice('Basic '.length);
  expect(s.substituteVariables(`the-refresh-token-1 s3cret+value assertion-value ${basic}`)).toBe('$REFRESH_TOKEN $PLUGIN_CLIENT_SECRET $PLUGIN_CLIENT_SECRET $PLUGIN_CLIENT_SECRET');
  expect(s.values()).toContain('s3cret%2Bvalue');
  const post = new SecretRegistry();
  registerRevocationSecrets({ secrets: post }, { ...revocation, hint: 'access_token', authMethod: 'client_secret_post' });
  expect(post.substituteVariables('the-refresh-token-1')).toBe('$ACCESS_TOKEN');
  expect(post.values().some((v) => v.length > 20 && v === Buffer.from('client-1:s3cret%2Bvalue').toString('base64'))).toBe(false);
});
