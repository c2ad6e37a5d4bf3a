import { test, expect } from '@playwright/test';
import { describeAnswer, mcpAnswerAccepted } from '../../../mock-host/checks/resource-server/answer-accepted.ts';
import { checkChallengePointsAtMetadata } from '../../../mock-host/checks/resource-server/challenge.ts';
import { checkExpiredChallengeNamesError } from '../../../mock-host/checks/resource-server/expired-challenge.ts';
import { checkPrmNoOfflineAccess, checkPrmReachable, checkPrmResource, checkPrmValid, checkPrmWellKnownForms, type PrmFetch } from '../../../mock-host/checks/resource-server/protected-resource-metadata.ts';
import { checkOriginValidated } from '../../../mock-host/checks/resource-server/origin-validated.ts';
import { checkScopeChallenge } from '../../../mock-host/checks/resource-server/scope-challenge.ts';
import { checkStaleSessionAnswer } from '../../../mock-host/checks/resource-server/stale-session.ts';
import { checkForeignTokenRefused, checkQueryTokenRefused } from '../../../mock-host/checks/resource-server/token-validation.ts';
import { checkToolAuthChallenge, type ToolCallWithoutToken } from '../../../mock-host/checks/resource-server/tool-auth-challenge.ts';
import { checkToolSecuritySchemes, declaredToolScopes, declaresOAuthScheme } from '../../../mock-host/checks/resource-server/tool-security-schemes.ts';
import { checkUnauthenticatedAnswer } from '../../../mock-host/checks/resource-server/unauthenticated-answer.ts';
import { checkTokensActForTheirUser } from '../../../mock-host/checks/resource-server/user-separation.ts';
import { parseWwwAuthenticate } from '../../../mock-host/oauth/www-authenticate.ts';
import type { HttpOutcome } from '../../../mock-host/recorder/exchange.ts';

// Whole drafts (code, severity, message, fix, evidence, reproduce) of the resource-server checks, so that a changed
// bound, branch or sentence fails a test (issue 14's mutation score).
const request: HttpOutcome['request'] = { method: 'POST', url: 'https://mcp.example/mcp', headers: {}, phase: 'use', label: 'probe', timeoutMs: 1000, maxBodyBytes: 1000 };
const outcome = (status: number, headers: Record<string, string> = {}, body = '{}', contentType = 'application/json'): HttpOutcome => ({
  exchangeId: 'x1',
  request,
  response: { status, headers: { 'content-type': contentType, ...headers }, body, truncated: false, bytes: body.length, durationMs: 1 },
});
const noAnswer = (kind: 'network' | 'timeout' = 'network', id = 'x1'): HttpOutcome => ({ exchangeId: id, request, error: { kind, message: 'reset' } });
const ok = outcome(200, {}, '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-11-25"}}');
const authErrorBody = '{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"Unauthorized"}}';
const plainErrorBody = '{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"Forbidden origin"}}';
const curl = 'curl …';
const cite = { evidence: ['x1'], reproduce: curl };

test.describe('answer-accepted', () => {
  test('only 2xx without an auth error counts as let through', () => {
    expect(mcpAnswerAccepted(ok)).toBe(true);
    expect(mcpAnswerAccepted(outcome(200, {}, authErrorBody))).toBe(false);
    expect(mcpAnswerAccepted(outcome(299))).toBe(true);
    expect(mcpAnswerAccepted(outcome(300))).toBe(false);
    expect(mcpAnswerAccepted(outcome(199))).toBe(false);
    expect(mcpAnswerAccepted(noAnswer())).toBe(false);
    // The content type decides how the body is read: an SSE stream's data lines carry the error.
    expect(mcpAnswerAccepted(outcome(200, {}, `event: message\ndata: ${authErrorBody}\n\n`, 'text/event-stream'))).toBe(false);
  });

  test('an answer reads as its status, or why there was none', () => {
    expect(describeAnswer(outcome(401))).toBe('401');
    expect(describeAnswer(noAnswer('timeout'))).toBe('no answer (timeout)');
    expect(describeAnswer({ exchangeId: 'x1', request })).toBe('no answer (network)');
  });
});

test.describe('challenge points at metadata', () => {
  const [challenge] = parseWwwAuthenticate('Bearer resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp"');
  const run = (status: number, header?: string) => {
    const [c] = header === undefined ? [] : parseWwwAuthenticate(header);
    return checkChallengePointsAtMetadata({ status, ...(c ? { challenge: c } : {}), exchangeId: 'x1', curl });
  };

  test('a 401 naming an absolute http(s) metadata URL passes; any other status is not judged', () => {
    expect(checkChallengePointsAtMetadata({ status: 401, ...(challenge ? { challenge } : {}), exchangeId: 'x1', curl })).toEqual([]);
    expect(run(401, 'Bearer resource_metadata="http://127.0.0.1:4000/prm"')).toEqual([]);
    expect(run(403)).toEqual([]);
    expect(run(200, 'Bearer')).toEqual([]);
  });

  test('no challenge at all is API_401_WITHOUT_CHALLENGE', () => {
    expect(run(401)).toEqual([{
      code: 'API_401_WITHOUT_CHALLENGE',
      message: 'the 401 to the unauthenticated MCP request has no WWW-Authenticate: Bearer challenge',
      fix: 'Send WWW-Authenticate: Bearer resource_metadata="<origin>/.well-known/oauth-protected-resource<path>" with every 401 (RFC 6750 §3, RFC 9728 §5.1).',
      ...cite,
    }]);
  });

  test('a missing, relative or non-http pointer is CHALLENGE_NO_RESOURCE_METADATA', () => {
    const fix = 'Add resource_metadata="<absolute URL of your protected resource metadata>" to the Bearer challenge of every 401.';
    expect(run(401, 'Bearer realm="mcp"')).toEqual([{ code: 'CHALLENGE_NO_RESOURCE_METADATA', message: 'the 401 Bearer challenge has no resource_metadata parameter; hosts must guess the metadata URL', fix, ...cite }]);
    expect(run(401, 'Bearer resource_metadata="/.well-known/oauth-protected-resource"')).toEqual([
      { code: 'CHALLENGE_NO_RESOURCE_METADATA', message: 'the challenge\'s resource_metadata "/.well-known/oauth-protected-resource" is not an absolute http(s) URL', fix, ...cite },
    ]);
    expect(run(401, 'Bearer resource_metadata="ftp://mcp.example/prm"')[0]?.message).toBe('the challenge\'s resource_metadata "ftp://mcp.example/prm" is not an absolute http(s) URL');
    // The scheme must be http or https exactly, not merely contain it.
    expect(run(401, 'Bearer resource_metadata="xhttps://mcp.example/prm"')).toHaveLength(1);
    expect(run(401, 'Bearer resource_metadata="httpsx://mcp.example/prm"')).toHaveLength(1);
    const long = `https:${'a'.repeat(300)}`;
    expect(run(401, `Bearer resource_metadata="${'/'.repeat(1)}${long}"`)[0]?.message).toBe(`the challenge's resource_metadata "${`/${long}`.slice(0, 200)}" is not an absolute http(s) URL`);
  });
});

test.describe('expired token challenge', () => {
  test('the whole draft names the credential and what the challenge had', () => {
    const fix = 'Answer an expired or revoked token with 401 and WWW-Authenticate: Bearer error="invalid_token", error_description="…", resource_metadata="…" (RFC 6750 §3.1).';
    expect(checkExpiredChallengeNamesError({ outcome: outcome(401, { 'www-authenticate': 'Bearer realm="x"' }), credential: 'expired', curl })).toEqual([
      { code: 'EXPIRED_TOKEN_CHALLENGE_NO_ERROR', message: 'the 401 for the expired access token has no error parameter in its Bearer challenge (expected error="invalid_token")', fix, ...cite },
    ]);
    const long = 'e'.repeat(100);
    expect(checkExpiredChallengeNamesError({ outcome: outcome(401, { 'www-authenticate': `Bearer error="${long}"` }), credential: 'revoked', curl })).toEqual([
      { code: 'EXPIRED_TOKEN_CHALLENGE_NO_ERROR', message: `the 401 for the revoked access token has error="${'e'.repeat(60)}" in its Bearer challenge (expected error="invalid_token")`, fix, ...cite },
    ]);
    expect(checkExpiredChallengeNamesError({ outcome: noAnswer(), credential: 'expired', curl })).toEqual([]);
  });
});

test.describe('origin validated', () => {
  test('the whole draft, and the 2xx bounds', () => {
    expect(checkOriginValidated({ outcome: ok, origin: 'https://evil.example', curl })).toEqual([{
      code: 'MCP_ORIGIN_NOT_VALIDATED',
      message: 'an MCP request with a valid token and Origin: https://evil.example answered 200',
      fix: 'Validate the Origin header of every MCP request: a present Origin that is not yours (or a host web app you serve) gets 403 (DNS-rebinding defence of the Streamable HTTP transport). Requests without Origin, as hosts send from their backends, stay allowed.',
      ...cite,
    }]);
    expect(checkOriginValidated({ outcome: outcome(299), origin: 'o', curl })).toHaveLength(1);
    expect(checkOriginValidated({ outcome: outcome(300), origin: 'o', curl })).toEqual([]);
    expect(checkOriginValidated({ outcome: outcome(199), origin: 'o', curl })).toEqual([]);
    expect(checkOriginValidated({ outcome: noAnswer(), origin: 'o', curl })).toEqual([]);
    // Any JSON-RPC error refuses, whatever the content type says the body is.
    expect(checkOriginValidated({ outcome: outcome(200, {}, `data: ${plainErrorBody}\n\n`, 'text/event-stream'), origin: 'o', curl })).toEqual([]);
  });
});

test.describe('scope challenge', () => {
  const strict = { terminalWithoutInsufficientScope: true, toolLevelChallenge: false };
  const lenient = { terminalWithoutInsufficientScope: false, toolLevelChallenge: true };
  const run = (o: HttpOutcome, traits = strict) => checkScopeChallenge({ outcome: o, tool: 'purge_notes', missing: ['notes:admin', 'notes:write'], traits, curl });
  const FIX = 'Answer a valid token that lacks a tool\'s scope with HTTP 403 and WWW-Authenticate: Bearer error="insufficient_scope", scope="<every scope the call needs>", resource_metadata="…" (RFC 6750 §3.1, MCP scope challenge handling); keep 401 for missing, invalid or expired tokens.';
  const lacking = 'a valid token without notes:admin notes:write';

  test('401, with and without insufficient_scope', () => {
    expect(run(outcome(401, { 'www-authenticate': 'Bearer error="insufficient_scope", scope="notes:admin"' }))).toEqual([
      { code: 'RS_SCOPE_CHALLENGE_INVALID', severity: 'warning', message: `purge_notes answered 401 (with error="insufficient_scope") to ${lacking}: hosts read 401 as a dead token and re-link in a loop`, fix: FIX, ...cite },
    ]);
    expect(run(outcome(401, { 'www-authenticate': 'Bearer error="invalid_token"' }))[0]?.message).toBe(`purge_notes answered 401 to ${lacking}: hosts read 401 as a dead token and re-link in a loop`);
    // insufficient_scope on another scheme is not the Bearer challenge's.
    expect(run(outcome(401, { 'www-authenticate': 'DPoP error="insufficient_scope"' }))[0]?.message).toBe(`purge_notes answered 401 to ${lacking}: hosts read 401 as a dead token and re-link in a loop`);
  });

  test('403 without the insufficient_scope challenge', () => {
    expect(run(outcome(403))).toEqual([{
      code: 'RS_SCOPE_CHALLENGE_INVALID',
      severity: 'error',
      message: `purge_notes answered 403 to ${lacking} without a WWW-Authenticate: Bearer challenge: the host cannot step up and treats the refusal as final`,
      fix: FIX,
      ...cite,
    }]);
    expect(run(outcome(403, { 'www-authenticate': 'Bearer realm="x"' }), lenient)).toEqual([{
      code: 'RS_SCOPE_CHALLENGE_INVALID',
      severity: 'warning',
      message: `purge_notes answered 403 to ${lacking} with no error parameter: the host cannot step up`,
      fix: FIX,
      ...cite,
    }]);
    expect(run(outcome(403, { 'www-authenticate': `Bearer error="${'q'.repeat(80)}"` }), lenient)[0]?.message).toBe(`purge_notes answered 403 to ${lacking} with error="${'q'.repeat(60)}": the host cannot step up`);
  });

  test('403 insufficient_scope without scope, and with it', () => {
    expect(run(outcome(403, { 'www-authenticate': 'Bearer error="insufficient_scope"' }))).toEqual([
      { code: 'RS_SCOPE_CHALLENGE_INVALID', severity: 'warning', message: 'purge_notes\'s 403 insufficient_scope challenge names no scope="…": the host does not know what to ask for', fix: FIX, ...cite },
    ]);
    expect(run(outcome(403, { 'www-authenticate': 'Bearer error="insufficient_scope", scope="notes:admin"' }))).toEqual([]);
  });

  test('2xx with an error in the body', () => {
    const isError = (text: string, meta?: string[]) => JSON.stringify({ jsonrpc: '2.0', id: 2, result: { isError: true, content: [{ type: 'text', text }], ...(meta ? { _meta: { 'mcp/www_authenticate': meta } } : {}) } });
    expect(run(outcome(200, {}, isError('needs notes:admin')), lenient)).toEqual([
      { code: 'RS_SCOPE_CHALLENGE_INVALID', severity: 'warning', message: `purge_notes answered 200 with an error in the body (needs notes:admin) to ${lacking}: hosts step up only on HTTP 403 insufficient_scope`, fix: FIX, ...cite },
    ]);
    expect(run(outcome(200, {}, plainErrorBody))[0]?.message).toBe(`purge_notes answered 200 with an error in the body (-32000 Forbidden origin) to ${lacking}: hosts step up only on HTTP 403 insufficient_scope`);
    expect(run(outcome(299, {}, isError('x'.repeat(150))))[0]?.message).toBe(`purge_notes answered 299 with an error in the body (${'x'.repeat(120)}) to ${lacking}: hosts step up only on HTTP 403 insufficient_scope`);
    // A tool-level challenge counts only for a Bearer insufficient_scope, and only where the host reads it.
    expect(run(outcome(200, {}, isError('no', ['Bearer error="insufficient_scope", scope="notes:admin"'])), lenient)).toEqual([]);
    expect(run(outcome(200, {}, isError('no', ['Bearer error="invalid_token"'])), lenient)).toHaveLength(1);
    expect(run(outcome(200, {}, isError('no', ['DPoP error="insufficient_scope"'])), lenient)).toHaveLength(1);
    expect(run(outcome(300, {}, plainErrorBody))).toEqual([]);
    expect(run(outcome(199, {}, plainErrorBody))).toEqual([]);
    expect(run(noAnswer())).toEqual([]);
  });
});

test.describe('stale session', () => {
  const answer = (kind: 'unknown' | 'terminated', o: HttpOutcome, c = curl) => ({ kind, outcome: o, curl: c });
  const FIX = 'Answer a request whose Mcp-Session-Id is unknown or terminated (expired, deleted, lost in a restart or on another instance) with HTTP 404, so the client re-initializes.';
  const at = (status: number, id: string) => ({ ...outcome(status), exchangeId: id });

  test('404 for both passes', () => {
    expect(checkStaleSessionAnswer({ answers: [answer('unknown', at(404, 'a')), answer('terminated', at(404, 'b'))] })).toEqual([]);
    expect(checkStaleSessionAnswer({ answers: [] })).toEqual([]);
  });

  test('another 4xx is a warning, one finding for all answers', () => {
    expect(checkStaleSessionAnswer({ answers: [answer('unknown', at(400, 'a'), 'curl a'), answer('terminated', at(499, 'b'), 'curl b')] })).toEqual([{
      code: 'MCP_STALE_SESSION_NOT_404',
      severity: 'warning',
      message: 'with a valid token, a session id the server never issued got 400; the session id the host had ended got 499 instead of 404; hosts open a new MCP session only on 404',
      fix: FIX,
      evidence: ['a', 'b'],
      reproduce: 'curl a',
    }]);
  });

  test('a 5xx or no answer is an error', () => {
    expect(checkStaleSessionAnswer({ answers: [answer('unknown', at(404, 'a'), 'curl a'), answer('terminated', at(500, 'b'), 'curl b')] })).toEqual([{
      code: 'MCP_STALE_SESSION_NOT_404',
      severity: 'error',
      message: 'with a valid token, the session id the host had ended got 500 instead of 404; hosts open a new MCP session only on 404, and give up on a server error',
      fix: FIX,
      evidence: ['b'],
      reproduce: 'curl b',
    }]);
    expect(checkStaleSessionAnswer({ answers: [answer('unknown', noAnswer('timeout', 'n'))] })[0]).toMatchObject({
      severity: 'error',
      message: 'with a valid token, a session id the server never issued got no answer (timeout) instead of 404; hosts open a new MCP session only on 404, and give up on a server error',
    });
    expect(checkStaleSessionAnswer({ answers: [answer('unknown', { exchangeId: 'n', request })] })[0]?.message).toContain('got no answer (network) instead');
  });
});

test.describe('token validation', () => {
  test('foreign and query tokens: whole drafts', () => {
    expect(checkForeignTokenRefused({ outcome: ok, foreignIssuer: 'https://foreign.invalid', curl })).toEqual([{
      code: 'RS_ACCEPTS_FOREIGN_TOKEN',
      message: 'the MCP endpoint answered 200 to a JWT signed by an unknown key with iss "https://foreign.invalid" (audience and claims copied from the real token)',
      fix: 'Verify every access token against your authorization server: the signature with its JWKS (or introspection), iss equal to its issuer, aud equal to this MCP server. Never accept a token only because it decodes.',
      ...cite,
    }]);
    expect(checkQueryTokenRefused({ outcome: outcome(204, {}, '') , curl })).toEqual([{
      code: 'RS_TOKEN_IN_QUERY_ACCEPTED',
      message: 'the MCP endpoint answered 204 to a request with the valid access token in ?access_token= and no Authorization header',
      fix: 'Read the access token from the Authorization: Bearer header only (MCP authorization: tokens MUST NOT be in the URI); query strings end up in logs and browser history.',
      ...cite,
    }]);
    expect(checkQueryTokenRefused({ outcome: outcome(200, {}, authErrorBody), curl })).toEqual([]);
  });
});

test.describe('tool auth challenge', () => {
  const call = (tool: string, over: Partial<ToolCallWithoutToken> = {}): ToolCallWithoutToken => ({ tool, declaresOAuth: true, status: 200, signal: {}, exchangeId: `x-${tool}`, curl: `curl ${tool}`, ...over });
  const chatgptFix = 'Answer a call that needs a token with HTTP 401 and WWW-Authenticate: Bearer resource_metadata="…", or (ChatGPT mixed auth) an isError result with _meta["mcp/www_authenticate"]: ["Bearer resource_metadata=\\"…\\", error=\\"invalid_token\\""] on a tool declaring an oauth2 security scheme.';
  const plainFix = 'Answer a call that needs a token with HTTP 401 and WWW-Authenticate: Bearer resource_metadata="…"; an auth error inside a 200 gives no sign-in prompt.';

  test('an auth error in a 200 body, for a host that wants HTTP 401', () => {
    const drafts = checkToolAuthChallenge({
      calls: [call('whoami', { signal: { authError: `Unauthorized ${'u'.repeat(200)}` } }), call('list', { status: 401 }), call('public'), call('notes', { status: 204, wwwAuthenticate: 'Bearer' })],
      acceptsToolLevelChallenge: false,
      hostName: 'Claude',
    });
    expect(drafts).toEqual([{
      code: 'AUTH_CHALLENGE_NOT_HTTP_401',
      message: `tools/call whoami, notes without a token answered 200 with an auth error in the body (${`Unauthorized ${'u'.repeat(200)}`.slice(0, 120)}); Claude starts its sign-in only on HTTP 401`,
      fix: plainFix,
      evidence: ['x-whoami', 'x-notes'],
      reproduce: 'curl whoami',
    }]);
  });

  test('WWW-Authenticate on a 2xx; the status bounds; no answer', () => {
    expect(checkToolAuthChallenge({ calls: [call('notes', { status: 299, wwwAuthenticate: 'Bearer' })], acceptsToolLevelChallenge: false, hostName: 'Claude' })[0]?.message).toBe(
      'tools/call notes without a token answered 299 with WWW-Authenticate on a 299; Claude starts its sign-in only on HTTP 401',
    );
    const bad = { wwwAuthenticate: 'Bearer', signal: { authError: 'x' } };
    for (const status of [199, 300, 401]) expect(checkToolAuthChallenge({ calls: [call('notes', { ...bad, status })], acceptsToolLevelChallenge: false, hostName: 'Claude' })).toEqual([]);
    const { status: _none, ...unanswered } = call('notes', bad);
    expect(checkToolAuthChallenge({ calls: [unanswered], acceptsToolLevelChallenge: false, hostName: 'Claude' })).toEqual([]);
  });

  test('ChatGPT: a usable tool-level challenge passes, an isError without one fails with the _meta hint', () => {
    const usable = { toolError: 'sign in', authError: 'sign in', toolChallenge: ['Bearer resource_metadata="https://mcp.example/prm", error="invalid_token"'] };
    expect(checkToolAuthChallenge({ calls: [call('whoami', { signal: usable })], acceptsToolLevelChallenge: true, hostName: 'ChatGPT' })).toEqual([]);
    expect(checkToolAuthChallenge({ calls: [call('whoami', { signal: { ...usable, toolChallenge: ['  bearer resource_metadata = "x"'] } })], acceptsToolLevelChallenge: true, hostName: 'ChatGPT' })).toEqual([]);
    // Not usable: another scheme, no resource_metadata, or a scheme that only starts like bearer.
    for (const challenge of ['Basic resource_metadata="x"', 'Bearer error="invalid_token"', 'Bearerx resource_metadata="x"', 'Bearer x_resource_metadata="x"', 'x Bearer resource_metadata="x"']) {
      expect(checkToolAuthChallenge({ calls: [call('whoami', { signal: { ...usable, toolChallenge: [challenge] } })], acceptsToolLevelChallenge: true, hostName: 'ChatGPT' })).toHaveLength(1);
    }
    expect(checkToolAuthChallenge({ calls: [call('whoami', { signal: { toolError: 'sign in', authError: 'sign in' } })], acceptsToolLevelChallenge: true, hostName: 'ChatGPT' })).toEqual([{
      code: 'AUTH_CHALLENGE_NOT_HTTP_401',
      message: 'tools/call whoami without a token answered 200 with an auth error in the body (sign in), and no _meta["mcp/www_authenticate"] challenge naming resource_metadata; ChatGPT starts its sign-in only on HTTP 401',
      fix: chatgptFix,
      evidence: ['x-whoami'],
      reproduce: 'curl whoami',
    }]);
    // The usable challenge is ignored by a host that does not read it.
    expect(checkToolAuthChallenge({ calls: [call('whoami', { signal: usable })], acceptsToolLevelChallenge: false, hostName: 'Claude' })[0]?.message).toBe(
      'tools/call whoami without a token answered 200 with an auth error in the body (sign in); Claude starts its sign-in only on HTTP 401',
    );
    // A JSON-RPC auth error (no isError result) gets no _meta hint.
    expect(checkToolAuthChallenge({ calls: [call('whoami', { signal: { authError: '-32001 Unauthorized', error: '-32001 Unauthorized' } })], acceptsToolLevelChallenge: true, hostName: 'ChatGPT' })[0]?.message).toBe(
      'tools/call whoami without a token answered 200 with an auth error in the body (-32001 Unauthorized); ChatGPT starts its sign-in only on HTTP 401',
    );
  });
});

test.describe('tool security schemes', () => {
  const call = (tool: string, declaresOAuth: boolean, demandedAuth: boolean) => ({ tool, declaresOAuth, demandedAuth, exchangeId: `x-${tool}`, curl: `curl ${tool}` });
  const fix = 'Give every tool that needs the user securitySchemes: [{ type: "oauth2", scopes: [...] }] (in _meta for SDKs without the field), and noauth tools [{ type: "noauth" }], so ChatGPT offers to link the account.';

  test('one tool and several tools: whole drafts', () => {
    expect(checkToolSecuritySchemes({ calls: [call('public', false, false), call('whoami', false, true)] })).toEqual([{
      code: 'TOOL_SECURITY_SCHEMES_MISSING',
      message: 'tools/list answers without a token, but whoami demands a sign-in when called and declares no securitySchemes entry of type "oauth2": ChatGPT shows no link UI',
      fix,
      evidence: ['x-whoami'],
      reproduce: 'curl whoami',
    }]);
    expect(checkToolSecuritySchemes({ calls: [call('whoami', false, true), call('list', false, true)] })[0]?.message).toBe(
      'tools/list answers without a token, but whoami, list demand a sign-in when called and declare no securitySchemes entry of type "oauth2": ChatGPT shows no link UI',
    );
  });

  test('declared schemes and scopes, top level and _meta', () => {
    expect(declaresOAuthScheme(null)).toBe(false);
    expect(declaresOAuthScheme('oauth2')).toBe(false);
    expect(declaresOAuthScheme({ securitySchemes: { type: 'oauth2' } })).toBe(false);
    expect(declaresOAuthScheme({ securitySchemes: [null, 'oauth2'] })).toBe(false);
    expect(declaresOAuthScheme({ securitySchemes: [{ type: 'noauth' }], _meta: { securitySchemes: [{ type: 'oauth2' }] } })).toBe(true);
    expect(declaredToolScopes(null)).toEqual([]);
    expect(declaredToolScopes('x')).toEqual([]);
    expect(declaredToolScopes({
      securitySchemes: [{ type: 'oauth2', scopes: ['notes:read', 'notes:write'] }, { type: 'noauth', scopes: ['ignored'] }, null, { type: 'oauth2', scopes: 'notes:all' }],
      _meta: { securitySchemes: [{ type: 'oauth2', scopes: ['notes:read', 'notes:admin'] }] },
    })).toEqual(['notes:read', 'notes:write', 'notes:admin']);
    expect(declaredToolScopes({ securitySchemes: { type: 'oauth2', scopes: ['x'] } })).toEqual([]);
  });
});

test.describe('unauthenticated answer', () => {
  const run = (o: HttpOutcome) => checkUnauthenticatedAnswer({ outcome: o, method: 'initialize', curl });

  test('401 passes; every other answer has its own draft', () => {
    expect(run(outcome(401))).toEqual([]);
    expect(run(noAnswer('timeout'))).toEqual([{
      code: 'MCP_UNAUTHENTICATED_NOT_401',
      message: 'the initialize request without a token got no answer (timeout: reset)',
      fix: 'Make the MCP endpoint reachable from the host, and answer requests without a token with 401 and a Bearer challenge.',
      ...cite,
    }]);
    expect(run(ok)).toEqual([{
      code: 'MCP_UNAUTHENTICATED_NOT_401',
      severity: 'info',
      message: 'initialize without a token answered 200: the server lets the host in without signing in (no auth, or auth per tool)',
      fix: 'Nothing to fix when the server needs no sign-in; otherwise answer 401 with a Bearer challenge so the host starts its OAuth flow.',
      ...cite,
    }]);
    expect(run(outcome(299))[0]?.severity).toBe('info');
    expect(run(outcome(200, {}, authErrorBody))).toEqual([{
      code: 'MCP_UNAUTHENTICATED_NOT_401',
      message: 'initialize without a token answered 200 with an auth error in the body (-32001 Unauthorized); hosts start their sign-in only on HTTP 401',
      fix: 'Answer a request without a valid token with HTTP 401 and WWW-Authenticate: Bearer resource_metadata="…", not a JSON-RPC error.',
      ...cite,
    }]);
    const other = { fix: 'Answer a request without a valid token with HTTP 401 and WWW-Authenticate: Bearer resource_metadata="…" (403 is for insufficient scope; redirects and 5xx stop the host).', ...cite };
    expect(run(outcome(302))).toEqual([{ code: 'MCP_UNAUTHENTICATED_NOT_401', message: 'initialize without a token answered 302 instead of 401', ...other }]);
    expect(run(outcome(300))).toEqual([{ code: 'MCP_UNAUTHENTICATED_NOT_401', message: 'initialize without a token answered 300 instead of 401', ...other }]);
    expect(run(outcome(199))).toEqual([{ code: 'MCP_UNAUTHENTICATED_NOT_401', message: 'initialize without a token answered 199 instead of 401', ...other }]);
    // An SSE answer's auth error counts too.
    expect(run(outcome(200, {}, `data: ${authErrorBody}\n\n`, 'text/event-stream'))[0]?.severity).toBeUndefined();
  });
});

test.describe('user separation', () => {
  const answer = (account: 1 | 2, username: string, body: string, tool = 'whoami') => ({ account, username, tool, body, exchangeId: `x${account}${tool}`, curl: `curl ${account}` });

  test('the whole draft, both directions', () => {
    expect(checkTokensActForTheirUser({
      answers: [answer(1, 'demo@example.com', '{"user":"SECOND@example.com"}'), answer(2, 'second@example.com', '{"user":"demo@example.com"}', 'notes')],
    })).toEqual([{
      code: 'TOKEN_USER_CONFUSION',
      message: "one account's token acts as the other: whoami with test account 1's token answered as test account 2; notes with test account 2's token answered as test account 1 (the answer names the other account's login name, not the caller's)",
      fix: 'Derive the user of every request from the validated access token (its sub), never from a session, cookie, cache or default user; check the object-level authorization of every tool.',
      evidence: ['x1whoami', 'x2notes'],
      reproduce: 'curl 1',
    }]);
  });

  test('names shorter than three characters decide nothing; the same name in another case is the caller', () => {
    expect(checkTokensActForTheirUser({ answers: [answer(1, 'ab', '{"user":"cd"}'), answer(2, 'cd', '{"user":"ab"}')] })).toEqual([]);
    expect(checkTokensActForTheirUser({ answers: [answer(1, 'abc', '{"user":"xyz"}'), answer(2, 'xyz', '{"user":"abc"}')] })).toHaveLength(1);
    expect(checkTokensActForTheirUser({ answers: [answer(1, 'Demo', '{"user":"demo"}'), answer(1, 'demo', '{"user":"demo"}')] })).toEqual([]);
  });
});

test.describe('protected resource metadata', () => {
  const f = (url: string, over: Partial<PrmFetch> = {}): PrmFetch => ({ url, exchangeId: `x-${url.length}`, curl: `curl ${url}`, ...over });
  const path = 'https://rs.example/.well-known/oauth-protected-resource/mcp';
  const root = 'https://rs.example/.well-known/oauth-protected-resource';
  const reachFix = 'Serve RFC 9728 metadata as application/json at /.well-known/oauth-protected-resource<path of the MCP URL> (and at the root for clients that try it), and point at it from the 401 challenge.';

  test('unreachable: every try in the message, the wait only after a timeout', () => {
    const tried = [f(path, { status: 404 }), f(root, { error: 'timeout after 10000 ms' })];
    expect(checkPrmReachable({ tried, timeoutMs: 10_000 })).toEqual([{
      code: 'PRM_UNREACHABLE',
      message: `no protected resource metadata the host can read: ${path} → 404; ${root} → timeout after 10000 ms (the host waits 10 s)`,
      fix: reachFix,
      evidence: [`x-${path.length}`, `x-${root.length}`],
      reproduce: `curl ${root}`,
    }]);
    expect(checkPrmReachable({ tried: [f(path, { error: 'network: reset' }), f(root)], timeoutMs: 10_000 })[0]?.message).toBe(
      `no protected resource metadata the host can read: ${path} → network: reset; ${root} → no answer`,
    );
    expect(checkPrmReachable({ tried: [], timeoutMs: 10_000 })).toEqual([]);
    expect(checkPrmReachable({ tried: [f(path, { status: 404 }), f(root, { status: 200 })], timeoutMs: 10_000 })).toEqual([]);
  });

  test('invalid: not JSON, wrong content type, missing members', () => {
    const cited = { evidence: [`x-${path.length}`], reproduce: `curl ${path}` };
    expect(checkPrmValid({ fetch: f(path, { status: 200, contentType: 'text/html' }) })).toEqual([
      { code: 'PRM_INVALID', message: `${path} answered 200 text/html that is not a JSON object`, fix: 'Serve the metadata as a JSON object with Content-Type: application/json.', ...cited },
    ]);
    expect(checkPrmValid({ fetch: f(path, { status: 200 }) })[0]?.message).toBe(`${path} answered 200 without a Content-Type that is not a JSON object`);
    expect(checkPrmValid({ fetch: f(path, { status: 404, json: {} }) })).toEqual([]);
    expect(checkPrmValid({ fetch: f(path, { status: 200, json: { resource: '', authorization_servers: ['https://as.example', 'not a url'] } }) })).toEqual([
      { code: 'PRM_INVALID', message: `${path} is JSON but served as no Content-Type`, fix: 'Serve the metadata with Content-Type: application/json.', ...cited },
      { code: 'PRM_INVALID', message: 'the metadata has no resource (the MCP URL it describes)', fix: 'Add "resource": "<the MCP URL exactly as users enter it>".', ...cited },
      { code: 'PRM_INVALID', message: 'the metadata has no non-empty authorization_servers list of issuer URLs', fix: 'Add "authorization_servers": ["<issuer of your authorization server>"] (the issuer exactly as its metadata states it).', ...cited },
    ]);
    expect(checkPrmValid({ fetch: f(path, { status: 200, contentType: 'application/json; charset=utf-8', json: { resource: 'https://rs.example/mcp', authorization_servers: ['https://as.example'] } }) })[0]?.message).toBe(
      `${path} is JSON but served as application/json; charset=utf-8`,
    );
    const valid = { status: 200, contentType: 'application/json', json: { resource: 'https://rs.example/mcp', authorization_servers: ['https://as.example'] } };
    expect(checkPrmValid({ fetch: f(path, valid) })).toEqual([]);
    for (const servers of [undefined, 'https://as.example', [], [1], [null]]) {
      expect(checkPrmValid({ fetch: f(path, { ...valid, json: { resource: 'https://rs.example/mcp', authorization_servers: servers } }) }).map((d) => d.message)).toEqual(['the metadata has no non-empty authorization_servers list of issuer URLs']);
    }
    expect(checkPrmValid({ fetch: f(path, { ...valid, json: { resource: 7, authorization_servers: ['https://as.example'] } }) })).toHaveLength(1);
  });

  test('well-known forms: warning by default, error for a path-inserted-only host without a pointer', () => {
    const good = { status: 200, json: { resource: 'r' } };
    const fix = 'Serve the same metadata at both /.well-known/oauth-protected-resource<path> and /.well-known/oauth-protected-resource, or point at it with resource_metadata in the 401 challenge.';
    expect(checkPrmWellKnownForms({ pathInserted: f(path, { status: 404 }), root: f(root, good), pointerGiven: false, hostTriesOnly: 'path-inserted' })).toEqual([{
      code: 'PRM_WELL_KNOWN_FORM_MISSING',
      severity: 'error',
      message: `${path} answers 404 while ${root} serves the metadata; this host tries only the path-inserted form, and the 401 gave no pointer`,
      fix,
      evidence: [`x-${path.length}`],
      reproduce: `curl ${path}`,
    }]);
    expect(checkPrmWellKnownForms({ pathInserted: f(path, { status: 404 }), root: f(root, good), pointerGiven: true, hostTriesOnly: 'path-inserted' })).toEqual([{
      code: 'PRM_WELL_KNOWN_FORM_MISSING',
      message: `${path} answers 404 while ${root} serves the metadata`,
      fix,
      evidence: [`x-${path.length}`],
      reproduce: `curl ${path}`,
    }]);
    expect(checkPrmWellKnownForms({ pathInserted: f(path, { error: 'timeout' }), root: f(root, good), pointerGiven: false })[0]).not.toHaveProperty('severity');
    expect(checkPrmWellKnownForms({ pathInserted: f(path, { error: 'timeout' }), root: f(root, good), pointerGiven: false })[0]?.message).toBe(`${path} answers timeout while ${root} serves the metadata`);
    expect(checkPrmWellKnownForms({ pathInserted: f(path, good), root: f(root), pointerGiven: false, hostTriesOnly: 'path-inserted' })).toEqual([{
      code: 'PRM_WELL_KNOWN_FORM_MISSING',
      message: `${root} answers nothing while ${path} serves the metadata`,
      fix,
      evidence: [`x-${root.length}`],
      reproduce: `curl ${root}`,
    }]);
    // A 200 that is not JSON is no metadata.
    expect(checkPrmWellKnownForms({ pathInserted: f(path, good), root: f(root, { status: 200 }), pointerGiven: false })).toHaveLength(1);
    expect(checkPrmWellKnownForms({ pathInserted: f(path, good), root: f(root, { json: {} }), pointerGiven: false })).toHaveLength(1);
    expect(checkPrmWellKnownForms({ pathInserted: f(path, good), root: f(root, good), pointerGiven: false })).toEqual([]);
    expect(checkPrmWellKnownForms({ pathInserted: f(path, { status: 404 }), root: f(root, { status: 404 }), pointerGiven: false })).toEqual([]);
    // An MCP URL at the root: both forms are the same URL.
    expect(checkPrmWellKnownForms({ pathInserted: f(root, { status: 404 }), root: f(root, good), pointerGiven: false })).toEqual([]);
    expect(checkPrmWellKnownForms({ root: f(root, good), pointerGiven: false })).toEqual([]);
    expect(checkPrmWellKnownForms({ pathInserted: f(path, good), pointerGiven: false })).toEqual([]);
  });

  test('resource: exact, canonically equal (warning where the host canonicalises), different', () => {
    const fetch = f(path);
    const cited = { evidence: [`x-${path.length}`], reproduce: `curl ${path}` };
    expect(checkPrmResource({ fetch, resource: 'https://rs.example/mcp', entered: 'https://rs.example/mcp', comparison: 'exact' })).toEqual([]);
    expect(checkPrmResource({ fetch, resource: 'https://RS.example/mcp/', entered: 'https://rs.example/mcp', comparison: 'canonical' })).toEqual([{
      code: 'PRM_RESOURCE_MISMATCH',
      severity: 'warning',
      message: 'the metadata\'s resource "https://RS.example/mcp/" equals the MCP URL https://rs.example/mcp only after canonicalisation',
      fix: 'Set "resource" to exactly https://rs.example/mcp.',
      ...cited,
    }]);
    expect(checkPrmResource({ fetch, resource: 'https://RS.example/mcp/', entered: 'https://rs.example/mcp', comparison: 'exact' })).toEqual([{
      code: 'PRM_RESOURCE_MISMATCH',
      message: 'the metadata\'s resource "https://RS.example/mcp/" is not the MCP URL the user entered (https://rs.example/mcp); this host compares byte for byte, path and trailing slash included',
      fix: 'Set "resource" to exactly https://rs.example/mcp, the URL users type into the host.',
      ...cited,
    }]);
    const long = `https://other.example/${'p'.repeat(300)}`;
    expect(checkPrmResource({ fetch, resource: long, entered: 'https://rs.example/mcp', comparison: 'canonical' })).toEqual([{
      code: 'PRM_RESOURCE_MISMATCH',
      message: `the metadata's resource "${long.slice(0, 200)}" is not the MCP URL the user entered (https://rs.example/mcp)`,
      fix: 'Set "resource" to exactly https://rs.example/mcp, the URL users type into the host.',
      ...cited,
    }]);
    // Two unparseable strings are not "the same canonically".
    expect(checkPrmResource({ fetch, resource: 'not a url', entered: 'also not', comparison: 'canonical' })[0]).not.toHaveProperty('severity');
  });

  test('offline_access advertised by the resource server', () => {
    const fetch = f(path);
    const fix = 'Remove offline_access from the protected resource metadata and the challenge; list it in the authorization server metadata scopes_supported instead.';
    expect(checkPrmNoOfflineAccess({ fetch, scopes: ['notes', 'offline_access'], challengeScope: 'notes  offline_access', challengeExchangeId: 'c1' })).toEqual([{
      code: 'PRM_OFFLINE_ACCESS_ADVERTISED',
      message: 'offline_access is in the resource server\'s scopes_supported and the 401 challenge scope; clients add it themselves when the authorization server lists it',
      fix,
      evidence: [`x-${path.length}`, 'c1'],
    }]);
    expect(checkPrmNoOfflineAccess({ fetch, scopes: ['offline_access'] })).toEqual([{
      code: 'PRM_OFFLINE_ACCESS_ADVERTISED',
      message: 'offline_access is in the resource server\'s scopes_supported; clients add it themselves when the authorization server lists it',
      fix,
      evidence: [`x-${path.length}`],
    }]);
    expect(checkPrmNoOfflineAccess({ fetch, challengeScope: 'offline_access', challengeExchangeId: 'c1' })).toEqual([{
      code: 'PRM_OFFLINE_ACCESS_ADVERTISED',
      message: 'offline_access is in the resource server\'s the 401 challenge scope; clients add it themselves when the authorization server lists it',
      fix,
      evidence: ['c1'],
    }]);
    expect(checkPrmNoOfflineAccess({ fetch, challengeScope: 'offline_access' })[0]?.evidence).toEqual([]);
    expect(checkPrmNoOfflineAccess({ fetch, scopes: ['notes'], challengeScope: 'notes offline_accessx' })).toEqual([]);
    expect(checkPrmNoOfflineAccess({ fetch })).toEqual([]);
  });
});

test.describe('mutation survivors: several challenges, SSE bodies, missing error details', () => {
  const strict = { terminalWithoutInsufficientScope: true, toolLevelChallenge: false };
  const lenient = { terminalWithoutInsufficientScope: false, toolLevelChallenge: true };
  const run = (o: HttpOutcome, traits = strict) => checkScopeChallenge({ outcome: o, tool: 't', missing: ['s'], traits, curl });

  test('one insufficient_scope Bearer challenge among several is enough', () => {
    expect(run(outcome(401, { 'www-authenticate': 'DPoP realm="x", Bearer error="insufficient_scope"' }))[0]?.message).toBe('t answered 401 (with error="insufficient_scope") to a valid token without s: hosts read 401 as a dead token and re-link in a loop');
    const body = JSON.stringify({ jsonrpc: '2.0', id: 2, result: { isError: true, content: [{ type: 'text', text: 'no' }], _meta: { 'mcp/www_authenticate': ['DPoP realm="x", Bearer error="insufficient_scope", scope="s"'] } } });
    expect(run(outcome(200, {}, body), lenient)).toEqual([]);
    // An SSE answer is read by its content type.
    expect(run(outcome(200, {}, `event: message\ndata: ${plainErrorBody}\n\n`, 'text/event-stream'))).toHaveLength(1);
  });

  test('a tool-level challenge is usable when any of its strings is', () => {
    const signal = { toolError: 'sign in', authError: 'sign in', toolChallenge: ['Basic realm="x"', 'Bearer resource_metadata="https://mcp.example/prm"'] };
    expect(checkToolAuthChallenge({ calls: [{ tool: 'w', declaresOAuth: true, status: 200, signal, exchangeId: 'x', curl }], acceptsToolLevelChallenge: true, hostName: 'ChatGPT' })).toEqual([]);
  });

  test('one server error among wrong answers makes the stale-session finding an error', () => {
    const at = (status: number, id: string) => ({ kind: 'unknown' as const, outcome: { ...outcome(status), exchangeId: id }, curl });
    expect(checkStaleSessionAnswer({ answers: [at(400, 'a'), at(500, 'b')] })[0]?.severity).toBe('error');
  });

  test('no answer and no error detail still makes a draft', () => {
    expect(checkUnauthenticatedAnswer({ outcome: { exchangeId: 'x1', request }, method: 'initialize', curl })[0]?.message).toBe('the initialize request without a token got no answer (undefined: undefined)');
  });

  test('an authorization_servers entry that is not a string fails even when it reads as a URL', () => {
    const f: PrmFetch = { url: 'https://rs.example/prm', exchangeId: 'p', curl, status: 200, contentType: 'application/json', json: { resource: 'https://rs.example/mcp', authorization_servers: [['https://as.example']] } };
    expect(checkPrmValid({ fetch: f }).map((d) => d.message)).toEqual(['the metadata has no non-empty authorization_servers list of issuer URLs']);
  });
});
