import { test, expect } from '@playwright/test';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { FOREIGN_ISSUER, foreignSignedToken, scopeClaimOf } from '../../../mock-host/engine/probes/foreign-token.ts';

test('a forged token keeps the real JWT claims but has a foreign issuer, a new jti and another key', async () => {
  const { privateKey } = await generateKeyPair('RS256');
  const real = await new SignJWT({ scope: 'notes:read notes:write', client_id: 'c1' })
    .setProtectedHeader({ alg: 'RS256', kid: 'as-key' })
    .setIssuer('https://as.example')
    .setSubject('user-1')
    .setAudience('https://mcp.example/mcp')
    .setJti('real-jti')
    .setExpirationTime(2_000_000_000)
    .sign(privateKey);
  const forged = await foreignSignedToken(real, 'https://ignored.example');
  const claims = decodeJwt(forged);
  expect(claims).toMatchObject({ iss: FOREIGN_ISSUER, sub: 'user-1', aud: 'https://mcp.example/mcp', scope: 'notes:read notes:write', client_id: 'c1', exp: 2_000_000_000 });
  expect(claims.jti).not.toBe('real-jti');
  expect(decodeProtectedHeader(forged).kid).not.toBe('as-key');
  expect(forged.split('.')[2]).not.toBe(real.split('.')[2]);
  expect(scopeClaimOf(real)).toBe('notes:read notes:write');
});

test('for an opaque token the forgery names the resource as audience and lives an hour', async () => {
  const claims = decodeJwt(await foreignSignedToken('opaque-abc', 'https://mcp.example/mcp', 1_000));
  expect(claims).toMatchObject({ iss: FOREIGN_ISSUER, aud: 'https://mcp.example/mcp', iat: 1_000, exp: 4_600 });
  expect(scopeClaimOf('opaque-abc')).toBeUndefined();
});
