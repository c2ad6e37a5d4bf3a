import { expect, test } from './support/fixtures.ts';
import { at } from './support/http.ts';
import { authorizeAndDecide, callApi, exchangeCode, expectTokenSet, install, obtainCode, signIn } from './support/oauth.ts';

test.describe('API and bearer authentication', () => {
  test('missing, foreign-scheme and unknown tokens get 401 with RFC 6750 challenges', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    for (const options of [{}, { token: 'dXNlcjpwYXNz', scheme: 'Basic' }]) {
      const missing = await callApi(plugin, '/todos', options);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="reference"');
      expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    }
    const garbage = await callApi(plugin, '/todos', { token: 'garbage-token' });
    expect(garbage.status).toBe(401);
    expect(garbage.headers.get('www-authenticate')).toBe(
      'Bearer realm="reference", error="invalid_token", error_description="The access token is unknown"',
    );
  });

  test('the Bearer scheme is case-insensitive', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const { access_token: token } = await install(plugin);
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      expect((await callApi(plugin, '/todos', { token, scheme })).status, scheme).toBe(200);
    }
  });

  test('a token without the needed scope gets 403 insufficient_scope', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const readOnly = expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin, { scope: 'todos:read' })));
    expect((await callApi(plugin, '/todos', { token: readOnly.access_token })).status).toBe(200);
    const write = await callApi(plugin, '/todos', { token: readOnly.access_token, method: 'POST', body: { text: 'x' } });
    expect(write.status).toBe(403);
    expect(write.headers.get('www-authenticate')).toBe(
      'Bearer realm="reference", error="insufficient_scope", error_description="This operation needs the todos:write scope", scope="todos:write"',
    );
    expect(at(write.json, 'error')).toBe('insufficient_scope');
  });

  test('add, list, delete todos and read the profile; todos are per user', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    plugin.store.addUser('second@example.com', 'second-password');
    const first = await install(plugin);
    const secondCookie = await signIn(plugin, 'second@example.com', 'second-password');
    const outcome = await authorizeAndDecide(plugin, {}, { cookie: secondCookie });
    const secondCode = outcome.kind === 'redirect' ? (outcome.url.searchParams.get('code') ?? '') : '';
    const second = expectTokenSet(await exchangeCode(plugin, secondCode));

    const added = await callApi(plugin, '/todos', { token: first.access_token, method: 'POST', body: { text: 'water plants' } });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({ id: expect.stringMatching(/^todo-\d+$/), text: 'water plants' });
    const id = String(at(added.json, 'id'));

    expect((await callApi(plugin, '/todos', { token: first.access_token })).json).toEqual({ todos: [added.json] });
    expect((await callApi(plugin, '/todos', { token: second.access_token })).json).toEqual({ todos: [] });
    expect((await callApi(plugin, `/todos/${id}`, { token: second.access_token, method: 'DELETE' })).status).toBe(404);

    const profile = await callApi(plugin, '/me', { token: second.access_token });
    expect(profile.json).toEqual({ id: 'user-2', username: 'second@example.com', scope: 'todos:read todos:write' });

    const removed = await callApi(plugin, `/todos/${id}`, { token: first.access_token, method: 'DELETE' });
    expect([removed.status, removed.json]).toEqual([200, { deleted: id }]);
    expect((await callApi(plugin, '/todos', { token: first.access_token })).json).toEqual({ todos: [] });
  });

  test('a bad todo body is 400 JSON', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const { access_token: token } = await install(plugin);
    for (const body of [{}, { text: '' }, { text: 'x'.repeat(501) }, { text: 5 }]) {
      const result = await callApi(plugin, '/todos', { token, method: 'POST', body });
      expect(result.status).toBe(400);
      expect(at(result.json, 'error')).toBe('invalid_request');
    }
    const broken = await fetch(`${plugin.url}/todos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"text":',
    });
    expect(broken.status).toBe(400);
  });
});
