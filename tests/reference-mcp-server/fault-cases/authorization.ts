import { expect } from '../support/fixtures.ts';
import { at, request } from '../support/http.ts';
import { authorizeAndDecide, exchangeCode, expectTokenError, expectTokenSet, obtainCode, type AuthorizeOutcome } from '../support/oauth.ts';
import type { FaultCases } from './fault-case.ts';

function redirected(outcome: AuthorizeOutcome): URL {
  if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got HTTP ${outcome.result.status}`);
  return outcome.url;
}

export const authorizationCases: FaultCases<
  | 'iss-missing'
  | 'iss-wrong'
  | 'pkce-not-enforced'
  | 'pkce-plain-accepted'
  | 'resource-with-path-rejected'
  | 'loopback-port-exact'
  | 'redirect-prefix-match'
  | 'empty-scope-rejected'
  | 'consent-deny-ignored'
  | 'consent-script-redirect'
> = {
  'iss-missing': {
    async check(server, faulty) {
      expect(at((await request(`${server.url}/.well-known/oauth-authorization-server`)).json, 'authorization_response_iss_parameter_supported')).toBe(true);
      for (const decision of ['allow', 'deny'] as const) {
        expect(redirected(await authorizeAndDecide(server, {}, { decision })).searchParams.get('iss')).toBe(faulty ? null : server.issuer);
      }
      expect(redirected(await authorizeAndDecide(server, { scope: 'bogus' })).searchParams.get('iss')).toBe(faulty ? null : server.issuer);
    },
  },
  'iss-wrong': {
    async check(server, faulty) {
      expect(redirected(await authorizeAndDecide(server)).searchParams.get('iss')).toBe(faulty ? `${server.issuer}/` : server.issuer);
      expect(redirected(await authorizeAndDecide(server, { scope: 'bogus' })).searchParams.get('iss')).toBe(faulty ? `${server.issuer}/` : server.issuer);
    },
  },
  'pkce-not-enforced': {
    async check(server, faulty) {
      const url = redirected(await authorizeAndDecide(server, { code_challenge: undefined, code_challenge_method: undefined }));
      expect(url.searchParams.get('error')).toBe(faulty ? null : 'invalid_request');
      const code = url.searchParams.get('code');
      if (faulty && code !== null) {
        expectTokenSet(await exchangeCode(server, { code, pkce: { verifier: '', challenge: '' }, callback: url }, { code_verifier: undefined }));
      }
    },
  },
  'pkce-plain-accepted': {
    async check(server, faulty) {
      const verifier = 'v'.repeat(50);
      const url = redirected(await authorizeAndDecide(server, { code_challenge: verifier, code_challenge_method: 'plain' }));
      expect(url.searchParams.get('error')).toBe(faulty ? null : 'invalid_request');
      const code = url.searchParams.get('code');
      if (faulty && code !== null) expectTokenSet(await exchangeCode(server, { code, pkce: { verifier, challenge: verifier }, callback: url }));
    },
  },
  'resource-with-path-rejected': {
    async check(server, faulty) {
      const withResource = redirected(await authorizeAndDecide(server, { resource: server.mcpUrl }));
      expect(withResource.searchParams.get('error')).toBe(faulty ? 'invalid_target' : null);
      const obtained = await obtainCode(server, { resource: undefined });
      const exchanged = await exchangeCode(server, obtained, { resource: server.mcpUrl });
      if (faulty) {
        expectTokenError(exchanged, 400, 'invalid_target');
        expectTokenSet(await exchangeCode(server, obtained, { resource: undefined }));
      } else {
        expectTokenSet(exchanged);
      }
    },
  },
  'loopback-port-exact': {
    async check(server, faulty) {
      const ephemeral = await authorizeAndDecide(server, { redirect_uri: 'http://localhost:53682/callback' });
      expect(ephemeral.kind).toBe(faulty ? 'page' : 'redirect');
      expect((await authorizeAndDecide(server, { redirect_uri: 'http://localhost/callback' })).kind).toBe('redirect');
    },
  },
  'redirect-prefix-match': {
    async check(server, faulty) {
      for (const lookalike of ['https://claude.ai/api/mcp/auth_callback/../evil', 'https://claude.ai/api/mcp/auth_callback?next=evil']) {
        const outcome = await authorizeAndDecide(server, { redirect_uri: lookalike });
        expect(outcome.kind, lookalike).toBe(faulty ? 'redirect' : 'page');
        if (outcome.kind === 'redirect') expect(outcome.url.searchParams.get('code')).not.toBeNull();
      }
      expect((await authorizeAndDecide(server, { redirect_uri: 'https://evil.example/api/mcp/auth_callback' })).kind).toBe('page');
    },
  },
  'empty-scope-rejected': {
    async check(server, faulty) {
      const url = redirected(await authorizeAndDecide(server, { scope: undefined }));
      expect(url.searchParams.get('error')).toBe(faulty ? 'invalid_scope' : null);
      expect(url.searchParams.get('code') === null).toBe(faulty);
    },
  },
  'consent-deny-ignored': {
    async check(server, faulty) {
      const url = redirected(await authorizeAndDecide(server, {}, { decision: 'deny' }));
      expect(url.searchParams.get('error')).toBe(faulty ? null : 'access_denied');
      expect(url.searchParams.get('code') === null).toBe(!faulty);
    },
  },
  'consent-script-redirect': {
    async check(server, faulty) {
      const outcome = await authorizeAndDecide(server);
      if (!faulty) {
        expect(outcome.kind).toBe('redirect');
        return;
      }
      if (outcome.kind !== 'page') throw new Error('expected the script page');
      expect(outcome.result.status).toBe(200);
      const target = /setTimeout\(function \(\) \{ window\.location\.assign\("([^"]+)"\); \}, 1500\)/.exec(outcome.result.text)?.[1];
      const callback = new URL(target ?? 'http://missing.invalid/');
      expect(callback.origin + callback.pathname).toBe('http://localhost:53682/callback');
      expect(callback.searchParams.get('code')).not.toBeNull();
      expect(callback.searchParams.get('iss')).toBe(server.issuer);
      const nonce = /script-src 'nonce-([^']+)'/.exec(outcome.result.headers.get('content-security-policy') ?? '')?.[1];
      expect(outcome.result.text).toContain(`<script nonce="${nonce}">`);
    },
  },
};
