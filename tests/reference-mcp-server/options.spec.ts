import { spawnSync } from 'node:child_process';
import { createReferenceMcpServer } from '../../examples/reference-mcp-server/app.ts';
import { parseCli } from '../../examples/reference-mcp-server/cli-args.ts';
import { FAULT_NAMES, FAULTS } from '../../examples/reference-mcp-server/faults.ts';
import { ReferenceMcpServerOptionsError, resolveReferenceMcpServerOptions } from '../../examples/reference-mcp-server/options.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('options and CLI', () => {
  test('defaults: two users, a confidential and a public client for every host callback, 3600 / 30 / 600 s', () => {
    const options = resolveReferenceMcpServerOptions();
    expect(options).toMatchObject({ host: '127.0.0.1', port: 0, accessTokenTtlSeconds: 3600, refreshTokenGraceSeconds: 30, authorizationCodeTtlSeconds: 600, faults: [] });
    expect(options.users.map((user) => [user.username, user.password, user.name])).toEqual([
      ['demo@example.com', 'demo-password', 'Demo User'],
      ['second@example.com', 'second-password', 'Second User'],
    ]);
    expect(options.preRegisteredClients.map((client) => [client.clientId, client.clientSecret, client.tokenEndpointAuthMethod])).toEqual([
      ['reference-mcp-client', 'reference-mcp-secret', 'client_secret_post'],
      ['reference-mcp-public', undefined, 'none'],
    ]);
    expect(options.preRegisteredClients[0]?.redirectUris).toEqual([
      'https://chatgpt.com/connector_platform_oauth_redirect',
      'https://chatgpt.com/connector/oauth/plugin-00000000-0000-4000-8000-000000000000',
      'https://claude.ai/api/mcp/auth_callback',
      'https://claude.com/api/mcp/auth_callback',
      'http://localhost/callback',
      'http://127.0.0.1/callback',
    ]);
  });

  test('unknown keys, unknown faults, contradicting faults and AS faults with an external AS are refused', () => {
    expect(() => resolveReferenceMcpServerOptions({ nope: 1 } as never)).toThrow(ReferenceMcpServerOptionsError);
    expect(() => resolveReferenceMcpServerOptions({ faults: ['nope' as never] })).toThrow(/faults/);
    expect(() => resolveReferenceMcpServerOptions({ faults: ['scope-401', 'scope-403-without-challenge'] })).toThrow(/contradict each other/);
    const external = { issuer: 'http://127.0.0.1:1/oidc', jwksUri: 'http://127.0.0.1:1/oidc/jwks' };
    expect(() => resolveReferenceMcpServerOptions({ authorizationServer: external, faults: ['no-refresh-token'] })).toThrow(/built-in authorization server/);
    expect(resolveReferenceMcpServerOptions({ authorizationServer: external, faults: ['prm-missing', 'invalid-token-403'] }).faults).toEqual(['prm-missing', 'invalid-token-403']);
    expect(() => resolveReferenceMcpServerOptions({ preRegisteredClients: [{ clientId: 'x', tokenEndpointAuthMethod: 'client_secret_post' }] })).toThrow(/clientSecret/);
    expect(() => createReferenceMcpServer({})).toThrow(/origin/);
  });

  test('every fault names its area, what it does and finding codes in the catalog style', () => {
    for (const name of FAULT_NAMES) {
      const { does, findings } = FAULTS[name];
      expect(does.length, name).toBeGreaterThan(10);
      for (const code of findings) expect(code, name).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
    expect(FAULTS['consent-script-redirect'].findings).toEqual([]);
  });

  test('the CLI parses flags and environment; bad input is "invalid"', () => {
    expect(parseCli(['--port', '5006', '--fault', 'no-refresh-token', '--sse'], {})).toEqual({
      kind: 'start',
      options: { port: 5006, responseMode: 'sse', faults: ['no-refresh-token'] },
    });
    expect(parseCli([], { REFERENCE_MCP_FAULTS: 'prm-missing, stale-session-400', REFERENCE_MCP_EXPOSE_CONTROL: '1' })).toEqual({
      kind: 'start',
      options: { exposeControl: true, faults: ['prm-missing', 'stale-session-400'] },
    });
    expect(parseCli(['--list-faults'], {})).toEqual({ kind: 'list-faults' });
    expect(parseCli(['--port', '70000'], {}).kind).toBe('invalid');
    expect(parseCli(['--fault', 'nope'], {}).kind).toBe('invalid');
    expect(parseCli(['--bogus'], {}).kind).toBe('invalid');
  });

  test('main.ts exits 2 with a message for contradicting faults', () => {
    const run = spawnSync('npx', ['tsx', 'examples/reference-mcp-server/main.ts', '--fault', 'stale-session-400', '--fault', 'stale-session-500'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('faults stale-session-400 and stale-session-500 contradict each other; pick one');
  });
});
