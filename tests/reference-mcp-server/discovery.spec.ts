import { expect, test } from './support/fixtures.ts';
import { request } from './support/http.ts';
import { initializeRequest, mcpRequest } from './support/mcp.ts';

test.describe('discovery', () => {
  test('an MCP request without a token gets 401 with the PRM pointer and the default scope', async ({ startServer }) => {
    const server = await startServer();
    const answer = await mcpRequest(server, initializeRequest());
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp", scope="notes:read notes:write"`,
    );
    expect(answer.json).toEqual({ error: 'unauthorized', error_description: 'An access token is required' });
  });

  test('the PRM is served at the path-inserted and the root well-known URL, naming the MCP URL and the issuer', async ({ startServer }) => {
    const server = await startServer();
    const expected = {
      resource: server.mcpUrl,
      authorization_servers: [server.issuer],
      scopes_supported: ['notes:read', 'notes:write', 'notes:admin'],
      bearer_methods_supported: ['header'],
      resource_name: 'Reference MCP Notes',
    };
    for (const path of ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource']) {
      const prm = await request(`${server.url}${path}`);
      expect(prm.status, path).toBe(200);
      expect(prm.headers.get('content-type')).toMatch(/^application\/json/);
      expect(prm.json).toEqual(expected);
    }
    expect(server.mcpUrl).toBe(`${server.url}/mcp`);
    expect(server.issuer).toBe(server.url);
  });

  test('RFC 8414 and OIDC discovery carry the same metadata, issuer byte-identical to the PRM entry', async ({ startServer }) => {
    const server = await startServer();
    const oauth = await request(`${server.url}/.well-known/oauth-authorization-server`);
    const oidc = await request(`${server.url}/.well-known/openid-configuration`);
    expect(oauth.status).toBe(200);
    expect(oidc.json).toEqual(oauth.json);
    expect(oauth.json).toEqual({
      issuer: server.url,
      authorization_endpoint: `${server.url}/authorize`,
      token_endpoint: `${server.url}/token`,
      registration_endpoint: `${server.url}/register`,
      revocation_endpoint: `${server.url}/revoke`,
      revocation_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic', 'private_key_jwt'],
      jwks_uri: `${server.url}/jwks.json`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic', 'private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'ES256'],
      scopes_supported: ['notes:read', 'notes:write', 'notes:admin', 'offline_access'],
      client_id_metadata_document_supported: true,
      authorization_response_iss_parameter_supported: true,
      resource_indicators_supported: true,
      service_documentation: `${server.url}/`,
    });
  });

  test('advertisedTokenEndpointAuthMethods changes only what the metadata advertises', async ({ startServer }) => {
    const server = await startServer({ advertisedTokenEndpointAuthMethods: ['private_key_jwt'] });
    const metadata = (await request(`${server.url}/.well-known/oauth-authorization-server`)).json;
    expect(metadata).toMatchObject({ token_endpoint_auth_methods_supported: ['private_key_jwt'] });
    // Still accepted: a public client's request gets past client authentication (to the unknown code).
    const token = await request(`${server.url}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code: 'unknown', client_id: 'reference-mcp-public', redirect_uri: 'http://localhost/callback', code_verifier: 'v'.repeat(43) }) });
    expect(token.status).toBe(400);
    expect(token.json).toMatchObject({ error: 'invalid_grant' });
  });

  test('the JWKS publishes the EC signing key; healthz answers', async ({ startServer }) => {
    const server = await startServer();
    const jwks = await request(`${server.url}/jwks.json`);
    expect(jwks.json).toEqual({ keys: [expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) })] });
    expect(JSON.stringify(jwks.json)).not.toContain('"d"');
    expect((await request(`${server.url}/healthz`)).json).toEqual({ ok: true });
  });

  test('the MCP URL is exact: /mcp/ and /MCP are not it', async ({ startServer }) => {
    const server = await startServer();
    expect((await mcpRequest(server, initializeRequest(), { path: '/mcp/' })).status).toBe(404);
    expect((await mcpRequest(server, initializeRequest(), { path: '/MCP' })).status).toBe(404);
  });
});
