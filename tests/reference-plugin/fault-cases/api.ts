import type { Fault } from '../../../examples/reference-plugin/options.ts';
import { expect } from '../support/fixtures.ts';
import { at } from '../support/http.ts';
import { callApi, expectTokenSet, install, refreshWith } from '../support/oauth.ts';
import type { FaultCase } from './fault-case.ts';

const GARBAGE = 'not-a-real-token';

/** A case that calls listTodos with a garbage token and, as a control, with a valid one. */
function onGarbageToken(faulty: (result: Awaited<ReturnType<typeof callApi>>) => void): FaultCase {
  return {
    async check(plugin, isFaulty) {
      const { access_token: token } = await install(plugin);
      expect((await callApi(plugin, '/todos', { token })).status).toBe(200);
      const result = await callApi(plugin, '/todos', { token: GARBAGE });
      if (isFaulty) {
        faulty(result);
      } else {
        expect(result.status).toBe(401);
        expect(result.headers.get('www-authenticate')).toContain('error="invalid_token"');
      }
    },
  };
}

export const apiCases = {
  'api-403-for-bad-token': onGarbageToken((result) => expect(result.status).toBe(403)),
  'api-500-for-bad-token': onGarbageToken((result) => expect(result.status).toBe(500)),
  'api-200-for-bad-token': onGarbageToken((result) => {
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ error: 'invalid token' });
  }),
  'api-accepts-any-token': onGarbageToken((result) => {
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ todos: [] });
  }),
  'api-accepts-missing-token': {
    async check(plugin, faulty) {
      const missing = await callApi(plugin, '/todos');
      expect(missing.status).toBe(faulty ? 200 : 401);
      expect((await callApi(plugin, '/todos', { token: GARBAGE })).status).toBe(401);
    },
  },
  'api-401-no-challenge': {
    async check(plugin, faulty) {
      for (const result of [await callApi(plugin, '/todos'), await callApi(plugin, '/todos', { token: GARBAGE })]) {
        expect(result.status).toBe(401);
        if (faulty) expect(result.headers.get('www-authenticate')).toBeNull();
        else expect(result.headers.get('www-authenticate')).toMatch(/^Bearer realm="reference"/);
      }
    },
  },
  'api-echoes-token': onGarbageToken((result) => {
    expect(result.status).toBe(401);
    expect(JSON.stringify(result.json)).toContain(GARBAGE);
    expect(result.headers.get('www-authenticate')).toContain(GARBAGE);
  }),
  'case-sensitive-bearer': {
    async check(plugin, faulty) {
      const { access_token: token } = await install(plugin);
      expect((await callApi(plugin, '/todos', { token, scheme: 'Bearer' })).status).toBe(200);
      expect((await callApi(plugin, '/todos', { token, scheme: 'bearer' })).status).toBe(faulty ? 401 : 200);
    },
  },
  'accept-expired-tokens': {
    async check(plugin, faulty) {
      const { access_token: token } = await install(plugin);
      plugin.clock.advance(3601);
      expect((await callApi(plugin, '/todos', { token })).status).toBe(faulty ? 200 : 401);
      expect((await callApi(plugin, '/todos', { token: GARBAGE })).status).toBe(401);
    },
  },
  'reject-refreshed-tokens': {
    async check(plugin, faulty) {
      const original = await install(plugin);
      const refreshed = expectTokenSet(await refreshWith(plugin, original.refresh_token ?? ''));
      expect((await callApi(plugin, '/todos', { token: original.access_token })).status).toBe(200);
      const result = await callApi(plugin, '/todos', { token: refreshed.access_token });
      expect(result.status).toBe(faulty ? 401 : 200);
    },
  },
  'api-redirect-cross-origin': {
    async check(plugin, faulty) {
      const { access_token: token } = await install(plugin);
      const result = await callApi(plugin, '/todos', { token });
      if (faulty) {
        expect(result.status).toBe(302);
        expect(result.headers.get('location')).toBe(`http://localhost:${plugin.port}/todos`);
      } else {
        expect(result.status).toBe(200);
      }
      expect((await callApi(plugin, '/me', { token })).status).toBe(200);
    },
  },
  'huge-api-response': {
    async check(plugin, faulty) {
      const { access_token: token } = await install(plugin);
      const result = await callApi(plugin, '/todos', { token });
      expect(result.status).toBe(200);
      if (faulty) {
        expect(result.text.length).toBeGreaterThan(150_000);
        expect(result.text.length).toBeLessThan(152_000);
        expect(at(result.json, 'todos', 0, 'id')).toBe('filler-1');
      } else {
        expect(result.text.length).toBeLessThan(1000);
      }
    },
  },
  'slow-api': {
    options: { slowApiMs: 400 },
    async check(plugin, faulty) {
      const { access_token: token } = await install(plugin);
      const started = performance.now();
      const result = await callApi(plugin, '/todos', { token });
      const elapsed = performance.now() - started;
      expect(result.status).toBe(200);
      if (faulty) expect(elapsed).toBeGreaterThanOrEqual(390);
      else expect(elapsed).toBeLessThan(300);
      const profile = performance.now();
      await callApi(plugin, '/me', { token });
      expect(performance.now() - profile).toBeLessThan(300);
    },
  },
  'api-rate-limited': {
    async check(plugin, faulty) {
      const { access_token: token } = await install(plugin);
      const first = await callApi(plugin, '/todos', { token });
      if (faulty) {
        expect(first.status).toBe(429);
        expect(first.headers.get('retry-after')).toBeNull();
      } else {
        expect(first.status).toBe(200);
      }
      expect((await callApi(plugin, '/todos', { token })).status).toBe(200);
    },
  },
  'api-server-error': {
    async check(plugin, faulty) {
      const { access_token: token } = await install(plugin);
      expect((await callApi(plugin, '/todos', { token })).status).toBe(faulty ? 500 : 200);
      expect((await callApi(plugin, '/me', { token })).status).toBe(200);
    },
  },
} satisfies Partial<Record<Fault, FaultCase>>;
