import type { Fault } from '../../../examples/reference-plugin/options.ts';
import { expect } from '../support/fixtures.ts';
import { callApi, expectTokenError, expectTokenSet, install, refreshWith } from '../support/oauth.ts';
import type { FaultCase } from './fault-case.ts';

/** Past the default 60 s grace window. */
const AFTER_GRACE_SECONDS = 61;

export const refreshCases = {
  'refuse-refresh': {
    async check(plugin, faulty) {
      const tokens = await install(plugin);
      expect(tokens.refresh_token).toBeDefined();
      const result = await refreshWith(plugin, tokens.refresh_token ?? '');
      if (faulty) expectTokenError(result, 400, 'invalid_grant');
      else expectTokenSet(result);
    },
  },
  'refresh-omits-refresh-token': {
    async check(plugin, faulty) {
      const { refresh_token: original = '' } = await install(plugin);
      const refreshed = expectTokenSet(await refreshWith(plugin, original));
      if (faulty) expect(refreshed.refresh_token).toBeUndefined();
      else expect(refreshed.refresh_token).not.toBe(original);
      plugin.clock.advance(AFTER_GRACE_SECONDS);
      const reuse = await refreshWith(plugin, original);
      if (faulty) expectTokenSet(reuse);
      else expectTokenError(reuse, 400, 'invalid_grant');
    },
  },
  'refresh-token-lost': {
    async check(plugin, faulty) {
      const { refresh_token: original = '' } = await install(plugin);
      const refreshed = expectTokenSet(await refreshWith(plugin, original));
      expect((await callApi(plugin, '/todos', { token: refreshed.access_token })).status).toBe(200);
      const reuse = await refreshWith(plugin, original);
      if (faulty) {
        expect(refreshed.refresh_token).toBeUndefined();
        expectTokenError(reuse, 400, 'invalid_grant');
      } else {
        expect(refreshed.refresh_token).toBeDefined();
        expectTokenSet(reuse);
      }
    },
  },
  'no-refresh-grace': {
    async check(plugin, faulty) {
      const { refresh_token: original = '' } = await install(plugin);
      const answers = await Promise.all([refreshWith(plugin, original), refreshWith(plugin, original)]);
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual(faulty ? [200, 400] : [200, 200]);
      for (const answer of answers) {
        if (answer.status === 400) expectTokenError(answer, 400, 'invalid_grant');
        else expect(expectTokenSet(answer).refresh_token).toBeDefined();
      }
    },
  },
  'rotate-revoke-family': {
    async check(plugin, faulty) {
      const { refresh_token: original = '' } = await install(plugin);
      const newest = expectTokenSet(await refreshWith(plugin, original));
      plugin.clock.advance(AFTER_GRACE_SECONDS);
      // The rotated-away token is refused either way: the fault is what the refusal does to the family.
      expectTokenError(await refreshWith(plugin, original), 400, 'invalid_grant');
      const api = await callApi(plugin, '/todos', { token: newest.access_token });
      const refresh = await refreshWith(plugin, newest.refresh_token ?? '');
      if (faulty) {
        expect(api.status).toBe(401);
        expectTokenError(refresh, 400, 'invalid_grant');
      } else {
        expect(api.status).toBe(200);
        expectTokenSet(refresh);
      }
    },
  },
  'narrow-scope-on-refresh': {
    async check(plugin, faulty) {
      const original = await install(plugin);
      expect(original.scope).toBe('todos:read todos:write');
      const refreshed = expectTokenSet(await refreshWith(plugin, original.refresh_token ?? ''));
      const write = await callApi(plugin, '/todos', { token: refreshed.access_token, method: 'POST', body: { text: 't' } });
      if (faulty) {
        expect(refreshed.scope).toBe('todos:read');
        expect(write.status).toBe(403);
      } else {
        expect(refreshed.scope).toBe('todos:read todos:write');
        expect(write.status).toBe(201);
      }
    },
  },
} satisfies Partial<Record<Fault, FaultCase>>;
