import { expect, test } from './support/fixtures.ts';
import { request } from './support/http.ts';
import {
  basicAuthorization,
  callApi,
  exchangeCode,
  expectTokenError,
  expectTokenSet,
  obtainCode,
  postToken,
} from './support/oauth.ts';

test.describe('token endpoint: authorization_code', () => {
  test('exchanges a code sent as JSON, as a form, and with HTTP Basic', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const json = expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin)));
    expect(json).toEqual({
      access_token: expect.stringMatching(/^[\w-]{43}$/),
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^[\w-]{43}$/),
      scope: 'todos:read todos:write',
    });
    expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin), {}, { encoding: 'form' }));
    const basic = { id: plugin.options.clientId, secret: plugin.options.clientSecret };
    const withBasic = { client_id: undefined, client_secret: undefined };
    expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin), withBasic, { encoding: 'form', basic }));
    // Basic plus a matching client_id in the body, as some hosts send it.
    expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin), { client_secret: undefined }, { basic }));
  });

  test('HTTP Basic credentials are form-decoded (RFC 6749 §2.3.1)', async ({ startPlugin }) => {
    const plugin = await startPlugin({ clientId: 'client:one', clientSecret: 'se cr+et%/:é' });
    const basic = { id: 'client:one', secret: 'se cr+et%/:é' };
    const code = await obtainCode(plugin);
    const fields = { client_id: undefined, client_secret: undefined };
    expectTokenSet(await exchangeCode(plugin, code, fields, { encoding: 'form', basic }));
  });

  test('a code is single-use, and replaying it revokes the tokens it bought', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const code = await obtainCode(plugin);
    const tokens = expectTokenSet(await exchangeCode(plugin, code));
    expect((await callApi(plugin, '/todos', { token: tokens.access_token })).status).toBe(200);

    expectTokenError(await exchangeCode(plugin, code), 400, 'invalid_grant');
    const revoked = await callApi(plugin, '/todos', { token: tokens.access_token });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const refresh = await postToken(plugin, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: plugin.options.clientId,
      client_secret: plugin.options.clientSecret,
    });
    expectTokenError(refresh, 400, 'invalid_grant');
  });

  test('a wrong or missing client secret is 401 invalid_client with a Basic challenge', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const code = await obtainCode(plugin);
    const attempts = [
      await exchangeCode(plugin, code, { client_secret: 'wrong' }),
      await exchangeCode(plugin, code, { client_secret: undefined }),
      await exchangeCode(plugin, code, { client_id: undefined, client_secret: undefined }),
      await exchangeCode(plugin, code, { client_id: 'other', client_secret: plugin.options.clientSecret }),
      await exchangeCode(plugin, code, { client_id: undefined, client_secret: undefined }, {
        basic: { id: plugin.options.clientId, secret: 'wrong' },
      }),
      await exchangeCode(plugin, code, { client_id: 'other' }, {
        basic: { id: plugin.options.clientId, secret: plugin.options.clientSecret },
      }),
    ];
    for (const attempt of attempts) {
      expectTokenError(attempt, 401, 'invalid_client');
      expect(attempt.headers.get('www-authenticate')).toBe('Basic realm="reference"');
      expect(attempt.headers.get('cache-control')).toBe('no-store');
    }
    // The failed attempts did not use the code up.
    expectTokenSet(await exchangeCode(plugin, code));
  });

  test('the code is bound to its redirect_uri and client', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const code = await obtainCode(plugin);
    expectTokenError(await exchangeCode(plugin, code, { redirect_uri: 'https://chat.openai.com/aip/x/oauth/callback' }), 400, 'invalid_grant');
    expectTokenError(await exchangeCode(plugin, code, { redirect_uri: undefined }), 400, 'invalid_grant');
    expectTokenError(await exchangeCode(plugin, 'not-a-code'), 400, 'invalid_grant');
    expectTokenError(await exchangeCode(plugin, code, { code: undefined }), 400, 'invalid_request');
    expectTokenSet(await exchangeCode(plugin, code));
  });

  test('malformed requests get RFC 6749 §5.2 errors', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const credentials = { client_id: plugin.options.clientId, client_secret: plugin.options.clientSecret };
    expectTokenError(await postToken(plugin, { ...credentials, grant_type: 'password' }), 400, 'unsupported_grant_type');
    expectTokenError(await postToken(plugin, credentials), 400, 'invalid_request');
    const url = `${plugin.url}/oauth/token`;
    const brokenJson = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":' });
    expectTokenError(brokenJson, 400, 'invalid_request');
    const textBody = await request(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'grant_type=x' });
    expectTokenError(textBody, 400, 'invalid_request');
    const repeated = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&grant_type=refresh_token&client_id=reference-client&client_secret=reference-secret',
    });
    expectTokenError(repeated, 400, 'invalid_request');
    const numeric = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuthorization('reference-client', 'reference-secret') },
      body: JSON.stringify({ grant_type: 'authorization_code', code: 42 }),
    });
    expectTokenError(numeric, 400, 'invalid_request');
  });
});
