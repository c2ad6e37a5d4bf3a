import { test as base, expect } from '@playwright/test';
import type { PresetName } from '../../examples/simulated-providers/preset.ts';
import { startSimulatedProvider, type RunningSimulatedProvider } from '../../examples/simulated-providers/start.ts';
import { authorize, claims, CLIENT, exchange, field, refresh, token, REDIRECT_URI } from './support.ts';

type Start = (preset: PresetName) => Promise<RunningSimulatedProvider>;

/** A simulated provider per call, registered for CLIENT, closed when the test ends. */
const test = base.extend<{ start: Start }>({
  start: async ({}, use) => {
    const started: RunningSimulatedProvider[] = [];
    await use(async (preset) => {
      const provider = await startSimulatedProvider(preset, { client: { id: CLIENT.id, secret: CLIENT.secret } });
      started.push(provider);
      return provider;
    });
    await Promise.all(started.map((p) => p.close()));
  },
});

/** Authorize with these parameters and exchange the code, as the host does. */
async function install(p: RunningSimulatedProvider, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const answer = await exchange(p.tokenUrl, await authorize(p.authorizeUrl, params), headers);
  // Every install here is one the provider grants: a refusal must not pass for a grant without a refresh token.
  expect(answer.status, `the exchange for ${JSON.stringify(params)} answered ${answer.text}`).toBe(200);
  expect(answer.fields ?? {}, answer.text).not.toHaveProperty('error');
  expect(answer.fields ?? {}, answer.text).not.toMatchObject({ ok: false });
  return answer;
}

test.describe('what every preset checks (the mock itself checks nothing)', () => {
  test('a code works once, for its own redirect_uri and the registered client only', async ({ start }) => {
    const p = await start('okta');
    const code = await authorize(p.authorizeUrl, { scope: 'openid' });
    // A client that fails to authenticate does not use the code up; a wrong redirect_uri does, as at real providers.
    expect(await token(p.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_secret: 'wrong' })).toMatchObject({ status: 401, fields: { error: 'invalid_client' } });
    expect((await exchange(p.tokenUrl, code)).status).toBe(200);
    const other = await authorize(p.authorizeUrl, { scope: 'openid' });
    expect(await token(p.tokenUrl, { grant_type: 'authorization_code', code: other, redirect_uri: 'https://evil.example/cb' })).toMatchObject({ status: 400, fields: { error: 'invalid_grant' } });
    expect(await exchange(p.tokenUrl, code)).toMatchObject({ status: 400, fields: { error: 'invalid_grant', error_description: 'The authorization code was already used' } });
    expect(await exchange(p.tokenUrl, 'never-issued')).toMatchObject({ status: 400, fields: { error: 'invalid_grant' } });
    expect(await refresh(p.tokenUrl, 'never-issued')).toMatchObject({ status: 400, fields: { error: 'invalid_grant' } });
  });

  test("access tokens are JWTs from the issuer, with the granted scope and the preset's lifetime on the provider clock", async ({ start }) => {
    const p = await start('keycloak');
    const before = claims(field(await install(p, { scope: 'openid todos:read' }), 'access_token'));
    expect(before).toMatchObject({ iss: p.issuerUrl, scope: 'openid todos:read' });
    expect(Number(before.exp) - Number(before.iat)).toBe(300);
    p.clock.advance(7200);
    const after = claims(field(await install(p, { scope: 'todos:read' }), 'access_token'));
    expect(Number(after.iat) - Number(before.iat)).toBeGreaterThanOrEqual(7200);
  });

  test('an id_token only when openid was asked for', async ({ start }) => {
    const p = await start('cognito');
    expect((await install(p, { scope: 'openid todos:read' })).fields).toHaveProperty('id_token');
    expect((await install(p, { scope: 'todos:read' })).fields).not.toHaveProperty('id_token');
  });
});

test('google: a refresh token only for access_type=offline, and only with consent (first time or prompt=consent)', async ({ start }) => {
  const p = await start('google');
  expect((await install(p, { scope: 'email' })).fields, 'online access, consent shown').not.toHaveProperty('refresh_token');
  const first = await install(p, { scope: 'email', access_type: 'offline' });
  expect(first.fields).toMatchObject({ expires_in: 3599 });
  expect(first.fields).toHaveProperty('refresh_token');
  expect((await install(p, { scope: 'email', access_type: 'offline' })).fields, 'nothing new to consent to: no screen, no refresh token').not.toHaveProperty('refresh_token');
  expect((await install(p, { scope: 'email profile', access_type: 'offline' })).fields, 'a new scope brings the screen back').toHaveProperty('refresh_token');
  const forced = await install(p, { scope: 'email', access_type: 'offline', prompt: 'consent' });
  const renewed = await refresh(p.tokenUrl, field(forced, 'refresh_token'));
  expect(renewed.status).toBe(200);
  expect(renewed.fields, 'Google refresh answers omit refresh_token').not.toHaveProperty('refresh_token');
});

test('auth0, okta, entra: a refresh token only for offline_access; each refreshes its own way', async ({ start }) => {
  for (const preset of ['auth0', 'okta', 'entra'] as const) {
    const p = await start(preset);
    expect((await install(p, { scope: 'openid todos:read' })).fields, preset).not.toHaveProperty('refresh_token');
    const rt = field(await install(p, { scope: 'openid offline_access todos:read' }), 'refresh_token');
    const renewed = await refresh(p.tokenUrl, rt);
    expect(renewed.status, preset).toBe(200);
    if (preset === 'auth0') expect(renewed.fields).not.toHaveProperty('refresh_token');
    if (preset === 'okta') expect(field(renewed, 'refresh_token')).toBe(rt);
    if (preset === 'entra') {
      expect(field(renewed, 'refresh_token')).not.toBe(rt);
      expect((await refresh(p.tokenUrl, rt)).status, 'the old Entra refresh token stays valid').toBe(200);
      expect(renewed.fields).toMatchObject({ scope: 'openid todos:read', ext_expires_in: 4380 });
    }
  }
});

test('dropbox: a refresh token only with token_access_type=offline; 4-hour tokens', async ({ start }) => {
  const p = await start('dropbox');
  expect((await install(p)).fields).toMatchObject({ expires_in: 14_400, token_type: 'bearer' });
  expect((await install(p)).fields).not.toHaveProperty('refresh_token');
  expect((await install(p, { token_access_type: 'offline' })).fields).toHaveProperty('refresh_token');
});

test('salesforce: no expires_in; a refresh token only with the refresh_token scope', async ({ start }) => {
  const p = await start('salesforce');
  const plain = await install(p, { scope: 'api' });
  expect(plain.fields).not.toHaveProperty('expires_in');
  expect(plain.fields).not.toHaveProperty('refresh_token');
  expect(plain.fields).toHaveProperty('instance_url');
  expect((await install(p, { scope: 'api refresh_token' })).fields).toHaveProperty('refresh_token');
});

test('github: form-encoded unless Accept: application/json; errors as HTTP 200; no expiry, no refresh token', async ({ start }) => {
  const p = await start('github');
  const form = await install(p, { scope: 'repo gist' });
  expect(form.status).toBe(200);
  expect(form.contentType).toContain('application/x-www-form-urlencoded');
  expect(form.fields).toEqual({ access_token: expect.any(String), token_type: 'bearer', scope: 'repo,gist' });
  const json = await install(p, { scope: 'repo' }, { accept: 'application/json' });
  expect(json.contentType).toContain('application/json');
  const reused = await exchange(p.tokenUrl, 'never-issued', { accept: 'application/json' });
  expect(reused).toMatchObject({ status: 200, fields: { error: 'bad_verification_code' } });
  const badSecret = await token(p.tokenUrl, { grant_type: 'authorization_code', code: await authorize(p.authorizeUrl), redirect_uri: REDIRECT_URI, client_secret: 'wrong' });
  expect(badSecret).toMatchObject({ status: 200, fields: { error: 'incorrect_client_credentials' } });
});

test('slack: user tokens nested under authed_user with ok:true; a bot token only for bot scopes; errors as 200 ok:false', async ({ start }) => {
  const p = await start('slack');
  const user = await install(p, { user_scope: 'todos:read,todos:write', scope: '' });
  expect(user.fields).toMatchObject({ ok: true, authed_user: { access_token: expect.any(String), refresh_token: expect.any(String), expires_in: 43_200, scope: 'todos:read,todos:write' } });
  expect(user.fields).not.toHaveProperty('access_token');
  expect((await install(p, { scope: 'chat:write', user_scope: 'todos:read' })).fields).toMatchObject({ access_token: expect.any(String), token_type: 'bot' });
  expect(await exchange(p.tokenUrl, 'never-issued')).toMatchObject({ status: 200, fields: { ok: false, error: 'invalid_code' } });
});

test('meta: no refresh token, even when asked; ~60-day tokens; Graph API errors', async ({ start }) => {
  const p = await start('meta');
  const answer = await install(p, { scope: 'email offline_access', access_type: 'offline' });
  expect(answer.fields).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 5_183_944 });
  expect(await exchange(p.tokenUrl, 'never-issued')).toMatchObject({ status: 400, fields: { error: { type: 'OAuthException' } } });
});

test('keycloak: refresh_expires_in 1800 and the refresh token idles out; offline_access outlives the SSO session', async ({ start }) => {
  const p = await start('keycloak');
  const session = await install(p, { scope: 'openid' });
  expect(session.fields).toMatchObject({ refresh_expires_in: 1800, expires_in: 300 });
  const offline = await install(p, { scope: 'openid offline_access' });
  expect(offline.fields).toMatchObject({ refresh_expires_in: 0 });
  p.clock.advance(1801);
  expect(await refresh(p.tokenUrl, field(session, 'refresh_token'))).toMatchObject({ status: 400, fields: { error: 'invalid_grant', error_description: 'Token is not active' } });
  expect((await refresh(p.tokenUrl, field(offline, 'refresh_token'))).status).toBe(200);
});

test('cognito: refresh answers without refresh_token; the original keeps working', async ({ start }) => {
  const p = await start('cognito');
  const rt = field(await install(p, { scope: 'openid' }), 'refresh_token');
  for (const n of [1, 2]) {
    const renewed = await refresh(p.tokenUrl, rt);
    expect(renewed.status, `refresh ${n}`).toBe(200);
    expect(renewed.fields).not.toHaveProperty('refresh_token');
  }
});

test('zoom and atlassian: every refresh rotates, and the previous refresh token dies on use', async ({ start }) => {
  const zoom = await start('zoom');
  const zoomRt = field(await install(zoom), 'refresh_token');
  const zoomNext = field(await refresh(zoom.tokenUrl, zoomRt), 'refresh_token');
  expect(zoomNext).not.toBe(zoomRt);
  expect(await refresh(zoom.tokenUrl, zoomRt)).toMatchObject({ status: 400, fields: { reason: 'Invalid Token!', error: 'invalid_grant' } });
  expect((await refresh(zoom.tokenUrl, zoomNext)).status).toBe(200);

  const atlassian = await start('atlassian');
  expect((await install(atlassian, { scope: 'read:jira-work' })).fields).not.toHaveProperty('refresh_token');
  const rt = field(await install(atlassian, { scope: 'read:jira-work offline_access' }), 'refresh_token');
  expect((await refresh(atlassian.tokenUrl, rt)).status).toBe(200);
  expect(await refresh(atlassian.tokenUrl, rt)).toMatchObject({ status: 403, fields: { error: 'invalid_grant' } });
});
