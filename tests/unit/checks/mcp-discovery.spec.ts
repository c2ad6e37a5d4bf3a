import { test, expect } from '@playwright/test';
import { checkAuthorizationServerUsable, checkCimdAuthMethods, type AsMetadataFacts } from '../../../mock-host/checks/authorization-server/metadata.ts';
import { checkPrmReachable, checkPrmValid, type PrmFetch } from '../../../mock-host/checks/resource-server/protected-resource-metadata.ts';
import { checkStaleSessionAnswer, type StaleSessionAnswer } from '../../../mock-host/checks/resource-server/stale-session.ts';
import { checkToolAuthChallenge, type ToolCallWithoutToken } from '../../../mock-host/checks/resource-server/tool-auth-challenge.ts';
import { jsonRpcSignal } from '../../../mock-host/mcp/jsonrpc-answer.ts';
import type { HttpOutcome } from '../../../mock-host/recorder/exchange.ts';
import { redactBody } from '../../../mock-host/recorder/redact.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

const codes = (drafts: readonly { code: string }[]) => drafts.map((d) => d.code);

test.describe('protected resource metadata', () => {
  const html: PrmFetch = { url: 'https://rs.example/.well-known/oauth-protected-resource/mcp', exchangeId: 'x1', curl: 'curl …', status: 200, contentType: 'text/html' };

  test('a 200 HTML page was reached: PRM_INVALID, not PRM_UNREACHABLE', () => {
    expect(checkPrmReachable({ tried: [html], timeoutMs: 10_000 })).toEqual([]);
    expect(checkPrmValid({ fetch: html })).toMatchObject([{ code: 'PRM_INVALID', evidence: ['x1'] }]);
    expect(codes(checkPrmReachable({ tried: [{ ...html, status: 404 }], timeoutMs: 10_000 }))).toEqual(['PRM_UNREACHABLE']);
  });

  test('an empty authorization_servers is one PRM_INVALID', () => {
    const fetch: PrmFetch = { ...html, contentType: 'application/json', json: { resource: 'https://rs.example/mcp', authorization_servers: [] } };
    const drafts = checkPrmValid({ fetch });
    expect(codes(drafts)).toEqual(['PRM_INVALID']);
    expect(drafts[0]?.message).toContain('authorization_servers');
  });
});

test.describe('AS_CIMD_AUTH_METHOD_MISMATCH', () => {
  const facts = (methods: string[], registration: boolean): AsMetadataFacts => {
    const metadata = {
      issuer: 'https://as.example',
      authorization_endpoint: 'https://as.example/authorize',
      token_endpoint: 'https://as.example/token',
      client_id_metadata_document_supported: true,
      token_endpoint_auth_methods_supported: methods,
      ...(registration ? { registration_endpoint: 'https://as.example/register' } : {}),
    };
    const used = { url: 'https://as.example/.well-known/oauth-authorization-server', kind: 'oauth' as const, exchangeId: 'x2', curl: 'curl …', status: 200, metadata };
    return { issuer: 'https://as.example', tried: [used], used };
  };
  const confidentialOnly = ['client_secret_post', 'client_secret_basic'];

  test('a host with a CIMD gate falls back to DCR: warning; without a registration endpoint: error', () => {
    expect(checkCimdAuthMethods({ ...facts(confidentialOnly, true), documentMethods: ['none'], fallsBackToDcr: true })).toMatchObject([{ code: 'AS_CIMD_AUTH_METHOD_MISMATCH', severity: 'warning' }]);
    expect(checkCimdAuthMethods({ ...facts(confidentialOnly, false), documentMethods: ['none'], fallsBackToDcr: true })).toMatchObject([{ severity: 'error' }]);
  });

  test('a host that uses CIMD whenever advertised (ChatGPT) fails even with a registration endpoint', () => {
    const [d] = checkCimdAuthMethods({ ...facts(confidentialOnly, true), documentMethods: ['none', 'private_key_jwt'], fallsBackToDcr: false });
    expect(d).toMatchObject({ code: 'AS_CIMD_AUTH_METHOD_MISMATCH', severity: 'error' });
    expect(d?.message).toContain('does not fall back');
    expect(checkCimdAuthMethods({ ...facts(['private_key_jwt'], true), documentMethods: ['none', 'private_key_jwt'], fallsBackToDcr: false })).toEqual([]);
  });
});

test.describe('MCP_STALE_SESSION_NOT_404', () => {
  const answer = (kind: StaleSessionAnswer['kind'], status: number | undefined, id: string): StaleSessionAnswer => {
    const outcome: HttpOutcome = {
      exchangeId: id,
      request: { method: 'POST', url: 'https://rs.example/mcp', phase: 'probe', label: 'probe', timeoutMs: 1000, maxBodyBytes: 1000 },
      ...(status === undefined ? { error: { kind: 'network', message: 'reset' } } : { response: { status, headers: {}, body: '', truncated: false, bytes: 0, durationMs: 1 } }),
    };
    return { kind, outcome, curl: `curl # ${id}` };
  };

  test('404 for both passes; another status is a warning citing each wrong answer', () => {
    expect(checkStaleSessionAnswer({ answers: [answer('terminated', 404, 'x1'), answer('unknown', 404, 'x2')] })).toEqual([]);
    expect(checkStaleSessionAnswer({ answers: [answer('terminated', 404, 'x1'), answer('unknown', 400, 'x2')] })).toMatchObject([{ code: 'MCP_STALE_SESSION_NOT_404', severity: 'warning', evidence: ['x2'], reproduce: 'curl # x2' }]);
  });

  test('a 5xx or no answer is an error', () => {
    expect(checkStaleSessionAnswer({ answers: [answer('terminated', 500, 'x1'), answer('unknown', 500, 'x2')] })).toMatchObject([{ severity: 'error', evidence: ['x1', 'x2'] }]);
    expect(checkStaleSessionAnswer({ answers: [answer('unknown', undefined, 'x3')] })).toMatchObject([{ severity: 'error' }]);
  });
});

test.describe('AUTH_CHALLENGE_NOT_HTTP_401', () => {
  const isError = (meta?: Record<string, unknown>) => JSON.stringify({ jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: 'Authentication required: connect your account to use this tool.' }], isError: true, ...(meta ? { _meta: meta } : {}) } });
  const call = (body: string, status = 200, wwwAuthenticate?: string): ToolCallWithoutToken => ({ tool: 'whoami', declaresOAuth: true, status, ...(wwwAuthenticate ? { wwwAuthenticate } : {}), signal: status === 200 ? jsonRpcSignal(body, 'application/json') : {}, exchangeId: 'x4', curl: 'curl …' });
  const toolChallenge = { 'mcp/www_authenticate': ['Bearer resource_metadata="https://rs.example/.well-known/oauth-protected-resource/mcp", error="invalid_token"'] };
  const ok = JSON.stringify({ jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: '{"name":"x"}' }] } });

  test('"Authentication required" in an isError result reads as an auth error', () => {
    expect(jsonRpcSignal(isError(), 'application/json').authError).toContain('Authentication required');
  });

  test('an auth demand in a 200 fails for every host; 401 and plain results pass', () => {
    for (const accepts of [true, false]) {
      expect(checkToolAuthChallenge({ calls: [call(isError())], acceptsToolLevelChallenge: accepts, hostName: 'Host' })).toMatchObject([{ code: 'AUTH_CHALLENGE_NOT_HTTP_401', evidence: ['x4'] }]);
      expect(checkToolAuthChallenge({ calls: [call('', 401)], acceptsToolLevelChallenge: accepts, hostName: 'Host' })).toEqual([]);
      expect(checkToolAuthChallenge({ calls: [call(ok)], acceptsToolLevelChallenge: accepts, hostName: 'Host' })).toEqual([]);
    }
    expect(codes(checkToolAuthChallenge({ calls: [call(ok, 200, 'Bearer realm="x"')], acceptsToolLevelChallenge: false, hostName: 'Host' }))).toEqual(['AUTH_CHALLENGE_NOT_HTTP_401']);
  });

  test("ChatGPT's tool-level challenge passes where the host reads it, and only there", () => {
    expect(checkToolAuthChallenge({ calls: [call(isError(toolChallenge))], acceptsToolLevelChallenge: true, hostName: 'ChatGPT app' })).toEqual([]);
    expect(codes(checkToolAuthChallenge({ calls: [call(isError(toolChallenge))], acceptsToolLevelChallenge: false, hostName: 'Claude connector' }))).toEqual(['AUTH_CHALLENGE_NOT_HTTP_401']);
    const noPointer = { 'mcp/www_authenticate': ['Bearer error="invalid_token"'] };
    expect(codes(checkToolAuthChallenge({ calls: [call(isError(noPointer))], acceptsToolLevelChallenge: true, hostName: 'ChatGPT app' }))).toEqual(['AUTH_CHALLENGE_NOT_HTTP_401']);
  });
});

test('a JSON-RPC error code in an MCP answer stays readable; an OAuth code is still redacted', () => {
  const secrets = new SecretRegistry();
  const redacted = redactBody(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32001, message: 'Unauthorized' } }), 'application/json', secrets);
  expect(redacted).toContain('-32001');
  expect(secrets.redact('JSON-RPC -32001 Unauthorized')).toBe('JSON-RPC -32001 Unauthorized');
  expect(redactBody(JSON.stringify({ code: 'auth-code-123456' }), 'application/json', secrets)).not.toContain('auth-code-123456');
});

test('PRM_AUTHORIZATION_SERVER_UNUSABLE: an error for the entry the host may use, a warning for one it skips', () => {
  const entry = { issuer: 'https://as.example/broken', index: 1, problem: 'its metadata cannot be fetched', exchangeIds: ['x5'] };
  expect(checkAuthorizationServerUsable({ ...entry, usedByHost: false })).toMatchObject([{ code: 'PRM_AUTHORIZATION_SERVER_UNUSABLE', severity: 'warning', evidence: ['x5'] }]);
  expect(checkAuthorizationServerUsable({ ...entry, usedByHost: true })[0]?.message).toContain('never falls back');
  const [unconfirmed] = checkAuthorizationServerUsable({ ...entry, usedByHost: true, pickUnconfirmed: true });
  expect(unconfirmed).toMatchObject({ severity: 'error' });
  expect(unconfirmed?.message).toContain('unconfirmed');
  expect(checkAuthorizationServerUsable({ ...entry, usedByHost: true, problem: undefined })).toEqual([]);
});
