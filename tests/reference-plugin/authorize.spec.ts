import { createHash } from 'node:crypto';
import { DEFAULT_PLUGIN_ID, DEFAULT_REDIRECT_URI } from '../../examples/reference-plugin/options.ts';
import { expect, test } from './support/fixtures.ts';
import { locationOf, request } from './support/http.ts';
import {
  authorizeAndDecide,
  authorizeUrl,
  callbackFor,
  exchangeCode,
  expectTokenError,
  expectTokenSet,
  obtainCode,
  SENT_STATE,
  signIn,
} from './support/oauth.ts';

const LOOPBACK_CALLBACK = `http://127.0.0.1:4710/aip/${DEFAULT_PLUGIN_ID}/oauth/callback`;

test.describe('authorize endpoint', () => {
  test('an unknown client gets a 400 page, never a redirect', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const result = await request(authorizeUrl(plugin, { client_id: 'someone-else' }));
    expect(result.status).toBe(400);
    expect(result.headers.get('location')).toBeNull();
    expect(result.text).toContain('invalid_client');
  });

  test('an unregistered redirect_uri gets a 400 redirect_uri_mismatch page, never a redirect', async ({
    startPlugin,
  }) => {
    const plugin = await startPlugin();
    const cookie = await signIn(plugin);
    const unregistered = [
      'https://chat.openai.com/aip/plugin-other/oauth/callback',
      `${DEFAULT_REDIRECT_URI}?extra=1`,
      DEFAULT_REDIRECT_URI.replace('https:', 'http:'),
      `https://chat.openai.com:8443/aip/${DEFAULT_PLUGIN_ID}/oauth/callback`,
      `http://127.0.0.1:4710/aip/${DEFAULT_PLUGIN_ID}/oauth/../oauth/callback`,
      `http://192.168.1.5:4710/aip/${DEFAULT_PLUGIN_ID}/oauth/callback`,
    ];
    for (const redirectUri of unregistered) {
      const result = await request(authorizeUrl(plugin, { redirect_uri: redirectUri }), { headers: { cookie } });
      expect(result.status, redirectUri).toBe(400);
      expect(result.headers.get('location')).toBeNull();
      expect(result.text).toContain('redirect_uri_mismatch');
    }
  });

  test('a loopback redirect URI with the registered path is accepted on any port, unless switched off', async ({
    startPlugin,
  }) => {
    const plugin = await startPlugin();
    for (const uri of [LOOPBACK_CALLBACK, `http://localhost:61234/aip/${DEFAULT_PLUGIN_ID}/oauth/callback`]) {
      const callback = await callbackFor(plugin, { redirect_uri: uri });
      expect(`${callback.origin}${callback.pathname}`).toBe(uri);
      expect(callback.searchParams.get('code')).toBeTruthy();
    }
    const strict = await startPlugin({ allowLoopbackRedirectPort: false });
    const refused = await authorizeAndDecide(strict, { redirect_uri: LOOPBACK_CALLBACK });
    expect(refused.kind === 'page' && refused.result.status).toBe(400);
  });

  test('errors after the redirect URI is trusted go back to the client with state', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const cases = [
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ response_type: undefined }, 'invalid_request'],
      [{ scope: 'todos:read admin' }, 'invalid_scope'],
      [{ code_challenge: 'short' }, 'invalid_request'],
      [{ code_challenge: 'a'.repeat(43), code_challenge_method: 'S512' }, 'invalid_request'],
    ] as const;
    for (const [overrides, error] of cases) {
      const result = await request(authorizeUrl(plugin, overrides));
      expect(result.status).toBe(302);
      const location = locationOf(result, plugin.url);
      expect(`${location.origin}${location.pathname}`).toBe(DEFAULT_REDIRECT_URI);
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe(SENT_STATE);
    }
  });

  test('a repeated parameter is invalid_request', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const result = await request(`${authorizeUrl(plugin)}&scope=todos:read`);
    expect(locationOf(result, plugin.url).searchParams.get('error')).toBe('invalid_request');
  });

  test('without a session the browser is sent to the login page and back', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const url = authorizeUrl(plugin);
    const result = await request(url);
    const location = locationOf(result, plugin.url);
    expect(location.pathname).toBe('/login');
    const returnTo = location.searchParams.get('return_to') ?? '';
    expect(new URL(returnTo, plugin.url).href).toBe(url);

    const login = await request(`${plugin.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: plugin.options.username, password: plugin.options.password, return_to: returnTo }),
    });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe(returnTo);
    expect(login.headers.get('set-cookie')).toMatch(/^reference_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  test('login refuses wrong credentials with 401 and only returns to same-origin paths', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const wrong = await request(`${plugin.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: '<b>x</b>', password: 'nope', return_to: '/' }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(wrong.text).toContain('Wrong email or password.');
    expect(wrong.text).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(wrong.text).not.toContain('<b>x</b>');

    for (const target of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
      const login = await request(`${plugin.url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ username: plugin.options.username, password: plugin.options.password, return_to: target }),
      });
      const location = locationOf(login, plugin.url);
      expect(location.origin, target).toBe(plugin.url);
    }
    const page = await request(`${plugin.url}/login?return_to=${encodeURIComponent('/x"><script>alert(1)</script>')}`);
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('name="username" type="email"');
  });

  test('state comes back byte-exact, and is left out when none was sent', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const state = 'a b+c/d?e=f&g#h%20ü~\'"<>';
    const callback = await callbackFor(plugin, { state });
    expect(callback.searchParams.get('state')).toBe(state);
    expect(decodeURIComponent(/[?&]state=([^&]*)/.exec(callback.search)?.[1] ?? '')).toBe(state);

    const stateless = await callbackFor(plugin, { state: undefined });
    expect(stateless.searchParams.has('state')).toBe(false);
    expect(stateless.searchParams.get('code')).toBeTruthy();
  });

  test('an empty or absent scope is granted the manifest scope; a narrower scope is granted as asked', async ({
    startPlugin,
  }) => {
    const plugin = await startPlugin();
    for (const scope of ['', undefined]) {
      const tokens = expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin, { scope })));
      expect(tokens.scope).toBe('todos:read todos:write');
    }
    const narrow = expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin, { scope: 'todos:read' })));
    expect(narrow.scope).toBe('todos:read');
  });

  test('PKCE is optional; S256 and plain are verified at the token endpoint', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const verifier = 'v'.repeat(43) + '-._~';
    const s256 = createHash('sha256').update(verifier).digest('base64url');

    const code = await obtainCode(plugin, { code_challenge: s256, code_challenge_method: 'S256' });
    expectTokenError(await exchangeCode(plugin, code), 400, 'invalid_grant');
    expectTokenError(await exchangeCode(plugin, code, { code_verifier: 'w'.repeat(43) }), 400, 'invalid_grant');
    expectTokenSet(await exchangeCode(plugin, code, { code_verifier: verifier }));

    const plain = await obtainCode(plugin, { code_challenge: verifier });
    expectTokenSet(await exchangeCode(plugin, plain, { code_verifier: verifier }));

    const withoutChallenge = await obtainCode(plugin);
    expectTokenError(await exchangeCode(plugin, withoutChallenge, { code_verifier: verifier }), 400, 'invalid_grant');
  });

  test('the consent form only counts from the session it was shown to', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const owner = await signIn(plugin);
    const page = await request(authorizeUrl(plugin), { headers: { cookie: owner } });
    const requestId = /name="request_id" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    expect(requestId).toMatch(/^[\w-]{43}$/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');

    const body = new URLSearchParams({ request_id: requestId, decision: 'allow' });
    const intruder = await signIn(plugin);
    const forged = await request(`${plugin.url}/oauth/consent`, { method: 'POST', headers: { cookie: intruder }, body });
    expect(forged.status).toBe(400);
    const anonymous = await request(`${plugin.url}/oauth/consent`, { method: 'POST', body });
    expect(anonymous.status).toBe(400);
    const genuine = await request(`${plugin.url}/oauth/consent`, { method: 'POST', headers: { cookie: owner }, body });
    expect(genuine.status).toBe(302);
    const replayed = await request(`${plugin.url}/oauth/consent`, { method: 'POST', headers: { cookie: owner }, body });
    expect(replayed.status).toBe(400);
  });

  test('codes expire after 10 minutes on the plugin clock', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const fresh = await obtainCode(plugin);
    const stale = await obtainCode(plugin);
    plugin.clock.advance(9 * 60);
    expectTokenSet(await exchangeCode(plugin, fresh));
    plugin.clock.advance(61);
    expectTokenError(await exchangeCode(plugin, stale), 400, 'invalid_grant');
  });
});
