import { decodeJwt } from 'jose';
import { expect, test } from './support/fixtures.ts';
import { postJson } from './support/http.ts';
import { initializeRequest, mcpRequest } from './support/mcp.ts';
import {
  basicAuthorization,
  CLAUDE_CALLBACK,
  CONFIDENTIAL_CLIENT,
  exchangeCode,
  expectTokenError,
  expectTokenSet,
  obtainCode,
  PUBLIC_CLIENT,
} from './support/oauth.ts';

test.describe('token endpoint: code exchange', () => {
  test('a public client exchanges a code with its verifier: a JWT for the MCP URL and a refresh token', async ({ startServer }) => {
    const server = await startServer();
    const tokens = expectTokenSet(await exchangeCode(server, await obtainCode(server)));
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'notes:read notes:write', refresh_token: expect.any(String) });
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ iss: server.issuer, sub: 'user-1', aud: server.mcpUrl, scope: 'notes:read notes:write', client_id: PUBLIC_CLIENT.id, jti: expect.any(String) });
    expect(Number(claims.exp) - Number(claims.iat)).toBeGreaterThanOrEqual(3600);
  });

  test('a code is single use; a replay revokes what it bought', async ({ startServer }) => {
    const server = await startServer();
    const obtained = await obtainCode(server);
    const tokens = expectTokenSet(await exchangeCode(server, obtained));
    expectTokenError(await exchangeCode(server, obtained), 400, 'invalid_grant');
    expect((await mcpRequest(server, initializeRequest(), { token: tokens.access_token })).status).toBe(401);
    expectTokenError(await postJson(`${server.url}/token`, {}), 400, 'invalid_request');
  });

  test('the code is bound to redirect_uri, verifier, client and resource, and expires', async ({ startServer }) => {
    const server = await startServer();
    const obtained = await obtainCode(server);
    expectTokenError(await exchangeCode(server, obtained, { redirect_uri: 'http://localhost:1/callback' }), 400, 'invalid_grant');
    expectTokenError(await exchangeCode(server, obtained, { code_verifier: undefined }), 400, 'invalid_grant');
    expectTokenError(await exchangeCode(server, obtained, { code_verifier: 'x'.repeat(43) }), 400, 'invalid_grant');
    expectTokenError(await exchangeCode(server, obtained, { resource: `${server.url}/other` }), 400, 'invalid_target');
    expectTokenError(await exchangeCode(server, obtained, { client_id: CONFIDENTIAL_CLIENT.id, client_secret: CONFIDENTIAL_CLIENT.secret }), 400, 'invalid_grant');
    // None of the failures spent the code.
    expectTokenSet(await exchangeCode(server, obtained, { resource: undefined }));

    const late = await obtainCode(server);
    server.clock.advance(600);
    expectTokenError(await exchangeCode(server, late), 400, 'invalid_grant');
  });

  test('the token endpoint takes form bodies only: JSON is 400 invalid_request', async ({ startServer }) => {
    const server = await startServer();
    const obtained = await obtainCode(server);
    const json = await postJson(`${server.url}/token`, {
      grant_type: 'authorization_code',
      code: obtained.code,
      redirect_uri: 'http://localhost:53682/callback',
      client_id: PUBLIC_CLIENT.id,
      code_verifier: obtained.pkce.verifier,
    });
    expectTokenError(json, 400, 'invalid_request');
    expectTokenSet(await exchangeCode(server, obtained));
  });
});

test.describe('token endpoint: client authentication', () => {
  const confidentialCode = (server: Parameters<typeof obtainCode>[0]) =>
    obtainCode(server, { client_id: CONFIDENTIAL_CLIENT.id, redirect_uri: CLAUDE_CALLBACK });

  test('the confidential client authenticates with client_secret_post or client_secret_basic', async ({ startServer }) => {
    const server = await startServer();
    const post = await confidentialCode(server);
    expectTokenSet(await exchangeCode(server, post, { client_id: CONFIDENTIAL_CLIENT.id, client_secret: CONFIDENTIAL_CLIENT.secret, redirect_uri: CLAUDE_CALLBACK }));
    const basic = await confidentialCode(server);
    const headers = { authorization: basicAuthorization(CONFIDENTIAL_CLIENT.id, CONFIDENTIAL_CLIENT.secret) };
    expectTokenSet(await exchangeCode(server, basic, { client_id: undefined, redirect_uri: CLAUDE_CALLBACK }, headers));
  });

  test('a wrong secret, a missing secret and an unknown client get 401 invalid_client with a Basic challenge', async ({ startServer }) => {
    const server = await startServer();
    const obtained = await confidentialCode(server);
    const wrong = await exchangeCode(server, obtained, { client_id: CONFIDENTIAL_CLIENT.id, client_secret: 'wrong', redirect_uri: CLAUDE_CALLBACK });
    expectTokenError(wrong, 401, 'invalid_client');
    expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="reference-mcp"');
    expectTokenError(await exchangeCode(server, obtained, { client_id: CONFIDENTIAL_CLIENT.id, redirect_uri: CLAUDE_CALLBACK }), 401, 'invalid_client');
    expectTokenError(await exchangeCode(server, obtained, { client_id: 'nobody' }), 401, 'invalid_client');
    const both = await exchangeCode(
      server,
      obtained,
      { client_id: CONFIDENTIAL_CLIENT.id, client_secret: CONFIDENTIAL_CLIENT.secret, redirect_uri: CLAUDE_CALLBACK },
      { authorization: basicAuthorization(CONFIDENTIAL_CLIENT.id, CONFIDENTIAL_CLIENT.secret) },
    );
    expectTokenError(both, 400, 'invalid_request');
  });

  test('a public client that sends a secret is refused', async ({ startServer }) => {
    const server = await startServer();
    const obtained = await obtainCode(server);
    expectTokenError(await exchangeCode(server, obtained, { client_secret: 'anything' }), 401, 'invalid_client');
  });

  test('unsupported grant types are named as such', async ({ startServer }) => {
    const server = await startServer();
    const answer = await exchangeCode(server, await obtainCode(server), { grant_type: 'client_credentials' });
    expectTokenError(answer, 400, 'unsupported_grant_type');
  });
});
