import type { Fault } from '../../../examples/reference-plugin/options.ts';
import { expect } from '../support/fixtures.ts';
import { at, type HttpResult } from '../support/http.ts';
import { exchangeCode, expectTokenError, expectTokenSet, obtainCode } from '../support/oauth.ts';
import type { FaultCase } from './fault-case.ts';
import type { RunningReferencePlugin } from '../../../examples/reference-plugin/start.ts';

async function exchangeFreshCode(plugin: RunningReferencePlugin): Promise<HttpResult> {
  return exchangeCode(plugin, await obtainCode(plugin));
}

/** A case whose probe is one successful code exchange. */
function onExchange(faulty: (result: HttpResult) => void): FaultCase {
  return {
    async check(plugin, isFaulty) {
      const result = await exchangeFreshCode(plugin);
      if (isFaulty) faulty(result);
      else expectTokenSet(result);
    },
  };
}

function expectJson200(result: HttpResult): void {
  expect(result.status).toBe(200);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  expect(result.headers.get('cache-control')).toBe('no-store');
}

export const tokenShapeCases = {
  'no-refresh-token': onExchange((result) => {
    expectJson200(result);
    expect(at(result.json, 'access_token')).toEqual(expect.any(String));
    expect(at(result.json, 'expires_in')).toBe(3600);
    expect(result.json).not.toHaveProperty('refresh_token');
  }),
  'camel-case-token-fields': onExchange((result) => {
    expectJson200(result);
    expect(result.json).toEqual({
      accessToken: expect.any(String),
      tokenType: 'bearer',
      expiresIn: 3600,
      refreshToken: expect.any(String),
      scope: 'todos:read todos:write',
    });
  }),
  'nested-token-fields': onExchange((result) => {
    expectJson200(result);
    expect(result.json).toEqual({
      ok: true,
      authed_user: {
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: expect.any(String),
        scope: 'todos:read todos:write',
      },
    });
  }),
  'wrapped-token-fields': onExchange((result) => {
    expectJson200(result);
    expect(result.json).toEqual({
      status: 0,
      data: {
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: expect.any(String),
        scope: 'todos:read todos:write',
      },
    });
  }),
  'form-encoded-token-response': onExchange((result) => {
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(result.json).toBeUndefined();
    const fields = new URLSearchParams(result.text);
    expect(fields.get('access_token')).toMatch(/^[\w-]{43}$/);
    expect([fields.get('token_type'), fields.get('expires_in'), fields.get('scope')]).toEqual([
      'bearer',
      '3600',
      'todos:read todos:write',
    ]);
  }),
  'text-plain-token-response': onExchange((result) => {
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(new URLSearchParams(result.text).get('refresh_token')).toMatch(/^[\w-]{43}$/);
  }),
  'token-error-with-200': onExchange((result) => {
    expectJson200(result);
    expect(at(result.json, 'error')).toBe('invalid_grant');
    expect(result.json).not.toHaveProperty('access_token');
  }),
  'expires-in-string': onExchange((result) => {
    expectJson200(result);
    expect(at(result.json, 'expires_in')).toBe('3600');
    expect(at(result.json, 'token_type')).toBe('bearer');
  }),
  'no-expires-in': onExchange((result) => {
    expectJson200(result);
    expect(result.json).not.toHaveProperty('expires_in');
    expect(at(result.json, 'refresh_token')).toEqual(expect.any(String));
  }),
  'no-token-type': onExchange((result) => {
    expectJson200(result);
    expect(result.json).not.toHaveProperty('token_type');
    expect(at(result.json, 'expires_in')).toBe(3600);
  }),
  'token-type-mac': onExchange((result) => {
    expectJson200(result);
    expect(at(result.json, 'token_type')).toBe('mac');
  }),
  'expires-instead-of-expires-in': onExchange((result) => {
    expectJson200(result);
    expect(at(result.json, 'expires')).toBe(3600);
    expect(result.json).not.toHaveProperty('expires_in');
  }),
  'error-not-rfc6749': {
    async check(plugin, faulty) {
      const badCode = await exchangeCode(plugin, 'not-a-code');
      const badSecret = await exchangeCode(plugin, 'not-a-code', { client_secret: 'wrong' });
      if (faulty) {
        for (const result of [badCode, badSecret]) {
          expect(result.status).toBe(500);
          expect(result.headers.get('content-type')).toMatch(/^text\/plain/);
          expect(result.json).toBeUndefined();
        }
      } else {
        expectTokenError(badCode, 400, 'invalid_grant');
        expectTokenError(badSecret, 401, 'invalid_client');
      }
      // Successes keep their shape either way.
      expectTokenSet(await exchangeFreshCode(plugin));
    },
  },
  'no-access-token': onExchange((result) => {
    expectJson200(result);
    expect(result.json).not.toHaveProperty('access_token');
    expect(at(result.json, 'token_type')).toBe('bearer');
    expect(at(result.json, 'refresh_token')).toEqual(expect.any(String));
  }),
  'token-endpoint-hangs-up': {
    async check(plugin, faulty) {
      const exchange = exchangeFreshCode(plugin);
      // fetch() rejects when the connection closes before any HTTP answer.
      if (faulty) await expect(exchange).rejects.toThrow();
      else expectTokenSet(await exchange);
    },
  },
} satisfies Partial<Record<Fault, FaultCase>>;
