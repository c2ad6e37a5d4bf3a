import { expect } from '../support/fixtures.ts';
import { initializeRequest, mcpRequest } from '../support/mcp.ts';
import { expectTokenError, expectTokenSet, install, refreshTokenOf, refreshWith } from '../support/oauth.ts';
import type { FaultCases } from './fault-case.ts';

export const refreshCases: FaultCases<
  | 'refresh-needs-scope'
  | 'refresh-rejected'
  | 'dead-refresh-token-401'
  | 'refresh-not-rotated'
  | 'rotate-without-grace'
  | 'reuse-revokes-family'
  | 'refreshed-token-rejected'
> = {
  'refresh-needs-scope': {
    async check(server, faulty) {
      const tokens = await install(server);
      const bare = await refreshWith(server, refreshTokenOf(tokens));
      if (faulty) expectTokenError(bare, 400, 'invalid_request');
      else expectTokenSet(bare);
      expectTokenSet(await refreshWith(server, refreshTokenOf(tokens), { scope: tokens.scope }));
    },
  },
  'refresh-rejected': {
    async check(server, faulty) {
      const answer = await refreshWith(server, refreshTokenOf(await install(server)));
      if (faulty) expectTokenError(answer, 400, 'invalid_grant');
      else expectTokenSet(answer);
    },
  },
  'dead-refresh-token-401': {
    async check(server, faulty) {
      const tokens = await install(server);
      const rotated = expectTokenSet(await refreshWith(server, refreshTokenOf(tokens)));
      server.clock.advance(31);
      for (const dead of ['never-issued', refreshTokenOf(tokens)]) {
        const answer = await refreshWith(server, dead);
        if (faulty) expectTokenError(answer, 401, 'invalid_request');
        else expectTokenError(answer, 400, 'invalid_grant');
      }
      expectTokenSet(await refreshWith(server, refreshTokenOf(rotated)));
    },
  },
  'refresh-not-rotated': {
    async check(server, faulty) {
      const original = refreshTokenOf(await install(server));
      const refreshed = expectTokenSet(await refreshWith(server, original));
      expect(refreshed.refresh_token === original).toBe(faulty);
      server.clock.advance(31);
      const again = await refreshWith(server, original);
      if (faulty) expectTokenSet(again);
      else expectTokenError(again, 400, 'invalid_grant');
    },
  },
  'rotate-without-grace': {
    async check(server, faulty) {
      const original = refreshTokenOf(await install(server));
      const answers = await Promise.all([refreshWith(server, original), refreshWith(server, original)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual(faulty ? [200, 400] : [200, 200]);
      for (const answer of answers) if (answer.status === 400) expectTokenError(answer, 400, 'invalid_grant');
    },
  },
  'reuse-revokes-family': {
    async check(server, faulty) {
      const original = refreshTokenOf(await install(server));
      const newest = expectTokenSet(await refreshWith(server, original));
      const replay = await refreshWith(server, original);
      if (faulty) expectTokenError(replay, 400, 'invalid_grant');
      else expectTokenSet(replay);
      const afterReplay = await refreshWith(server, refreshTokenOf(newest));
      if (faulty) expectTokenError(afterReplay, 400, 'invalid_grant');
      else expectTokenSet(afterReplay);
      expect((await mcpRequest(server, initializeRequest(), { token: newest.access_token })).status).toBe(faulty ? 401 : 200);
    },
  },
  'refreshed-token-rejected': {
    async check(server, faulty) {
      const tokens = await install(server);
      const refreshed = expectTokenSet(await refreshWith(server, refreshTokenOf(tokens)));
      expect((await mcpRequest(server, initializeRequest(), { token: tokens.access_token })).status).toBe(200);
      expect((await mcpRequest(server, initializeRequest(), { token: refreshed.access_token })).status).toBe(faulty ? 401 : 200);
    },
  },
};
