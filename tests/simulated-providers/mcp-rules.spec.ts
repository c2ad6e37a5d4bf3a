import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { listen } from '../../examples/shared/loopback-server.ts';
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

/** Serves one client ID metadata document on loopback, with its own URL as client_id (ChatGPT's methods). */
async function serveDocument(): Promise<{ clientId: string; close(): Promise<void> }> {
  const server = createServer();
  const listening = await listen(server, '127.0.0.1', 0);
  const clientId = `${listening.url}/oauth/client.json`;
  const document = { client_id: clientId, redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: 'private_key_jwt', token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'] };
  server.on('request', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(document));
  });
  return { clientId, close: listening.close };
}

async function authorizeAs(p: RunningSimulatedProvider, clientId: string): Promise<URL> {
  const url = new URL(p.authorizeUrl);
  for (const [name, value] of Object.entries({ response_type: 'code', client_id: clientId, redirect_uri: REDIRECT_URI, state: 'st-1', scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256' })) url.searchParams.set(name, value);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

test('client ID metadata documents: advertised with none; the plural member read, and the public client then needs no secret', async ({ start }) => {
  const doc = await serveDocument();
  try {
    const p = await start('keycloak', { tenant: { clientIdMetadataDocuments: 'on' } });
    const advertised = (await metadata(p.metadataUrl)).body;
    expect(advertised).toMatchObject({ client_id_metadata_document_supported: true });
    expect(advertised.token_endpoint_auth_methods_supported).toContain('none');
    const code = (await authorizeAs(p, doc.clientId)).searchParams.get('code') ?? '';
    const answer = await fetch(p.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: doc.clientId, code_verifier: VERIFIER }),
    });
    expect(answer.status).toBe(200);
  } finally {
    await doc.close();
  }
});

test('client ID metadata documents, read-singular: ChatGPT\'s private_key_jwt is all it reads, so the client is refused', async ({ start }) => {
  const doc = await serveDocument();
  try {
    const p = await start('keycloak', { tenant: { clientIdMetadataDocuments: 'read-singular' } });
    const back = await authorizeAs(p, doc.clientId);
    expect(back.searchParams.get('error')).toBe('invalid_client');
    expect(back.searchParams.get('state')).toBe('st-1');
    expect(back.searchParams.get('code')).toBeNull();
  } finally {
    await doc.close();
  }
});
