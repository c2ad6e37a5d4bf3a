import { test, expect } from '@playwright/test';
import { checkExpiredChallengeNamesError } from '../../../mock-host/checks/resource-server/expired-challenge.ts';
import { checkOriginValidated } from '../../../mock-host/checks/resource-server/origin-validated.ts';
import { checkScopeChallenge } from '../../../mock-host/checks/resource-server/scope-challenge.ts';
import { checkToolSecuritySchemes, declaredToolScopes, declaresOAuthScheme } from '../../../mock-host/checks/resource-server/tool-security-schemes.ts';
import { checkForeignTokenRefused, checkQueryTokenRefused } from '../../../mock-host/checks/resource-server/token-validation.ts';
import { checkTokensActForTheirUser } from '../../../mock-host/checks/resource-server/user-separation.ts';
import type { HttpOutcome } from '../../../mock-host/recorder/exchange.ts';

const codes = (drafts: readonly { code: string }[]) => drafts.map((d) => d.code);
const outcome = (status: number, headers: Record<string, string> = {}, body = '{}'): HttpOutcome => ({
  exchangeId: 'x1',
  request: { method: 'POST', url: 'https://mcp.example/mcp', headers: {}, phase: 'use', label: 'probe', timeoutMs: 1000, maxBodyBytes: 1000 },
  response: { status, headers: { 'content-type': 'application/json', ...headers }, body, truncated: false, bytes: body.length, durationMs: 1 },
});
const ok = outcome(200, {}, '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-11-25"}}');
const curl = 'curl …';

test.describe('resource server token validation', () => {
  test('a foreign-signed JWT that gets 2xx is RS_ACCEPTS_FOREIGN_TOKEN; a 401 or a 200 auth error is not', () => {
    expect(checkForeignTokenRefused({ outcome: ok, foreignIssuer: 'https://foreign.invalid', curl })).toMatchObject([{ code: 'RS_ACCEPTS_FOREIGN_TOKEN', evidence: ['x1'], reproduce: curl }]);
    expect(checkForeignTokenRefused({ outcome: outcome(401, { 'www-authenticate': 'Bearer error="invalid_token"' }), foreignIssuer: 'x', curl })).toEqual([]);
    expect(checkForeignTokenRefused({ outcome: outcome(200, {}, '{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"Unauthorized"}}'), foreignIssuer: 'x', curl })).toEqual([]);
    expect(checkForeignTokenRefused({ outcome: { exchangeId: 'x2', request: ok.request, error: { kind: 'network', message: 'reset' } }, foreignIssuer: 'x', curl })).toEqual([]);
  });

  test('a token in the query string that gets 2xx is RS_TOKEN_IN_QUERY_ACCEPTED', () => {
    expect(codes(checkQueryTokenRefused({ outcome: ok, curl }))).toEqual(['RS_TOKEN_IN_QUERY_ACCEPTED']);
    expect(checkQueryTokenRefused({ outcome: outcome(401, { 'www-authenticate': 'Bearer resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp"' }), curl })).toEqual([]);
  });

  test('the 401 for an expired token must name error="invalid_token"', () => {
    const without = checkExpiredChallengeNamesError({ outcome: outcome(401, { 'www-authenticate': 'Bearer resource_metadata="https://mcp.example/prm"' }), credential: 'expired', curl });
    expect(without).toMatchObject([{ code: 'EXPIRED_TOKEN_CHALLENGE_NO_ERROR' }]);
    expect(without[0]?.message).toContain('no error parameter');
    expect(codes(checkExpiredChallengeNamesError({ outcome: outcome(401, { 'www-authenticate': 'Bearer error="invalid_request"' }), credential: 'revoked', curl }))).toEqual(['EXPIRED_TOKEN_CHALLENGE_NO_ERROR']);
    expect(checkExpiredChallengeNamesError({ outcome: outcome(401, { 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' }), credential: 'expired', curl })).toEqual([]);
    // No challenge at all is API_401_WITHOUT_CHALLENGE's, another status is API_INVALID_TOKEN_STATUS's.
    expect(checkExpiredChallengeNamesError({ outcome: outcome(401), credential: 'expired', curl })).toEqual([]);
    expect(checkExpiredChallengeNamesError({ outcome: outcome(403, { 'www-authenticate': 'Bearer' }), credential: 'expired', curl })).toEqual([]);
  });
});

test.describe('resource server scope challenge', () => {
  const strict = { terminalWithoutInsufficientScope: true, toolLevelChallenge: false };
  const lenient = { terminalWithoutInsufficientScope: false, toolLevelChallenge: true };
  const run = (o: HttpOutcome, traits = strict) => checkScopeChallenge({ outcome: o, tool: 'purge_notes', missing: ['notes:admin'], traits, curl });

  test('403 with error="insufficient_scope" and scope passes', () => {
    expect(run(outcome(403, { 'www-authenticate': 'Bearer error="insufficient_scope", scope="notes:read notes:admin", resource_metadata="https://x/prm"' }))).toEqual([]);
  });

  test('403 without the challenge: error where the host treats it as terminal, else warning', () => {
    expect(run(outcome(403))).toMatchObject([{ code: 'RS_SCOPE_CHALLENGE_INVALID', severity: 'error' }]);
    expect(run(outcome(403), lenient)).toMatchObject([{ code: 'RS_SCOPE_CHALLENGE_INVALID', severity: 'warning' }]);
    expect(run(outcome(403, { 'www-authenticate': 'Bearer error="insufficient_scope"' }))).toMatchObject([{ severity: 'warning' }]);
  });

  test('401 is a re-link loop (warning), even with an insufficient_scope challenge', () => {
    const [d] = run(outcome(401, { 'www-authenticate': 'Bearer error="insufficient_scope", scope="notes:admin"' }));
    expect(d).toMatchObject({ code: 'RS_SCOPE_CHALLENGE_INVALID', severity: 'warning' });
    expect(d?.message).toContain('re-link');
  });

  test('200 isError fails unless the host reads the tool-level insufficient_scope challenge', () => {
    const body = (meta: boolean) => JSON.stringify({ jsonrpc: '2.0', id: 2, result: { isError: true, content: [{ type: 'text', text: 'needs notes:admin' }], ...(meta ? { _meta: { 'mcp/www_authenticate': ['Bearer error="insufficient_scope", scope="notes:admin"'] } } : {}) } });
    expect(codes(run(outcome(200, {}, body(false)), lenient))).toEqual(['RS_SCOPE_CHALLENGE_INVALID']);
    expect(run(outcome(200, {}, body(true)), lenient)).toEqual([]);
    expect(codes(run(outcome(200, {}, body(true)), strict))).toEqual(['RS_SCOPE_CHALLENGE_INVALID']);
  });

  test('a plain success or another failure is not this check\'s business', () => {
    expect(run(ok)).toEqual([]);
    expect(run(outcome(500))).toEqual([]);
  });
});

test.describe('MCP transport and tools', () => {
  test('a foreign Origin served with 2xx is MCP_ORIGIN_NOT_VALIDATED; 403 passes', () => {
    expect(checkOriginValidated({ outcome: ok, origin: 'https://evil.example', curl })).toMatchObject([{ code: 'MCP_ORIGIN_NOT_VALIDATED', evidence: ['x1'] }]);
    expect(checkOriginValidated({ outcome: outcome(403), origin: 'https://evil.example', curl })).toEqual([]);
    expect(checkOriginValidated({ outcome: outcome(200, {}, '{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"Forbidden origin"}}'), origin: 'https://evil.example', curl })).toEqual([]);
  });

  test('a tool that demands auth without an oauth2 scheme is TOOL_SECURITY_SCHEMES_MISSING', () => {
    const call = (tool: string, declaresOAuth: boolean, demandedAuth: boolean) => ({ tool, declaresOAuth, demandedAuth, exchangeId: `x-${tool}`, curl });
    const drafts = checkToolSecuritySchemes({ calls: [call('whoami', false, true), call('public', false, false), call('notes', true, true), call('list', false, true)] });
    expect(drafts).toMatchObject([{ code: 'TOOL_SECURITY_SCHEMES_MISSING', evidence: ['x-whoami', 'x-list'] }]);
    expect(drafts[0]?.message).toContain('whoami, list demand');
    expect(checkToolSecuritySchemes({ calls: [call('public', false, false), call('notes', true, true)] })).toEqual([]);
  });

  test('securitySchemes are read at the top level or in _meta', () => {
    expect(declaresOAuthScheme({ name: 'a', securitySchemes: [{ type: 'oauth2', scopes: ['r'] }] })).toBe(true);
    expect(declaresOAuthScheme({ name: 'a', _meta: { securitySchemes: [{ type: 'noauth' }, { type: 'oauth2' }] } })).toBe(true);
    expect(declaresOAuthScheme({ name: 'a', _meta: { securitySchemes: [{ type: 'noauth' }] } })).toBe(false);
    expect(declaresOAuthScheme({ name: 'a' })).toBe(false);
    expect(declaredToolScopes({ _meta: { securitySchemes: [{ type: 'oauth2', scopes: ['notes:admin', 1] }] } })).toEqual(['notes:admin']);
  });
});

test.describe('users', () => {
  const answer = (account: 1 | 2, username: string, body: string) => ({ account, username, tool: 'whoami', body, exchangeId: `x${account}`, curl });

  test("a token answering with the other account's identity is TOKEN_USER_CONFUSION", () => {
    const drafts = checkTokensActForTheirUser({ answers: [answer(1, 'demo@example.com', '{"username":"demo@example.com"}'), answer(2, 'second@example.com', '{"username":"demo@example.com"}')] });
    expect(drafts).toMatchObject([{ code: 'TOKEN_USER_CONFUSION', evidence: ['x2'] }]);
    expect(drafts[0]?.message).not.toContain('example.com');
  });

  test('answers naming their own account, both accounts, or neither pass', () => {
    expect(checkTokensActForTheirUser({ answers: [answer(1, 'demo@example.com', '{"username":"demo@example.com"}'), answer(2, 'second@example.com', '{"username":"Second@Example.com"}')] })).toEqual([]);
    expect(checkTokensActForTheirUser({ answers: [answer(1, 'demo@example.com', '{"notes":[]}'), answer(2, 'second@example.com', '{"notes":[]}')] })).toEqual([]);
    expect(checkTokensActForTheirUser({ answers: [answer(2, 'second@example.com', 'second@example.com shares with demo@example.com'), answer(1, 'demo@example.com', '{}')] })).toEqual([]);
  });
});
