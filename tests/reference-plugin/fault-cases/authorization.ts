import { createHash } from 'node:crypto';
import { DEFAULT_PLUGIN_ID, type Fault } from '../../../examples/reference-plugin/options.ts';
import { expect } from '../support/fixtures.ts';
import { request } from '../support/http.ts';
import {
  authorizeAndDecide,
  authorizeUrl,
  callbackFor,
  exchangeCode,
  expectTokenError,
  expectTokenSet,
  obtainCode,
  SENT_STATE,
} from '../support/oauth.ts';
import type { FaultCase } from './fault-case.ts';

const ATTACKER_CALLBACK = 'https://attacker.example/steal';

export const authorizationCases = {
  'reusable-codes': {
    async check(plugin, faulty) {
      const code = await obtainCode(plugin);
      const first = expectTokenSet(await exchangeCode(plugin, code));
      const second = await exchangeCode(plugin, code);
      if (faulty) expect(expectTokenSet(second).access_token).not.toBe(first.access_token);
      else expectTokenError(second, 400, 'invalid_grant');
    },
  },
  'one-code-per-user': {
    async check(plugin, faulty) {
      // Two sign-ins of the same user before either code is exchanged: the one-slot server keeps only the newest.
      const earlier = await obtainCode(plugin);
      const later = await obtainCode(plugin);
      const first = await exchangeCode(plugin, earlier);
      if (faulty) expectTokenError(first, 400, 'invalid_grant');
      else expectTokenSet(first);
      expectTokenSet(await exchangeCode(plugin, later));
    },
  },
  'any-client-secret': {
    async check(plugin, faulty) {
      const result = await exchangeCode(plugin, await obtainCode(plugin), { client_secret: 'not-the-secret' });
      if (faulty) expectTokenSet(result);
      else expectTokenError(result, 401, 'invalid_client');
      // The client id is still checked.
      const otherClient = await exchangeCode(plugin, await obtainCode(plugin), { client_id: 'other-client' });
      expectTokenError(otherClient, 401, 'invalid_client');
    },
  },
  'redirect-uri-not-validated': {
    async check(plugin, faulty) {
      const outcome = await authorizeAndDecide(plugin, { redirect_uri: ATTACKER_CALLBACK });
      if (faulty) {
        expect(outcome.kind).toBe('redirect');
        const url = outcome.kind === 'redirect' ? outcome.url : undefined;
        expect(`${url?.origin}${url?.pathname}`).toBe(ATTACKER_CALLBACK);
        expect(url?.searchParams.get('code')).toBeTruthy();
      } else {
        expect(outcome.kind).toBe('page');
        expect(outcome.kind === 'page' && outcome.result.status).toBe(400);
        expect(outcome.kind === 'page' && outcome.result.text).toContain('redirect_uri_mismatch');
      }
    },
  },
  'redirect-uri-not-bound': {
    async check(plugin, faulty) {
      const otherRegistered = `http://127.0.0.1:9/aip/${DEFAULT_PLUGIN_ID}/oauth/callback`;
      const result = await exchangeCode(plugin, await obtainCode(plugin), { redirect_uri: otherRegistered });
      if (faulty) expectTokenSet(result);
      else expectTokenError(result, 400, 'invalid_grant');
    },
  },
  'drop-state': {
    async check(plugin, faulty) {
      const allowed = await callbackFor(plugin);
      const denied = await authorizeAndDecide(plugin, {}, { decision: 'deny' });
      const deniedUrl = denied.kind === 'redirect' ? denied.url : new URL('about:blank');
      expect(allowed.searchParams.get('code')).toBeTruthy();
      expect(deniedUrl.searchParams.get('error')).toBe('access_denied');
      for (const url of [allowed, deniedUrl]) {
        if (faulty) expect(url.searchParams.has('state')).toBe(false);
        else expect(url.searchParams.get('state')).toBe(SENT_STATE);
      }
    },
  },
  'alter-state': {
    async check(plugin, faulty) {
      const callback = await callbackFor(plugin);
      expect(callback.searchParams.get('code')).toBeTruthy();
      const state = callback.searchParams.get('state');
      if (faulty) {
        expect(state).toBeTruthy();
        expect(state).not.toBe(SENT_STATE);
      } else {
        expect(state).toBe(SENT_STATE);
      }
    },
  },
  'require-pkce': {
    async check(plugin, faulty) {
      const callback = await callbackFor(plugin);
      if (faulty) {
        expect(callback.searchParams.get('error')).toBe('invalid_request');
        expect(callback.searchParams.get('error_description')).toBe('code_challenge required');
        expect(callback.searchParams.get('state')).toBe(SENT_STATE);
        expect(callback.searchParams.has('code')).toBe(false);
      } else {
        expect(callback.searchParams.get('code')).toBeTruthy();
      }
      // With PKCE the flow works either way.
      const verifier = 'pkce-verifier-'.padEnd(64, 'x');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const code = await obtainCode(plugin, { code_challenge: challenge, code_challenge_method: 'S256' });
      expectTokenSet(await exchangeCode(plugin, code, { code_verifier: verifier }));
    },
  },
  'reject-empty-scope': {
    async check(plugin, faulty) {
      for (const scope of ['', undefined]) {
        const callback = await callbackFor(plugin, { scope });
        if (faulty) {
          expect(callback.searchParams.get('error')).toBe('invalid_scope');
          expect(callback.searchParams.get('state')).toBe(SENT_STATE);
        } else {
          const tokens = expectTokenSet(await exchangeCode(plugin, callback.searchParams.get('code') ?? ''));
          expect(tokens.scope).toBe('todos:read todos:write');
        }
      }
      expect((await callbackFor(plugin, { scope: 'todos:read' })).searchParams.get('code')).toBeTruthy();
    },
  },
  'codes-expire-at-once': {
    async check(plugin, faulty) {
      const result = await exchangeCode(plugin, await obtainCode(plugin));
      if (faulty) expectTokenError(result, 400, 'invalid_grant');
      else expectTokenSet(result);
    },
  },
  'authorize-unavailable': {
    async check(plugin, faulty) {
      const page = await request(authorizeUrl(plugin));
      if (faulty) {
        expect(page.status).toBe(503);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        expect(page.text).toContain('temporarily_unavailable');
        expect(page.text).not.toContain('redirect_uri');
      } else {
        expect(page.status).toBe(302);
        expect(page.headers.get('location')).toMatch(/^\/login\?return_to=/);
      }
    },
  },
  'authorize-server-error': {
    async check(plugin, faulty) {
      const callback = await callbackFor(plugin);
      if (faulty) {
        expect(callback.searchParams.get('error')).toBe('server_error');
        expect(callback.searchParams.get('state')).toBe(SENT_STATE);
        expect(callback.searchParams.has('code')).toBe(false);
      } else {
        expect(callback.searchParams.get('code')).toBeTruthy();
      }
      // An unregistered redirect URI is still refused with a page, before any redirect.
      const foreign = await authorizeAndDecide(plugin, { redirect_uri: ATTACKER_CALLBACK });
      expect(foreign.kind === 'page' && foreign.result.status).toBe(400);
    },
  },
  'login-drops-return-to': {
    async check(plugin, faulty) {
      const returnTo = new URL(authorizeUrl(plugin)).pathname + new URL(authorizeUrl(plugin)).search;
      const body = new URLSearchParams({ username: plugin.options.username, password: plugin.options.password, return_to: returnTo });
      const signedIn = await request(`${plugin.url}/login`, { method: 'POST', body });
      expect(signedIn.status).toBe(302);
      expect(signedIn.headers.get('location')).toBe(faulty ? '/' : returnTo);
      expect(signedIn.headers.getSetCookie()).not.toHaveLength(0);
    },
  },
  'consent-deny-ignored': {
    async check(plugin, faulty) {
      const denied = await authorizeAndDecide(plugin, {}, { decision: 'deny' });
      if (denied.kind !== 'redirect') throw new Error(`expected a redirect after Deny, got HTTP ${denied.result.status}`);
      expect(denied.url.searchParams.get('state')).toBe(SENT_STATE);
      if (faulty) {
        expect(denied.url.searchParams.get('code')).toBeTruthy();
        expect(denied.url.searchParams.has('error')).toBe(false);
      } else {
        expect(denied.url.searchParams.get('error')).toBe('access_denied');
        expect(denied.url.searchParams.has('code')).toBe(false);
      }
    },
  },
} satisfies Partial<Record<Fault, FaultCase>>;
