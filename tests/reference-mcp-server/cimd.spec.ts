import { expect, test } from './support/fixtures.ts';
import { at, postForm, request } from './support/http.ts';
import { ASSERTION_TYPE, newAssertionKey, signAssertion } from './support/document-host.ts';
import { CHATGPT_STABLE_CALLBACK, chatgptDocument, claudeCodeDocument, claudeDocument } from './support/host-documents.ts';
import { authorizeAndDecide, authorizeUrl, exchangeCode, newPkce, signIn, expectTokenError, expectTokenSet, obtainCode, refreshTokenOf, refreshWith } from './support/oauth.ts';

test.describe('client ID metadata documents', () => {
  test("Claude's and Claude Code's documents: public clients, consent shows the client_id host", async ({ startServer, documents }) => {
    const server = await startServer();
    const claude = documents.serve('/oauth/mcp-oauth-client-metadata', {});
    documents.serve('/oauth/mcp-oauth-client-metadata', claudeDocument(claude));
    const claudeCode = documents.serve('/oauth/claude-code-client-metadata', {});
    documents.serve('/oauth/claude-code-client-metadata', claudeCodeDocument(claudeCode));

    const cookie = await signIn(server);
    const consent = await request(authorizeUrl(server, newPkce(), { client_id: claude, redirect_uri: 'https://claude.ai/api/mcp/auth_callback' }), { headers: { cookie } });
    expect(consent.status).toBe(200);
    expect(consent.text).toContain(`<strong>${new URL(claude).host}</strong> wants to use your Reference MCP Notes account`);
    for (const [clientId, redirect] of [
      [claude, 'https://claude.ai/api/mcp/auth_callback'],
      [claudeCode, 'http://localhost:40123/callback'],
    ] as const) {
      const obtained = await obtainCode(server, { client_id: clientId, redirect_uri: redirect });
      expectTokenSet(await exchangeCode(server, obtained, { client_id: clientId, redirect_uri: redirect }));
    }
    // Cached: two flows, one fetch each.
    expect(documents.requests.filter((path) => path === '/oauth/claude-code-client-metadata')).toHaveLength(1);
  });

  test("ChatGPT's document: public without an assertion, private_key_jwt with one (aud token URL or issuer), refresh too", async ({ startServer, documents }) => {
    const server = await startServer();
    const key = await newAssertionKey();
    const jwksUri = documents.serve('/oauth/jwks.json', { keys: [key.publicJwk] });
    const clientId = documents.serve('/oauth/client.json', {});
    documents.serve('/oauth/client.json', chatgptDocument(clientId, jwksUri));
    const flow = { client_id: clientId, redirect_uri: CHATGPT_STABLE_CALLBACK };

    expectTokenSet(await exchangeCode(server, await obtainCode(server, flow), flow));
    const now = server.clock.nowSeconds();
    for (const audience of [`${server.url}/token`, server.issuer]) {
      const assertion = await signAssertion(key, { clientId, audience }, now);
      const tokens = expectTokenSet(await exchangeCode(server, await obtainCode(server, flow), { ...flow, client_assertion_type: ASSERTION_TYPE, client_assertion: assertion }));
      const refreshAssertion = await signAssertion(key, { clientId, audience }, now);
      expectTokenSet(await refreshWith(server, refreshTokenOf(tokens), { client_id: clientId, client_assertion_type: ASSERTION_TYPE, client_assertion: refreshAssertion }));
    }
  });

  test('bad assertions are refused: replayed jti, expired, wrong aud, unknown key, wrong signer', async ({ startServer, documents }) => {
    const server = await startServer();
    const key = await newAssertionKey();
    const stranger = await newAssertionKey();
    const jwksUri = documents.serve('/oauth/jwks.json', { keys: [key.publicJwk] });
    const clientId = documents.serve('/oauth/client.json', {});
    documents.serve('/oauth/client.json', chatgptDocument(clientId, jwksUri));
    const flow = { client_id: clientId, redirect_uri: CHATGPT_STABLE_CALLBACK };
    const audience = `${server.url}/token`;
    const now = server.clock.nowSeconds();
    const obtained = await obtainCode(server, flow);
    const withAssertion = (client_assertion: string) => exchangeCode(server, obtained, { ...flow, client_assertion_type: ASSERTION_TYPE, client_assertion });

    const used = await signAssertion(key, { clientId, audience, jti: 'once' }, now);
    expectTokenSet(await withAssertion(used));
    const second = await obtainCode(server, flow);
    const replay = await exchangeCode(server, second, { ...flow, client_assertion_type: ASSERTION_TYPE, client_assertion: used });
    expectTokenError(replay, 401, 'invalid_client');
    expect(String(at(replay.json, 'error_description'))).toContain('jti replay');
    const bad = [
      await signAssertion(key, { clientId, audience, expiresIn: -60 }, now),
      await signAssertion(key, { clientId, audience: 'https://evil.example/token' }, now),
      await signAssertion(key, { clientId, audience, kid: 'unknown-kid' }, now),
      await signAssertion(stranger, { clientId, audience, kid: key.kid }, now),
      await signAssertion(key, { clientId: 'someone-else', audience }, now),
    ];
    for (const assertion of bad) expectTokenError(await exchangeCode(server, second, { ...flow, client_assertion_type: ASSERTION_TYPE, client_assertion: assertion }), 401, 'invalid_client');
  });

  test('documents are refused when their client_id differs, they redirect, are not JSON or too large; the redirect must be listed', async ({ startServer, documents }) => {
    const server = await startServer();
    const cases: [string, () => string][] = [
      ['/mismatch.json', () => documents.serve('/mismatch.json', claudeDocument('https://elsewhere.example/doc'))],
      ['/redirects.json', () => documents.serve('/redirects.json', '', { status: 302, location: `${documents.origin}/mismatch.json` })],
      ['/html.json', () => documents.serve('/html.json', '<html></html>', { contentType: 'text/html' })],
      ['/large.json', () => documents.serve('/large.json', { ...claudeDocument(`${documents.origin}/large.json`), padding: 'x'.repeat(6000) })],
      ['/missing.json', () => `${documents.origin}/missing.json`],
    ];
    for (const [name, serve] of cases) {
      const outcome = await authorizeAndDecide(server, { client_id: serve(), redirect_uri: 'https://claude.ai/api/mcp/auth_callback' });
      if (outcome.kind !== 'page') throw new Error(`expected an error page for ${name}`);
      expect(outcome.result.status, name).toBe(400);
      expect(outcome.result.text, name).toContain('invalid_client');
    }
    const good = documents.serve('/good.json', {});
    documents.serve('/good.json', claudeDocument(good));
    const unlisted = await authorizeAndDecide(server, { client_id: good, redirect_uri: 'https://claude.com/api/mcp/auth_callback' });
    if (unlisted.kind !== 'page') throw new Error('expected an error page');
    expect(unlisted.result.text).toContain('The redirect_uri is missing or is not registered for this client.');
  });

  test('non-loopback document hosts are not fetched by default; http loopback ids can be switched off', async ({ startServer, documents }) => {
    const server = await startServer();
    const remote = await authorizeAndDecide(server, { client_id: 'https://claude.ai/oauth/mcp-oauth-client-metadata', redirect_uri: 'https://claude.ai/api/mcp/auth_callback' });
    if (remote.kind !== 'page') throw new Error('expected an error page');
    expect(remote.result.text).toContain('is not a loopback host');

    const strict = await startServer({ allowHttpLoopbackClientIds: false });
    const id = documents.serve('/doc.json', {});
    documents.serve('/doc.json', claudeDocument(id));
    const refused = await authorizeAndDecide(strict, { client_id: id, redirect_uri: 'https://claude.ai/api/mcp/auth_callback' });
    if (refused.kind !== 'page') throw new Error('expected an error page');
    expect(refused.result.text).toContain('the client_id is not registered');
    expect((await postForm(`${strict.url}/token`, { grant_type: 'refresh_token', refresh_token: 'x', client_id: id })).status).toBe(401);
  });
});
