import { expect, test } from './support/fixtures.ts';
import { postForm } from './support/http.ts';
import { initializeRequest, mcpRequest } from './support/mcp.ts';
import { expectTokenError, expectTokenSet, install, PUBLIC_CLIENT, refreshTokenOf, refreshWith } from './support/oauth.ts';

test.describe('refresh and revocation', () => {
  test('every refresh rotates; the replaced token works for the 30 s grace, then invalid_grant without harming the family', async ({ startServer }) => {
    const server = await startServer();
    const first = await install(server);
    const original = refreshTokenOf(first);
    const second = expectTokenSet(await refreshWith(server, original));
    expect(second.refresh_token).not.toBe(original);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.scope).toBe('notes:read notes:write');

    server.clock.advance(29);
    const sibling = expectTokenSet(await refreshWith(server, original));
    server.clock.advance(1);
    expectTokenError(await refreshWith(server, original), 400, 'invalid_grant');

    expectTokenSet(await refreshWith(server, refreshTokenOf(second)));
    expectTokenSet(await refreshWith(server, refreshTokenOf(sibling)));
    expect((await mcpRequest(server, initializeRequest(), { token: second.access_token })).status).toBe(200);
  });

  test('two racing refreshes with the same token both succeed', async ({ startServer }) => {
    const server = await startServer();
    const token = refreshTokenOf(await install(server));
    const answers = await Promise.all([refreshWith(server, token), refreshWith(server, token)]);
    for (const answer of answers) expect(expectTokenSet(answer).refresh_token).toBeDefined();
  });

  test('a refresh may narrow the scope but not widen it; the new refresh token keeps the grant', async ({ startServer }) => {
    const server = await startServer();
    const full = await install(server);
    const narrowed = expectTokenSet(await refreshWith(server, refreshTokenOf(full), { scope: 'notes:read' }));
    expect(narrowed.scope).toBe('notes:read');
    expectTokenError(await refreshWith(server, refreshTokenOf(narrowed), { scope: 'notes:read notes:admin' }), 400, 'invalid_scope');
    expect(expectTokenSet(await refreshWith(server, refreshTokenOf(narrowed))).scope).toBe('notes:read notes:write');
  });

  test('refresh tokens are bound to the client and the resource', async ({ startServer }) => {
    const server = await startServer();
    const token = refreshTokenOf(await install(server));
    expectTokenError(await refreshWith(server, token, { client_id: 'reference-mcp-client', client_secret: 'reference-mcp-secret' }), 400, 'invalid_grant');
    expectTokenError(await refreshWith(server, token, { resource: 'https://evil.example/mcp' }), 400, 'invalid_target');
    expectTokenError(await refreshWith(server, 'unknown-refresh-token'), 400, 'invalid_grant');
    expectTokenError(await refreshWith(server, token, { refresh_token: undefined }), 400, 'invalid_request');
    expectTokenSet(await refreshWith(server, token, { resource: undefined }));
  });

  test('revoking a refresh token (ChatGPT Disconnect) kills its family, access tokens included; unknown tokens get 200', async ({ startServer }) => {
    const server = await startServer();
    const tokens = await install(server);
    const revoked = await postForm(`${server.url}/revoke`, { token: refreshTokenOf(tokens), client_id: PUBLIC_CLIENT.id });
    expect([revoked.status, revoked.text, revoked.headers.get('cache-control')]).toEqual([200, '', 'no-store']);
    expectTokenError(await refreshWith(server, refreshTokenOf(tokens)), 400, 'invalid_grant');
    expect((await mcpRequest(server, initializeRequest(), { token: tokens.access_token })).status).toBe(401);
    expect((await postForm(`${server.url}/revoke`, { token: 'never-issued', client_id: PUBLIC_CLIENT.id })).status).toBe(200);
    expect((await postForm(`${server.url}/revoke`, { token: 'x', client_id: 'nobody' })).status).toBe(401);
  });
});
