import { test as base } from '@playwright/test';
import { decodeJwt } from 'jose';
import { startOidcMcpServer, type RunningOidcMcpServer } from '../../examples/oidc-mcp-server/start.ts';
import { startReferenceMcpServer } from '../../examples/reference-mcp-server/start.ts';
import { expect } from './support/fixtures.ts';
import { DCR_BODIES } from './support/host-documents.ts';
import { at, postForm, postJson, request } from './support/http.ts';
import { callToolOk, initializeRequest, mcpRequest } from './support/mcp.ts';
import { authorizeWithOidc } from './support/oidc-flow.ts';
import { z } from 'zod';
import { expectTokenError, install } from './support/oauth.ts';

const test = base.extend<{ oidc: RunningOidcMcpServer }>({
  oidc: async ({}, use) => {
    const server = await startOidcMcpServer();
    await use(server);
    await server.close();
  },
});

type HostName = keyof typeof DCR_BODIES;

/** oidc-provider's token answer: RFC 6749 §5.1, nothing else without openid. */
const oidcTokenSchema = z.strictObject({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number(),
  refresh_token: z.string().min(1),
  scope: z.string(),
});
type OidcTokens = z.output<typeof oidcTokenSchema>;

interface Registered {
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly redirectUri: string;
}

async function register(server: RunningOidcMcpServer, host: HostName): Promise<Registered> {
  const answer = await postJson(`${server.issuer}/reg`, DCR_BODIES[host]);
  expect(answer.status, answer.text).toBe(201);
  const clientSecret = at(answer.json, 'client_secret');
  return {
    clientId: String(at(answer.json, 'client_id')),
    clientSecret: typeof clientSecret === 'string' ? clientSecret : undefined,
    redirectUri: DCR_BODIES[host].redirect_uris[0],
  };
}

/** The host's whole install with a DCR client: authorize (PKCE, resource), exchange (form body, resource). */
async function installWith(server: RunningOidcMcpServer, client: Registered, scope: string | undefined = 'notes:read notes:write offline_access'): Promise<OidcTokens> {
  const { callback, pkce } = await authorizeWithOidc(server, { client_id: client.clientId, redirect_uri: client.redirectUri, scope, resource: server.mcpUrl });
  expect(callback.searchParams.get('iss')).toBe(server.issuer);
  expect(callback.searchParams.get('state')).toBe('oidc-state');
  const code = callback.searchParams.get('code') ?? '';
  const exchanged = await postForm(`${server.issuer}/token`, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: client.redirectUri,
    client_id: client.clientId,
    client_secret: client.clientSecret,
    code_verifier: pkce.verifier,
    resource: server.mcpUrl,
  });
  expect(exchanged.status, exchanged.text).toBe(200);
  expect(exchanged.headers.get('cache-control')).toBe('no-store');
  return oidcTokenSchema.parse(exchanged.json);
}

test.describe('oidc MCP server (oidc-provider as the AS)', () => {
  test('PRM names the oidc-provider issuer byte for byte; its metadata suits MCP hosts at every well-known form', async ({ oidc }) => {
    const prm = await request(`${oidc.url}/.well-known/oauth-protected-resource/mcp`);
    expect(prm.json).toMatchObject({ resource: oidc.mcpUrl, authorization_servers: [oidc.issuer] });
    expect(oidc.issuer).toBe(`${oidc.url}/oidc`);
    const forms = [`${oidc.issuer}/.well-known/openid-configuration`, `${oidc.url}/.well-known/oauth-authorization-server/oidc`, `${oidc.url}/.well-known/openid-configuration/oidc`];
    const documents = await Promise.all(forms.map((url) => request(url)));
    for (const document of documents) {
      expect(document.status).toBe(200);
      expect(document.json).toEqual(documents[0]?.json);
    }
    const metadata = documents[0]?.json;
    expect(at(metadata, 'issuer')).toBe(at(prm.json, 'authorization_servers', 0));
    expect(metadata).toMatchObject({
      code_challenge_methods_supported: ['S256'],
      registration_endpoint: `${oidc.issuer}/reg`,
      revocation_endpoint: `${oidc.issuer}/token/revocation`,
      response_types_supported: ['code'],
      authorization_response_iss_parameter_supported: true,
      scopes_supported: ['openid', 'offline_access', 'notes:read', 'notes:write', 'notes:admin'],
    });
    expect(at(metadata, 'token_endpoint_auth_methods_supported')).toEqual(expect.arrayContaining(['none', 'client_secret_post']));
    expect(at(metadata, 'grant_types_supported')).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    expect(at(metadata, 'client_id_metadata_document_supported')).toBeUndefined();
  });

  for (const host of Object.keys(DCR_BODIES) as HostName[]) {
    test(`${host}: DCR, code flow with PKCE and resource, a JWT for the MCP URL, tools, refresh without scope`, async ({ oidc }) => {
      const client = await register(oidc, host);
      expect(client.clientSecret === undefined).toBe(DCR_BODIES[host].token_endpoint_auth_method === 'none');
      const tokens = await installWith(oidc, client);
      const claims = decodeJwt(tokens.access_token);
      expect(claims).toMatchObject({ iss: oidc.issuer, aud: oidc.mcpUrl, sub: 'demo@example.com', client_id: client.clientId });
      expect(String(claims.scope).split(' ')).toEqual(expect.arrayContaining(['notes:read', 'notes:write']));
      expect(tokens.refresh_token).toEqual(expect.any(String));
      expect(await callToolOk(oidc, tokens.access_token, 'whoami')).toEqual({ username: 'demo@example.com', name: 'demo@example.com' });

      const refreshed = await postForm(`${oidc.issuer}/token`, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: client.clientId,
        client_secret: client.clientSecret,
      });
      expect(refreshed.status, refreshed.text).toBe(200);
      const renewed = String(at(refreshed.json, 'access_token'));
      expect(at(refreshed.json, 'refresh_token')).not.toBe(tokens.refresh_token);
      expect(decodeJwt(renewed).aud).toBe(oidc.mcpUrl);
      expect(await callToolOk(oidc, renewed, 'list_notes')).toEqual({ notes: [] });
    });
  }

  test('an authorization request without scope still gets the notes scopes', async ({ oidc }) => {
    const tokens = await installWith(oidc, await register(oidc, 'chatgpt'), undefined);
    expect(String(decodeJwt(tokens.access_token).scope).split(' ')).toEqual(expect.arrayContaining(['notes:read', 'notes:write']));
    expect((await mcpRequest(oidc, initializeRequest(), { token: tokens.access_token })).status).toBe(200);
  });

  test('the MCP endpoint refuses other tokens: none, garbage, the reference AS’s, expired on the RS clock', async ({ oidc }) => {
    const missing = await mcpRequest(oidc, initializeRequest());
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${oidc.url}/.well-known/oauth-protected-resource/mcp", scope="notes:read notes:write"`);
    expect((await mcpRequest(oidc, initializeRequest(), { token: 'garbage' })).status).toBe(401);

    const other = await startReferenceMcpServer();
    try {
      const foreign = (await install(other)).access_token;
      const refused = await mcpRequest(oidc, initializeRequest(), { token: foreign });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
    } finally {
      await other.close();
    }

    const tokens = await installWith(oidc, await register(oidc, 'claudeCode'));
    oidc.clock.advance(3600);
    const expired = await mcpRequest(oidc, initializeRequest(), { token: tokens.access_token });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token", error_description="The access token expired"');
  });

  test('a resource other than the MCP URL is refused by oidc-provider (invalid_target)', async ({ oidc }) => {
    const client = await register(oidc, 'claudeCode');
    const { callback } = await authorizeWithOidc(oidc, { client_id: client.clientId, redirect_uri: client.redirectUri, scope: 'notes:read', resource: `${oidc.url}/other` });
    expect(callback.searchParams.get('error')).toBe('invalid_target');
    expect(callback.searchParams.get('iss')).toBe(oidc.issuer);
  });

  test('a rotated refresh token presented again is refused (oidc-provider then revokes the grant)', async ({ oidc }) => {
    const client = await register(oidc, 'claudeCode');
    const tokens = await installWith(oidc, client);
    const refresh = (token: string | undefined) => postForm(`${oidc.issuer}/token`, { grant_type: 'refresh_token', refresh_token: token, client_id: client.clientId });
    const first = await refresh(tokens.refresh_token);
    expect(first.status).toBe(200);
    expectTokenError(await refresh(tokens.refresh_token), 400, 'invalid_grant');
    expectTokenError(await refresh(String(at(first.json, 'refresh_token'))), 400, 'invalid_grant');
  });
});
