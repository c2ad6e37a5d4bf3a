import { expect, test } from './support/fixtures.ts';
import { request } from './support/http.ts';
import { callApi, expectTokenError, expectTokenSet, install, refreshWith } from './support/oauth.ts';

test.describe('refresh and expiry', () => {
  test('refresh rotates the refresh token; the old one works for the grace window, then is refused', async ({
    startPlugin,
  }) => {
    const plugin = await startPlugin();
    const first = await install(plugin);
    const firstRefresh = first.refresh_token ?? '';

    const second = expectTokenSet(await refreshWith(plugin, firstRefresh));
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(firstRefresh);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.scope).toBe(first.scope);
    expect(second.expires_in).toBe(3600);

    plugin.clock.advance(59);
    const retried = expectTokenSet(await refreshWith(plugin, firstRefresh));
    plugin.clock.advance(1);
    expectTokenError(await refreshWith(plugin, firstRefresh), 400, 'invalid_grant');

    // Both descendants stay usable: a refresh after the grace window does not punish the family.
    expectTokenSet(await refreshWith(plugin, second.refresh_token ?? ''));
    expectTokenSet(await refreshWith(plugin, retried.refresh_token ?? ''));
    expect((await callApi(plugin, '/me', { token: second.access_token })).status).toBe(200);
  });

  test('two concurrent refreshes with the same token both succeed', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const { refresh_token: token = '' } = await install(plugin);
    const answers = await Promise.all([refreshWith(plugin, token), refreshWith(plugin, token)]);
    for (const answer of answers) expectTokenSet(answer);
  });

  test('a refresh may narrow the scope but not widen it (RFC 6749 §6)', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const full = await install(plugin);
    const narrowed = expectTokenSet(await refreshWith(plugin, full.refresh_token ?? '', { scope: 'todos:read' }));
    expect(narrowed.scope).toBe('todos:read');
    expectTokenError(
      await refreshWith(plugin, narrowed.refresh_token ?? '', { scope: 'todos:read todos:write' }),
      400,
      'invalid_scope',
    );
  });

  test('refresh tokens are bound to the client', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const { refresh_token: token = '' } = await install(plugin);
    expectTokenError(await refreshWith(plugin, token, { client_secret: 'wrong' }), 401, 'invalid_client');
    expectTokenError(await refreshWith(plugin, 'unknown-refresh-token'), 400, 'invalid_grant');
    expectTokenError(await refreshWith(plugin, token, { refresh_token: undefined }), 400, 'invalid_request');
  });

  test('an expired access token gets 401 with an invalid_token challenge; the refreshed one works', async ({
    startPlugin,
  }) => {
    const plugin = await startPlugin({ accessTokenTtlSeconds: 120 });
    const tokens = await install(plugin);
    expect(tokens.expires_in).toBe(120);
    plugin.clock.advance(119);
    expect((await callApi(plugin, '/todos', { token: tokens.access_token })).status).toBe(200);
    plugin.clock.advance(1);
    const expired = await callApi(plugin, '/todos', { token: tokens.access_token });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe(
      'Bearer realm="reference", error="invalid_token", error_description="The access token expired"',
    );
    expect(expired.json).toEqual({ error: 'invalid_token', error_description: 'The access token expired' });

    const renewed = expectTokenSet(await refreshWith(plugin, tokens.refresh_token ?? ''));
    expect((await callApi(plugin, '/todos', { token: renewed.access_token })).status).toBe(200);
  });

  test('the clock control route exists only with exposeControl and moves the plugin clock', async ({ startPlugin }) => {
    const hidden = await startPlugin();
    const absent = await request(`${hidden.url}/__reference/clock`, { method: 'POST' });
    expect(absent.status).toBe(404);

    const plugin = await startPlugin({ exposeControl: true });
    const tokens = await install(plugin);
    const post = (body: string) =>
      request(`${plugin.url}/__reference/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post('{"advanceSeconds":-5}')).status).toBe(400);
    const moved = await post('{"advanceSeconds":3600}');
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ offsetSeconds: 3600 });
    expect(plugin.clock.offsetMs).toBe(3_600_000);
    expect((await callApi(plugin, '/todos', { token: tokens.access_token })).status).toBe(401);
  });
});
