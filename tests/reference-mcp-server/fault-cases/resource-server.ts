import { expect } from '../support/fixtures.ts';
import { at, request } from '../support/http.ts';
import { initializeRequest, mcpRequest, MCP_ACCEPT, openSession, rpcAnswer, toolCall, callToolRaw } from '../support/mcp.ts';
import { install, SECOND_USER } from '../support/oauth.ts';
import type { FaultCases } from './fault-case.ts';
import { forgedToken, prmPointer, structured } from './probes.ts';

const DEFAULT_CHALLENGE = 'scope="notes:read notes:write"';

export const resourceServerCases: FaultCases<
  | 'unauthenticated-403'
  | 'unauthenticated-jsonrpc-error'
  | 'challenge-without-resource-metadata'
  | 'no-www-authenticate'
  | 'tool-auth-error-in-200'
  | 'mixed-auth-no-security-schemes'
  | 'expired-challenge-no-error'
  | 'expired-token-accepted'
  | 'invalid-token-accepted'
  | 'invalid-token-403'
  | 'invalid-token-200-error'
  | 'foreign-token-accepted'
  | 'token-in-query-accepted'
  | 'bearer-case-sensitive'
  | 'scope-403-without-challenge'
  | 'scope-401'
> = {
  'unauthenticated-403': {
    async check(server, faulty) {
      const answer = await mcpRequest(server, initializeRequest());
      expect(answer.status).toBe(faulty ? 403 : 401);
      expect(answer.headers.get('www-authenticate')).toBe(`Bearer ${prmPointer(server)}, ${DEFAULT_CHALLENGE}`);
    },
  },
  'unauthenticated-jsonrpc-error': {
    async check(server, faulty) {
      const answer = await mcpRequest(server, initializeRequest(7));
      if (faulty) {
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual({ jsonrpc: '2.0', error: { code: -32001, message: 'Unauthorized: an access token is required' }, id: 7 });
        expect(answer.headers.get('www-authenticate')).toBeNull();
      } else {
        expect(answer.status).toBe(401);
      }
    },
  },
  'challenge-without-resource-metadata': {
    async check(server, faulty) {
      const missing = await mcpRequest(server, initializeRequest());
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe(faulty ? `Bearer ${DEFAULT_CHALLENGE}` : `Bearer ${prmPointer(server)}, ${DEFAULT_CHALLENGE}`);
      const invalid = await mcpRequest(server, initializeRequest(), { token: 'garbage' });
      expect(invalid.headers.get('www-authenticate')?.includes('resource_metadata=')).toBe(!faulty);
      for (const path of ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource']) {
        expect((await request(`${server.url}${path}`)).status, path).toBe(200);
      }
    },
  },
  'no-www-authenticate': {
    async check(server, faulty) {
      for (const token of [undefined, 'garbage']) {
        const answer = await mcpRequest(server, initializeRequest(), token === undefined ? {} : { token });
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate') === null, String(token)).toBe(faulty);
      }
    },
  },
  'tool-auth-error-in-200': {
    async check(server, faulty) {
      if (!faulty) {
        expect((await mcpRequest(server, initializeRequest())).status).toBe(401);
        return;
      }
      const sessionId = await openSession(server, undefined);
      const list = await mcpRequest(server, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { sessionId });
      expect(at(rpcAnswer(list), 'result', 'tools', 0, '_meta')).toEqual({ securitySchemes: [{ type: 'oauth2', scopes: ['notes:read'] }] });
      const call = await mcpRequest(server, toolCall('whoami'), { sessionId });
      expect(call.status).toBe(200);
      expect(call.headers.get('www-authenticate')).toBeNull();
      expect(at(rpcAnswer(call), 'result')).toEqual({
        content: [{ type: 'text', text: 'Authentication required: connect your account to use this tool.' }],
        isError: true,
      });
    },
  },
  'mixed-auth-no-security-schemes': {
    async check(server, faulty) {
      if (!faulty) {
        expect((await mcpRequest(server, initializeRequest())).status).toBe(401);
        return;
      }
      const sessionId = await openSession(server, undefined);
      const list = await mcpRequest(server, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { sessionId });
      const tools = at(rpcAnswer(list), 'result', 'tools');
      expect(Array.isArray(tools) && tools.length === 5 && tools.every((tool) => at(tool, '_meta') === undefined)).toBe(true);
      const call = await mcpRequest(server, toolCall('whoami'), { sessionId });
      expect(call.status).toBe(200);
      expect(at(rpcAnswer(call), 'result', 'isError')).toBe(true);
      expect(at(rpcAnswer(call), 'result', '_meta')).toEqual({
        'mcp/www_authenticate': [`Bearer ${prmPointer(server)}, error="invalid_token", error_description="Sign in to use this tool"`],
      });
    },
  },
  'expired-challenge-no-error': {
    options: { accessTokenTtlSeconds: 60 },
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      server.clock.advance(60);
      const expired = await mcpRequest(server, initializeRequest(), { token });
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toBe(
        faulty ? `Bearer ${prmPointer(server)}` : `Bearer error="invalid_token", error_description="The access token expired", ${prmPointer(server)}`,
      );
      const garbage = await mcpRequest(server, initializeRequest(), { token: 'garbage' });
      expect(garbage.headers.get('www-authenticate')).toContain('error="invalid_token"');
    },
  },
  'expired-token-accepted': {
    options: { accessTokenTtlSeconds: 60 },
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      server.clock.advance(3600);
      expect((await mcpRequest(server, initializeRequest(), { token })).status).toBe(faulty ? 200 : 401);
    },
  },
  'invalid-token-accepted': {
    async check(server, faulty) {
      const answer = await mcpRequest(server, initializeRequest(), { token: 'garbage' });
      expect(answer.status).toBe(faulty ? 200 : 401);
      if (faulty) {
        const whoami = await callToolRaw(server, 'garbage', 'whoami');
        expect(structured(whoami)).toEqual({ username: 'demo@example.com', name: 'Demo User' });
      }
    },
  },
  'invalid-token-403': {
    async check(server, faulty) {
      const answer = await mcpRequest(server, initializeRequest(), { token: 'garbage' });
      expect(answer.status).toBe(faulty ? 403 : 401);
      expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    },
  },
  'invalid-token-200-error': {
    async check(server, faulty) {
      const answer = await mcpRequest(server, initializeRequest(3), { token: 'garbage' });
      if (faulty) {
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual({
          jsonrpc: '2.0',
          error: { code: -32001, message: 'Unauthorized: The access token is malformed or not signed by this server' },
          id: 3,
        });
      } else {
        expect(answer.status).toBe(401);
      }
    },
  },
  'foreign-token-accepted': {
    async check(server, faulty) {
      const forged = await forgedToken(server, 'user-2');
      const answer = await mcpRequest(server, initializeRequest(), { token: forged });
      expect(answer.status).toBe(faulty ? 200 : 401);
      if (faulty) expect(structured(await callToolRaw(server, forged, 'whoami'))).toEqual({ username: 'second@example.com', name: 'Second User' });
    },
  },
  'token-in-query-accepted': {
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      const answer = await mcpRequest(server, initializeRequest(), { path: `/mcp?access_token=${encodeURIComponent(token)}` });
      expect(answer.status).toBe(faulty ? 200 : 401);
    },
  },
  'bearer-case-sensitive': {
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      const lower = await mcpRequest(server, initializeRequest(), { token, scheme: 'bearer' });
      expect(lower.status).toBe(faulty ? 401 : 200);
      if (faulty) expect(lower.headers.get('www-authenticate')).toBe(`Bearer ${prmPointer(server)}, ${DEFAULT_CHALLENGE}`);
      expect((await mcpRequest(server, initializeRequest(), { token, scheme: 'Bearer' })).status).toBe(200);
    },
  },
  'scope-403-without-challenge': {
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      const answer = await callToolRaw(server, token, 'purge_notes');
      expect(answer.status).toBe(403);
      expect(answer.headers.get('www-authenticate') === null).toBe(faulty);
      expect(answer.json).toEqual({ error: 'insufficient_scope', error_description: 'This tool needs the notes:admin scope' });
    },
  },
  'scope-401': {
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      const answer = await callToolRaw(server, token, 'purge_notes');
      expect(answer.status).toBe(faulty ? 401 : 403);
      expect(answer.headers.get('www-authenticate')).toContain('error="insufficient_scope", scope="notes:read notes:write notes:admin"');
    },
  },
};

export const mcpCases: FaultCases<'stale-session-400' | 'stale-session-500' | 'no-origin-check' | 'user-confusion' | 'tool-call-fails'> = {
  'stale-session-400': {
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      expect((await mcpRequest(server, toolCall('whoami'), { token, sessionId: 'gone' })).status).toBe(faulty ? 400 : 404);
    },
  },
  'stale-session-500': {
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      const sessionId = await openSession(server, token);
      expect((await mcpRequest(server, undefined, { token, sessionId, method: 'DELETE' })).status).toBe(200);
      expect((await mcpRequest(server, toolCall('whoami'), { token, sessionId })).status).toBe(faulty ? 500 : 404);
    },
  },
  'no-origin-check': {
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      const evil = await mcpRequest(server, initializeRequest(), { token, headers: { origin: 'https://evil.example', accept: MCP_ACCEPT } });
      expect(evil.status).toBe(faulty ? 200 : 403);
    },
  },
  'user-confusion': {
    async check(server, faulty) {
      const { access_token: second } = await install(server, { user: SECOND_USER });
      const expected = faulty ? { username: 'demo@example.com', name: 'Demo User' } : { username: 'second@example.com', name: 'Second User' };
      expect(structured(await callToolRaw(server, second, 'whoami'))).toEqual(expected);
      const notes = structured(await callToolRaw(server, second, 'list_notes'));
      expect(String(at(notes, 'notes', 0, 'text'))).toContain(faulty ? 'demo@example.com' : 'second@example.com');
    },
  },
  'tool-call-fails': {
    async check(server, faulty) {
      const { access_token: token } = await install(server);
      const sessionId = await openSession(server, token);
      expect((await mcpRequest(server, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { token, sessionId })).status).toBe(200);
      const call = await mcpRequest(server, toolCall('whoami', {}, 3), { token, sessionId });
      expect(call.status).toBe(faulty ? 500 : 200);
      if (faulty) expect(call.json).toEqual({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: 3 });
    },
  },
};
