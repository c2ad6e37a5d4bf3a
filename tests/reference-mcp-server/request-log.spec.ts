import { expect, test } from './support/fixtures.ts';
import { at, postJson, request } from './support/http.ts';
import { callToolOk, initializeRequest, mcpRequest } from './support/mcp.ts';
import { exchangeCode, install, newPkce, obtainCode, PUBLIC_CLIENT } from './support/oauth.ts';

test.describe('request log', () => {
  test('records every request in order, raw, with parsed form and JSON bodies and the answer status', async ({ startServer }) => {
    const server = await startServer();
    await mcpRequest(server, initializeRequest(), { headers: { 'user-agent': 'python-httpx/0.28.1' } });
    const pkce = newPkce();
    const obtained = await obtainCode(server, {}, { pkce });
    await exchangeCode(server, obtained);
    await postJson(`${server.url}/register`, { redirect_uris: ['https://claude.ai/api/mcp/auth_callback'], token_endpoint_auth_method: 'none' });

    const entries = server.requestLog.entries();
    expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_entry, index) => index + 1));
    expect(entries.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /mcp 401',
      'POST /login 302',
      'GET /authorize 200',
      'POST /consent 302',
      'POST /token 200',
      'POST /register 201',
    ]);
    const [unauthenticated] = server.requestLog.byPath('/mcp', 'post');
    expect(unauthenticated?.headers['user-agent']).toBe('python-httpx/0.28.1');
    expect(unauthenticated?.headers['accept']).toBe('application/json, text/event-stream');
    expect(unauthenticated?.json).toEqual(initializeRequest());
    expect(server.requestLog.mcpCalls('initialize')).toHaveLength(1);

    const authorize = server.requestLog.last('/authorize');
    expect(authorize?.query['code_challenge']).toEqual([pkce.challenge]);
    expect(authorize?.query['resource']).toEqual([server.mcpUrl]);
    const token = server.requestLog.last('/token');
    expect(token?.form).toMatchObject({ grant_type: ['authorization_code'], code_verifier: [pkce.verifier], client_id: [PUBLIC_CLIENT.id], resource: [server.mcpUrl] });
    expect(token?.body).toContain(`code_verifier=${pkce.verifier}`);
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(server.requestLog.last('/register')?.json).toEqual({ redirect_uris: ['https://claude.ai/api/mcp/auth_callback'], token_endpoint_auth_method: 'none' });
    expect(entries.every((entry) => entry.at >= entries[0]!.at)).toBe(true);

    server.requestLog.clear();
    expect(server.requestLog.size).toBe(0);
  });

  test('Bearer on every MCP call is visible; the body is capped at 64 KB', async ({ startServer }) => {
    const server = await startServer();
    const { access_token: token } = await install(server);
    server.requestLog.clear();
    await callToolOk(server, token, 'whoami');
    const mcp = server.requestLog.byPath('/mcp');
    expect(mcp.length).toBe(3);
    expect(mcp.every((entry) => entry.headers['authorization'] === `Bearer ${token}`)).toBe(true);
    expect(mcp[2]?.headers['mcp-session-id']).toBe(mcp[1]?.headers['mcp-session-id']);
    expect(mcp[2]?.headers['mcp-protocol-version']).toBe('2025-11-25');

    await postJson(`${server.url}/register`, { padding: 'x'.repeat(70_000) });
    const big = server.requestLog.last('/register');
    expect(big?.bodyTruncated).toBe(true);
    expect(big?.body.length).toBe(64 * 1024);
    // The parsed JSON comes from the whole body: only the raw text is capped.
    expect(String(at(big?.json, 'padding')).length).toBe(70_000);
  });

  test('with exposeControl: the log and the clock over HTTP, control traffic itself unlogged', async ({ startServer }) => {
    const hidden = await startServer();
    expect((await request(`${hidden.url}/__reference/requests`)).status).toBe(404);

    const server = await startServer({ exposeControl: true });
    const tokens = await install(server);
    const listed = await request(`${server.url}/__reference/requests`);
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({ entries: [{ seq: 1, method: 'POST', path: '/login' }, {}, {}, { path: '/token', status: 200 }] });
    expect((await postJson(`${server.url}/__reference/clock`, { advanceSeconds: -1 })).status).toBe(400);
    const moved = await postJson(`${server.url}/__reference/clock`, { advanceSeconds: 3600 });
    expect(moved.json).toMatchObject({ offsetSeconds: 3600 });
    expect((await mcpRequest(server, initializeRequest(), { token: tokens.access_token })).status).toBe(401);
    expect((await request(`${server.url}/__reference/requests`, { method: 'DELETE' })).status).toBe(204);
    expect(server.requestLog.size).toBe(0);
  });
});
