import { expect, test } from './support/fixtures.ts';
import { locationOf, postForm, request } from './support/http.ts';
import {
  authorizeAndDecide,
  authorizeUrl,
  callbackParameters,
  CLAUDE_CALLBACK,
  CONFIDENTIAL_CLIENT,
  LOOPBACK_CALLBACK,
  newPkce,
  SENT_STATE,
  signIn,
} from './support/oauth.ts';

test.describe('authorization endpoint', () => {
  test('without a session: the login page (email, password, "Sign in"), then back to the consent page', async ({ startServer }) => {
    const server = await startServer();
    const start = authorizeUrl(server, newPkce());
    const first = await request(start);
    const login = locationOf(first, server.url);
    expect(first.status).toBe(302);
    expect(login.pathname).toBe('/login');
    const page = await request(login.href);
    expect(page.text).toContain('<input id="username" name="username" type="email"');
    expect(page.text).toContain('type="password"');
    expect(page.text).toContain('<button type="submit">Sign in</button>');

    const wrong = await postForm(`${server.url}/login`, { username: 'demo@example.com', password: 'nope', return_to: login.searchParams.get('return_to') ?? '' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Wrong email or password.');
    const signedIn = await postForm(`${server.url}/login`, { username: 'demo@example.com', password: 'demo-password', return_to: login.searchParams.get('return_to') ?? '' });
    expect(signedIn.status).toBe(302);
    expect(locationOf(signedIn, server.url).href).toBe(start);
    const cookie = signedIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const consent = await request(start, { headers: { cookie } });
    expect(consent.status).toBe(200);
    expect(consent.text).toContain('<strong>Reference MCP public client</strong> wants to use your Reference MCP Notes account');
    expect(consent.text).toContain('<code>notes:read</code>');
    expect(consent.text).toContain('<button type="submit" name="decision" value="allow">Allow</button>');
    expect(consent.text).toContain('<button type="submit" name="decision" value="deny">Deny</button>');
    expect(consent.headers.get('x-frame-options')).toBe('DENY');
  });

  test('Allow redirects with code, state and iss; Deny with access_denied, state and iss', async ({ startServer }) => {
    const server = await startServer();
    const allowed = await authorizeAndDecide(server);
    if (allowed.kind !== 'redirect') throw new Error('expected a redirect');
    expect(allowed.url.origin + allowed.url.pathname).toBe(LOOPBACK_CALLBACK);
    expect(callbackParameters(allowed.url)).toEqual({ code: expect.any(String), state: SENT_STATE, iss: server.issuer });

    const denied = await authorizeAndDecide(server, {}, { decision: 'deny' });
    if (denied.kind !== 'redirect') throw new Error('expected a redirect');
    expect(callbackParameters(denied.url)).toEqual({ error: 'access_denied', error_description: 'The user denied access.', state: SENT_STATE, iss: server.issuer });
  });

  test('PKCE S256 is required: none, plain and a missing method redirect with invalid_request', async ({ startServer }) => {
    const server = await startServer();
    const cases = [{ code_challenge: undefined, code_challenge_method: undefined }, { code_challenge_method: 'plain' }, { code_challenge_method: undefined }];
    for (const overrides of cases) {
      const outcome = await authorizeAndDecide(server, overrides);
      if (outcome.kind !== 'redirect') throw new Error('expected a redirect');
      expect(callbackParameters(outcome.url), JSON.stringify(overrides)).toMatchObject({ error: 'invalid_request', state: SENT_STATE, iss: server.issuer });
    }
  });

  test('resource must name the MCP URL (canonically); absent is fine', async ({ startServer }) => {
    const server = await startServer();
    const canonicalVariants = [server.mcpUrl, `${server.mcpUrl}/`, server.mcpUrl.replace('http://', 'HTTP://'), undefined];
    for (const resource of canonicalVariants) {
      const outcome = await authorizeAndDecide(server, { resource });
      if (outcome.kind !== 'redirect') throw new Error('expected a redirect');
      expect(outcome.url.searchParams.get('code'), String(resource)).not.toBeNull();
    }
    for (const resource of [server.url, `${server.url}/other`, 'https://evil.example/mcp', 'not a url']) {
      const outcome = await authorizeAndDecide(server, { resource });
      if (outcome.kind !== 'redirect') throw new Error('expected a redirect');
      expect(outcome.url.searchParams.get('error'), resource).toBe('invalid_target');
    }
  });

  test('scope: unknown → invalid_scope; absent or empty → the default; offline_access and notes:admin grantable', async ({ startServer }) => {
    const server = await startServer();
    const unknown = await authorizeAndDecide(server, { scope: 'notes:read openid' });
    if (unknown.kind !== 'redirect') throw new Error('expected a redirect');
    expect(unknown.url.searchParams.get('error')).toBe('invalid_scope');
    const cookie = await signIn(server);
    for (const scope of [undefined, '']) {
      const page = await request(authorizeUrl(server, newPkce(), { scope }), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(page.text).toContain('<code>notes:read</code>');
      expect(page.text).toContain('<code>notes:write</code>');
      expect(page.text).not.toContain('<code>notes:admin</code>');
    }
    const wide = await request(authorizeUrl(server, newPkce(), { scope: 'notes:admin offline_access' }), { headers: { cookie } });
    expect(wide.status).toBe(200);
    expect(wide.text).toContain('<code>offline_access</code>');
  });

  test('redirect URIs: exact, loopback port ignored, everything else an error page without redirect', async ({ startServer }) => {
    const server = await startServer();
    for (const redirect of [CLAUDE_CALLBACK, 'http://127.0.0.1:9/callback', 'http://localhost/callback', 'https://chatgpt.com/connector_platform_oauth_redirect']) {
      const outcome = await authorizeAndDecide(server, { redirect_uri: redirect });
      expect(outcome.kind, redirect).toBe('redirect');
    }
    const lookalikes = [
      'https://claude.ai/api/mcp/auth_callback/../evil',
      'https://claude.ai/api/mcp/auth_callback?x=1',
      'https://claude.ai.evil.example/api/mcp/auth_callback',
      'http://localhost:53682/other',
      'https://localhost:53682/callback',
      'http://localhost.evil.example:53682/callback',
    ];
    for (const redirect of lookalikes) {
      const outcome = await authorizeAndDecide(server, { redirect_uri: redirect });
      if (outcome.kind !== 'page') throw new Error(`expected an error page for ${redirect}`);
      expect(outcome.result.status, redirect).toBe(400);
      expect(outcome.result.text).toContain('The redirect_uri is missing or is not registered for this client.');
    }
  });

  test('an unknown client gets an error page; the confidential pre-registered client may authorize', async ({ startServer }) => {
    const server = await startServer();
    const unknown = await authorizeAndDecide(server, { client_id: 'nobody' });
    if (unknown.kind !== 'page') throw new Error('expected a page');
    expect(unknown.result.status).toBe(400);
    expect(unknown.result.text).toContain('invalid_client');
    const confidential = await authorizeAndDecide(server, { client_id: CONFIDENTIAL_CLIENT.id, redirect_uri: CLAUDE_CALLBACK });
    expect(confidential.kind).toBe('redirect');
  });

  test('repeated parameters and a wrong response_type are refused by redirect', async ({ startServer }) => {
    const server = await startServer();
    const cookie = await signIn(server);
    const repeated = await request(`${authorizeUrl(server, newPkce())}&scope=notes:read`, { headers: { cookie } });
    expect(locationOf(repeated, server.url).searchParams.get('error')).toBe('invalid_request');
    const token = await request(authorizeUrl(server, newPkce(), { response_type: 'token' }), { headers: { cookie } });
    expect(locationOf(token, server.url).searchParams.get('error')).toBe('unsupported_response_type');
  });

  test('a consent decision counts once and only from the browser session it was shown to', async ({ startServer }) => {
    const server = await startServer();
    const cookie = await signIn(server);
    const page = await request(authorizeUrl(server, newPkce()), { headers: { cookie } });
    const requestId = /name="request_id" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const otherCookie = await signIn(server);
    expect((await postForm(`${server.url}/consent`, { request_id: requestId, decision: 'allow' }, { cookie: otherCookie })).status).toBe(400);
    const page2 = await request(authorizeUrl(server, newPkce()), { headers: { cookie } });
    const requestId2 = /name="request_id" value="([^"]+)"/.exec(page2.text)?.[1] ?? '';
    expect((await postForm(`${server.url}/consent`, { request_id: requestId2, decision: 'allow' }, { cookie })).status).toBe(302);
    expect((await postForm(`${server.url}/consent`, { request_id: requestId2, decision: 'allow' }, { cookie })).status).toBe(400);
  });
});
