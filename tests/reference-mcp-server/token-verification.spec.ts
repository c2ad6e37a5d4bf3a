import { SignJWT } from 'jose';
import { createReferenceMcpServer } from '../../examples/reference-mcp-server/app.ts';
import { expect, test } from './support/fixtures.ts';

/** The resource server's verifier, fed tokens signed with the server's own key but wrong in one claim each. */
test.describe('access-token verification', () => {
  const origin = 'http://127.0.0.1:1';
  const signWith = (built: ReturnType<typeof createReferenceMcpServer>, claims: { aud?: string; iss?: string; jti?: string }) =>
    new SignJWT({ scope: 'notes:read', client_id: 'reference-mcp-public' })
      .setProtectedHeader({ alg: 'ES256', kid: built.context.key.kid })
      .setIssuer(claims.iss ?? origin)
      .setSubject('user-1')
      .setAudience(claims.aud ?? `${origin}/mcp`)
      .setJti(claims.jti ?? 'not-issued')
      .setExpirationTime(built.clock.nowSeconds() + 300)
      .sign(built.context.key.privateKey);

  test('own key but wrong audience, wrong issuer or a jti never issued (expiry: mcp.spec.ts): each refused with its reason', async () => {
    const built = createReferenceMcpServer({ origin });
    const verify = built.context.verifyAccessToken;
    expect(await verify(await signWith(built, { aud: origin }))).toEqual({ ok: false, reason: 'invalid', description: 'The access token is not for this resource' });
    expect(await verify(await signWith(built, { iss: 'https://evil.example' }))).toEqual({
      ok: false,
      reason: 'invalid',
      description: 'The access token was issued by another authorization server',
    });
    expect(await verify(await signWith(built, {}))).toEqual({ ok: false, reason: 'invalid', description: 'The access token is unknown' });
    expect(await verify('a.b.c')).toEqual({ ok: false, reason: 'invalid', description: 'The access token is malformed or not signed by this server' });
    await built.closeSessions();
  });
});
