import { expect, test } from './support/fixtures.ts';
import { at, postJson, postForm, request } from './support/http.ts';
import { DCR_BODIES } from './support/host-documents.ts';
import { exchangeCode, expectTokenError, expectTokenSet, obtainCode } from './support/oauth.ts';

test.describe('dynamic client registration', () => {
  for (const [host, body] of Object.entries(DCR_BODIES)) {
    test(`${host}'s registration body gets 201 JSON and a client that completes the flow`, async ({ startServer }) => {
      const server = await startServer();
      const answer = await postJson(`${server.url}/register`, body);
      expect(answer.status, answer.text).toBe(201);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const secretClient = body.token_endpoint_auth_method === 'client_secret_post';
      expect(answer.json).toEqual({
        client_id: expect.stringMatching(/^dcr-/),
        client_id_issued_at: expect.any(Number),
        ...(secretClient ? { client_secret: expect.any(String), client_secret_expires_at: 0 } : {}),
        ...body,
      });
      const clientId = String(at(answer.json, 'client_id'));
      const redirect = body.redirect_uris[0];
      const obtained = await obtainCode(server, { client_id: clientId, redirect_uri: redirect });
      const credentials = secretClient ? { client_secret: String(at(answer.json, 'client_secret')) } : {};
      expectTokenSet(await exchangeCode(server, obtained, { client_id: clientId, redirect_uri: redirect, ...credentials }));
    });
  }

  test('insecure redirect URIs, bad bodies and unsupported metadata are refused with RFC 7591 errors', async ({ startServer }) => {
    const server = await startServer();
    const insecure = await postJson(`${server.url}/register`, { ...DCR_BODIES.chatgpt, redirect_uris: ['http://evil.example/callback'] });
    expect(insecure.status).toBe(400);
    expect(at(insecure.json, 'error')).toBe('invalid_redirect_uri');
    expect((await postJson(`${server.url}/register`, { ...DCR_BODIES.chatgpt, redirect_uris: ['https://x.example/cb#frag'] })).status).toBe(400);
    expect(at((await postJson(`${server.url}/register`, { client_name: 'x' })).json, 'error')).toBe('invalid_client_metadata');
    expect(at((await postJson(`${server.url}/register`, { ...DCR_BODIES.chatgpt, grant_types: ['password'] })).json, 'error')).toBe('invalid_client_metadata');
    expect(at((await postJson(`${server.url}/register`, { ...DCR_BODIES.chatgpt, token_endpoint_auth_method: 'private_key_jwt' })).json, 'error')).toBe(
      'invalid_client_metadata',
    );
    expect((await postForm(`${server.url}/register`, { client_name: 'x' })).status).toBe(400);
    const loopback = await postJson(`${server.url}/register`, { ...DCR_BODIES.claudeCode, redirect_uris: ['http://127.0.0.1:9/callback'] });
    expect(loopback.status).toBe(201);
  });

  test('a registered public client is refused with a secret; a confidential one without', async ({ startServer }) => {
    const server = await startServer();
    const confidential = await postJson(`${server.url}/register`, DCR_BODIES.claude);
    const clientId = String(at(confidential.json, 'client_id'));
    const obtained = await obtainCode(server, { client_id: clientId, redirect_uri: DCR_BODIES.claude.redirect_uris[0] });
    expectTokenError(await exchangeCode(server, obtained, { client_id: clientId, redirect_uri: DCR_BODIES.claude.redirect_uris[0] }), 401, 'invalid_client');
    expect((await request(`${server.url}/register`)).status).toBe(404);
  });
});
