import { SignJWT, generateKeyPair } from 'jose';
import { expect, test } from './support/fixtures.ts';
import { at, postForm } from './support/http.ts';
import { callToolOk, callToolRaw, connectClient, initializeRequest, mcpRequest, openSession, rpcAnswer, toolCall } from './support/mcp.ts';
import { install, PUBLIC_CLIENT, refreshTokenOf, SECOND_USER } from './support/oauth.ts';

const prmOf = (url: string) => `resource_metadata="${url}/.well-known/oauth-protected-resource/mcp"`;

test.describe('MCP endpoint: tools', () => {
  test('the SDK client lists five tools with annotations, input schemas and securitySchemes in _meta', async ({ startServer }) => {
    const server = await startServer();
    const { access_token: token } = await install(server);
    const client = await connectClient(server, token);
    const { tools } = await client.listTools();
    await client.close();
    expect(tools.map((tool) => tool.name)).toEqual(['whoami', 'list_notes', 'search_notes', 'add_note', 'purge_notes']);
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    expect(byName['whoami']?.annotations?.readOnlyHint).toBe(true);
    expect(byName['list_notes']?.annotations?.readOnlyHint).toBe(true);
    expect(byName['search_notes']?.annotations?.readOnlyHint).toBe(true);
    expect(byName['add_note']?.annotations?.readOnlyHint).toBe(false);
    expect(byName['purge_notes']?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName['search_notes']?.inputSchema).toMatchObject({ type: 'object', properties: { query: { type: 'string' } }, required: ['query'] });
    expect(byName['add_note']?.inputSchema).toMatchObject({ type: 'object', properties: { text: { type: 'string' } }, required: ['text'] });
    expect(byName['whoami']?.inputSchema).toEqual({ type: 'object', properties: {} });
    expect(byName['add_note']?._meta).toEqual({ securitySchemes: [{ type: 'oauth2', scopes: ['notes:write'] }] });
    expect(byName['purge_notes']?._meta).toEqual({ securitySchemes: [{ type: 'oauth2', scopes: ['notes:admin'] }] });
    expect(byName['whoami']?._meta).toEqual({ securitySchemes: [{ type: 'oauth2', scopes: ['notes:read'] }] });
  });

  test('whoami and the notes answer for the user behind the token', async ({ startServer }) => {
    const server = await startServer();
    const demo = (await install(server)).access_token;
    const second = (await install(server, { user: SECOND_USER })).access_token;
    expect(await callToolOk(server, demo, 'whoami')).toEqual({ username: 'demo@example.com', name: 'Demo User' });
    expect(await callToolOk(server, second, 'whoami')).toEqual({ username: 'second@example.com', name: 'Second User' });
    expect(await callToolOk(server, demo, 'add_note', { text: 'buy milk' })).toEqual({ note: { id: expect.any(String), text: 'buy milk' } });
    expect(await callToolOk(server, demo, 'search_notes', { query: 'MILK' })).toEqual({ query: 'MILK', notes: [{ id: expect.any(String), text: 'buy milk' }] });
    expect(await callToolOk(server, second, 'list_notes')).toEqual({
      notes: [{ id: expect.any(String), text: 'Welcome, Second User! This note belongs to second@example.com.' }],
    });
  });

  test('purge_notes without notes:admin gets 403 insufficient_scope before the SDK sees it; with it, it works', async ({ startServer }) => {
    const server = await startServer();
    const { access_token: token } = await install(server);
    const refused = await callToolRaw(server, token, 'purge_notes');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toBe(
      `Bearer error="insufficient_scope", scope="notes:read notes:write notes:admin", ${prmOf(server.url)}, error_description="This tool needs the notes:admin scope"`,
    );
    expect(refused.json).toEqual({ error: 'insufficient_scope', error_description: 'This tool needs the notes:admin scope' });

    const admin = (await install(server, { overrides: { scope: 'notes:read notes:write notes:admin' } })).access_token;
    expect(await callToolOk(server, admin, 'purge_notes')).toEqual({ deleted: 1 });
    expect(await callToolOk(server, admin, 'list_notes')).toEqual({ notes: [] });
  });

  test('a read-only token may not add notes: 403 naming read and write', async ({ startServer }) => {
    const server = await startServer();
    const { access_token: token } = await install(server, { overrides: { scope: 'notes:read' } });
    const refused = await callToolRaw(server, token, 'add_note', { text: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toContain('error="insufficient_scope", scope="notes:read notes:write"');
  });

  test('SSE response mode answers POSTs as event streams', async ({ startServer }) => {
    const server = await startServer({ responseMode: 'sse' });
    const { access_token: token } = await install(server);
    const answer = await callToolRaw(server, token, 'whoami');
    expect(answer.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(at(rpcAnswer(answer), 'result', 'structuredContent')).toEqual({ username: 'demo@example.com', name: 'Demo User' });
  });
});

test.describe('MCP endpoint: bearer authentication', () => {
  test('garbage, lower-case scheme, query tokens and Basic are told apart', async ({ startServer }) => {
    const server = await startServer();
    const { access_token: token } = await install(server);
    const garbage = await mcpRequest(server, initializeRequest(), { token: 'not-a-token' });
    expect(garbage.status).toBe(401);
    expect(garbage.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="The access token is malformed or not signed by this server", ${prmOf(server.url)}`,
    );
    expect((await mcpRequest(server, initializeRequest(), { token, scheme: 'bearer' })).status).toBe(200);
    expect((await mcpRequest(server, initializeRequest(), { token, scheme: 'BEARER' })).status).toBe(200);
    // A token in the query is never read: the request counts as one without a token (no error code).
    const inQuery = await mcpRequest(server, initializeRequest(), { path: `/mcp?access_token=${encodeURIComponent(token)}` });
    expect(inQuery.status).toBe(401);
    expect(inQuery.headers.get('www-authenticate')).toBe(`Bearer ${prmOf(server.url)}, scope="notes:read notes:write"`);
    const basic = await mcpRequest(server, initializeRequest(), { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } });
    expect(basic.status).toBe(401);
  });

  test('an expired token gets 401 invalid_token; after a refresh the new token works', async ({ startServer }) => {
    const server = await startServer({ accessTokenTtlSeconds: 120 });
    const tokens = await install(server);
    server.clock.advance(119);
    expect((await mcpRequest(server, initializeRequest(), { token: tokens.access_token })).status).toBe(200);
    server.clock.advance(1);
    const expired = await mcpRequest(server, initializeRequest(), { token: tokens.access_token });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe(`Bearer error="invalid_token", error_description="The access token expired", ${prmOf(server.url)}`);
    expect(expired.json).toEqual({ error: 'invalid_token', error_description: 'The access token expired' });
    const refreshed = await postForm(`${server.url}/token`, { grant_type: 'refresh_token', refresh_token: refreshTokenOf(tokens), client_id: PUBLIC_CLIENT.id });
    const fresh = String(at(refreshed.json, 'access_token'));
    expect((await mcpRequest(server, initializeRequest(), { token: fresh })).status).toBe(200);
  });

  test('a revoked token, a foreign-issuer token and another server’s token are refused', async ({ startServer }) => {
    const server = await startServer();
    const other = await startServer();
    const tokens = await install(server);
    const foreignServerToken = (await install(other)).access_token;
    const fromOther = await mcpRequest(server, initializeRequest(), { token: foreignServerToken });
    expect([fromOther.status, at(fromOther.json, 'error')]).toEqual([401, 'invalid_token']);

    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ scope: 'notes:read notes:write', client_id: PUBLIC_CLIENT.id })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('https://evil.example')
      .setSubject('user-1')
      .setAudience(server.mcpUrl)
      .setJti('forged')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await mcpRequest(server, initializeRequest(), { token: forged })).status).toBe(401);

    const revoked = await postForm(`${server.url}/revoke`, { token: tokens.access_token, client_id: PUBLIC_CLIENT.id });
    expect(revoked.status).toBe(200);
    const afterRevoke = await mcpRequest(server, initializeRequest(), { token: tokens.access_token });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.headers.get('www-authenticate')).toContain('error="invalid_token", error_description="The access token was revoked"');
  });
});

test.describe('MCP endpoint: sessions and Origin', () => {
  test('an unknown or terminated session gets 404; a request without a session id gets 400', async ({ startServer }) => {
    const server = await startServer();
    const { access_token: token } = await install(server);
    const unknown = await mcpRequest(server, toolCall('whoami'), { token, sessionId: 'no-such-session' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null });

    const sessionId = await openSession(server, token);
    expect((await mcpRequest(server, toolCall('whoami'), { token, sessionId })).status).toBe(200);
    expect((await mcpRequest(server, undefined, { token, sessionId, method: 'DELETE' })).status).toBe(200);
    expect((await mcpRequest(server, toolCall('whoami'), { token, sessionId })).status).toBe(404);

    const withoutSession = await mcpRequest(server, toolCall('whoami'), { token });
    expect(withoutSession.status).toBe(400);
  });

  test("a session belongs to its user: another user's token on it gets 404", async ({ startServer }) => {
    const server = await startServer();
    const demo = (await install(server)).access_token;
    const second = (await install(server, { user: SECOND_USER })).access_token;
    const sessionId = await openSession(server, demo);
    expect((await mcpRequest(server, toolCall('whoami'), { token: second, sessionId })).status).toBe(404);
  });

  test('a foreign Origin gets 403; the hosts’ origins, our own and none are served', async ({ startServer }) => {
    const server = await startServer();
    const { access_token: token } = await install(server);
    const evil = await mcpRequest(server, initializeRequest(), { token, headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(at(evil.json, 'error', 'message')).toBe('Forbidden: Origin https://evil.example is not allowed');
    for (const origin of ['https://chatgpt.com', 'https://claude.ai', 'https://claude.com', server.url]) {
      expect((await mcpRequest(server, initializeRequest(), { token, headers: { origin } })).status, origin).toBe(200);
    }
    expect((await mcpRequest(server, initializeRequest(), { token })).status).toBe(200);
  });

  test('the SDK transport still checks Accept and methods', async ({ startServer }) => {
    const server = await startServer();
    const { access_token: token } = await install(server);
    expect((await mcpRequest(server, initializeRequest(), { token, headers: { accept: 'application/json' } })).status).toBe(406);
    const put = await mcpRequest(server, undefined, { token, method: 'PUT' });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, POST, DELETE']);
  });
});
