import { createHash } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import type { PresetName } from '../../examples/simulated-providers/preset.ts';
import { startSimulatedProvider, type RunningSimulatedProvider, type SimulatedProviderOptions } from '../../examples/simulated-providers/start.ts';
import { authorize, claims, CLIENT, exchange, field, REDIRECT_URI, refresh, token } from './support.ts';

type Start = (preset: PresetName, options?: Omit<SimulatedProviderOptions, 'client'>) => Promise<RunningSimulatedProvider>;

/** What an MCP host meets at a simulated provider: its discovery document, PKCE, `resource`, and tenant settings. */
const test = base.extend<{ start: Start }>({
  start: async ({}, use) => {
    const started: RunningSimulatedProvider[] = [];
    await use(async (preset, options = {}) => {
      const provider = await startSimulatedProvider(preset, { ...options, client: { id: CLIENT.id, secret: CLIENT.secret } });
      started.push(provider);
      return provider;
    });
    await Promise.all(started.map((p) => p.close()));
  },
});

const MCP_URL = 'http://127.0.0.1:9/mcp';
const VERIFIER = 'a-code-verifier-of-at-least-forty-three-characters-0123456789';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

async function metadata(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  const body: unknown = await response.json();
  return { status: response.status, body: body && typeof body === 'object' ? { ...body } : {} };
}

test('a well-configured preset serves both discovery forms with PKCE, refresh tokens and offline_access', async ({ start }) => {
  const p = await start('keycloak');
  const oidc = await metadata(`${p.issuerUrl}/.well-known/openid-configuration`);
  expect(oidc).toMatchObject({ status: 200, body: { issuer: p.issuerUrl, token_endpoint: p.tokenUrl, authorization_endpoint: p.authorizeUrl, jwks_uri: p.jwksUrl } });
  expect(oidc.body.code_challenge_methods_supported).toContain('S256');
  expect(oidc.body.scopes_supported).toContain('offline_access');
  expect(oidc.body.grant_types_supported).toContain('refresh_token');
  expect(await metadata(`${p.issuerUrl}/.well-known/oauth-authorization-server`)).toEqual(oidc);
});

test("entra's document: OpenID form only, no code_challenge_methods_supported; a patch fixes it field by field", async ({ start }) => {
  const plain = await start('entra');
  const oidc = await metadata(plain.metadataUrl);
  expect(oidc.status).toBe(200);
  expect(oidc.body).not.toHaveProperty('code_challenge_methods_supported');
  expect((await metadata(`${plain.issuerUrl}/.well-known/oauth-authorization-server`)).status).toBe(404);
  const patched = await start('entra', { metadataPatch: { code_challenge_methods_supported: ['S256'], tenant_region_scope: null } });
  const fixed = (await metadata(patched.metadataUrl)).body;
  expect(fixed).toMatchObject({ code_challenge_methods_supported: ['S256'], issuer: patched.issuerUrl });
  expect(fixed).not.toHaveProperty('tenant_region_scope');
});

test('PKCE: a wrong code_verifier is refused without spending the code; the right one then works', async ({ start }) => {
  const p = await start('auth0');
  const code = await authorize(p.authorizeUrl, { scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  const exchangeWith = (verifier?: string) => token(p.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, ...(verifier ? { code_verifier: verifier } : {}) });
  expect(await exchangeWith('x'.repeat(43))).toMatchObject({ status: 400, fields: { error: 'invalid_grant' } });
  expect(await exchangeWith()).toMatchObject({ status: 400, fields: { error: 'invalid_grant' } });
  expect((await exchangeWith(VERIFIER)).status).toBe(200);
});

test("access tokens name the RFC 8707 resource in aud; Okta's name its authorization server's audience", async ({ start }) => {
  const auth0 = await start('auth0');
  const code = await authorize(auth0.authorizeUrl, { scope: 'openid', resource: MCP_URL });
  const answer = await token(auth0.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, resource: MCP_URL });
  expect(claims(field(answer, 'access_token')).aud).toBe(MCP_URL);
  const okta = await start('okta');
  const oktaCode = await authorize(okta.authorizeUrl, { scope: 'openid', resource: MCP_URL });
  const oktaAnswer = await token(okta.tokenUrl, { grant_type: 'authorization_code', code: oktaCode, redirect_uri: REDIRECT_URI, resource: MCP_URL });
  expect(claims(field(oktaAnswer, 'access_token')).aud).toBe('api://default');
});

test('entra: a resource that is no Application ID URI is refused (AADSTS9010010) before the code is spent', async ({ start }) => {
  const p = await start('entra');
  const code = await authorize(p.authorizeUrl, { scope: 'openid offline_access' });
  const withResource = await token(p.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, resource: MCP_URL });
  expect(withResource).toMatchObject({ status: 400, fields: { error: 'invalid_target', error_codes: [9010010] } });
  expect((await exchange(p.tokenUrl, code)).status).toBe(200);
  p.acceptResource(MCP_URL);
  const accepted = await token(p.tokenUrl, { grant_type: 'authorization_code', code: await authorize(p.authorizeUrl, { scope: 'openid' }), redirect_uri: REDIRECT_URI, resource: MCP_URL });
  expect(claims(field(accepted, 'access_token')).aud).toBe(MCP_URL);
});

test('entra with refreshNeedsScope: a refresh must name its scope (AADSTS900144); with it the refresh works', async ({ start }) => {
  const p = await start('entra', { tenant: { refreshNeedsScope: true } });
  const installed = await exchange(p.tokenUrl, await authorize(p.authorizeUrl, { scope: 'openid notes:read offline_access' }));
  const refreshToken = field(installed, 'refresh_token');
  expect(await refresh(p.tokenUrl, refreshToken)).toMatchObject({ status: 400, fields: { error: 'invalid_request', error_codes: [900144] } });
  expect((await token(p.tokenUrl, { grant_type: 'refresh_token', refresh_token: refreshToken, scope: 'openid notes:read offline_access' })).status).toBe(200);
});

test('tenant offlineAccess off: Auth0 and Okta issue no refresh token for offline_access; Keycloak a session-bound one', async ({ start }) => {
  const tenant = { offlineAccess: false };
  for (const preset of ['auth0', 'okta'] as const) {
    const p = await start(preset, { tenant });
    const answer = await exchange(p.tokenUrl, await authorize(p.authorizeUrl, { scope: 'openid offline_access' }));
    expect(answer.status, preset).toBe(200);
    expect(answer.fields, preset).not.toHaveProperty('refresh_token');
  }
  const keycloak = await start('keycloak', { tenant });
  expect((await exchange(keycloak.tokenUrl, await authorize(keycloak.authorizeUrl, { scope: 'openid offline_access' }))).fields).toMatchObject({ refresh_expires_in: 1800 });
});
