import { decodeJwt } from 'jose';
import { expect } from '../support/fixtures.ts';
import { ASSERTION_TYPE, newAssertionKey, signAssertion } from '../support/document-host.ts';
import { at, postJson, request } from '../support/http.ts';
import { initializeRequest, mcpRequest } from '../support/mcp.ts';
import {
  basicAuthorization,
  CLAUDE_CALLBACK,
  CONFIDENTIAL_CLIENT,
  exchangeCode,
  expectTokenError,
  expectTokenSet,
  obtainCode,
  PUBLIC_CLIENT,
  refreshWith,
  tokenSetSchema,
} from '../support/oauth.ts';
import type { FaultCases } from './fault-case.ts';
import { serveChatgptClient } from './probes.ts';

export const tokenCases: FaultCases<
  | 'unknown-client-400'
  | 'code-verifier-not-checked'
  | 'public-client-rejected'
  | 'client-assertion-rejected'
  | 'client-assertion-aud-issuer-only'
  | 'client-assertion-not-verified'
  | 'token-audience-wrong'
  | 'token-response-cacheable'
  | 'slow-token-endpoint'
  | 'json-only-token-endpoint'
  | 'client-secret-basic-only'
  | 'bad-grant-500'
  | 'no-refresh-token'
  | 'refresh-token-needs-offline-access'
> = {
  'unknown-client-400': {
    async check(server, faulty) {
      const answer = await refreshWith(server, 'whatever', { client_id: 'forgotten-dcr-client' });
      if (faulty) expectTokenError(answer, 400, 'invalid_request');
      else expectTokenError(answer, 401, 'invalid_client');
    },
  },
  'code-verifier-not-checked': {
    async check(server, faulty) {
      const obtained = await obtainCode(server);
      const wrong = await exchangeCode(server, obtained, { code_verifier: 'w'.repeat(43) });
      if (faulty) expectTokenSet(wrong);
      else expectTokenError(wrong, 400, 'invalid_grant');
      const missing = await exchangeCode(server, await obtainCode(server), { code_verifier: undefined });
      if (faulty) expectTokenSet(missing);
      else expectTokenError(missing, 400, 'invalid_grant');
    },
  },
  'public-client-rejected': {
    async check(server, faulty) {
      const answer = await exchangeCode(server, await obtainCode(server));
      if (faulty) expectTokenError(answer, 401, 'invalid_client');
      else expectTokenSet(answer);
    },
  },
  'client-assertion-rejected': {
    async check(server, faulty, documents) {
      const chatgpt = await serveChatgptClient(documents);
      const assertion = await signAssertion(chatgpt.key, { clientId: chatgpt.clientId, audience: `${server.url}/token` }, server.clock.nowSeconds());
      const answer = await exchangeCode(server, await obtainCode(server, chatgpt.flow), { ...chatgpt.flow, client_assertion_type: ASSERTION_TYPE, client_assertion: assertion });
      if (faulty) expectTokenError(answer, 401, 'invalid_client');
      else expectTokenSet(answer);
      expectTokenSet(await exchangeCode(server, await obtainCode(server, chatgpt.flow), chatgpt.flow));
    },
  },
  'client-assertion-aud-issuer-only': {
    async check(server, faulty, documents) {
      const chatgpt = await serveChatgptClient(documents);
      const now = server.clock.nowSeconds();
      const toTokenUrl = await signAssertion(chatgpt.key, { clientId: chatgpt.clientId, audience: `${server.url}/token` }, now);
      const refused = await exchangeCode(server, await obtainCode(server, chatgpt.flow), { ...chatgpt.flow, client_assertion_type: ASSERTION_TYPE, client_assertion: toTokenUrl });
      if (faulty) expectTokenError(refused, 401, 'invalid_client');
      else expectTokenSet(refused);
      const toIssuer = await signAssertion(chatgpt.key, { clientId: chatgpt.clientId, audience: server.issuer }, now);
      expectTokenSet(await exchangeCode(server, await obtainCode(server, chatgpt.flow), { ...chatgpt.flow, client_assertion_type: ASSERTION_TYPE, client_assertion: toIssuer }));
    },
  },
  'client-assertion-not-verified': {
    async check(server, faulty, documents) {
      const chatgpt = await serveChatgptClient(documents);
      const stranger = await newAssertionKey(chatgpt.key.kid);
      const forged = await signAssertion(stranger, { clientId: chatgpt.clientId, audience: 'https://evil.example/', expiresIn: -600 }, server.clock.nowSeconds());
      const answer = await exchangeCode(server, await obtainCode(server, chatgpt.flow), { ...chatgpt.flow, client_assertion_type: ASSERTION_TYPE, client_assertion: forged });
      if (faulty) expectTokenSet(answer);
      else expectTokenError(answer, 401, 'invalid_client');
    },
  },
  'token-audience-wrong': {
    async check(server, faulty) {
      const tokens = expectTokenSet(await exchangeCode(server, await obtainCode(server)));
      expect(decodeJwt(tokens.access_token).aud).toBe(faulty ? server.url : server.mcpUrl);
      expect((await mcpRequest(server, initializeRequest(), { token: tokens.access_token })).status).toBe(200);
    },
  },
  'token-response-cacheable': {
    async check(server, faulty) {
      const answer = await exchangeCode(server, await obtainCode(server));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe(faulty ? null : 'no-store');
      expect(answer.headers.get('pragma')).toBe(faulty ? null : 'no-cache');
      tokenSetSchema.parse(answer.json);
    },
  },
  'slow-token-endpoint': {
    options: { slowTokenMs: 500 },
    async check(server, faulty) {
      const obtained = await obtainCode(server);
      const started = performance.now();
      expectTokenSet(await exchangeCode(server, obtained));
      const elapsed = performance.now() - started;
      if (faulty) expect(elapsed).toBeGreaterThanOrEqual(490);
      else expect(elapsed).toBeLessThan(490);
    },
  },
  'json-only-token-endpoint': {
    async check(server, faulty) {
      const form = await exchangeCode(server, await obtainCode(server));
      if (faulty) expectTokenError(form, 415, 'invalid_request');
      else expectTokenSet(form);
      const obtained = await obtainCode(server);
      const json = await postJson(`${server.url}/token`, {
        grant_type: 'authorization_code',
        code: obtained.code,
        redirect_uri: 'http://localhost:53682/callback',
        client_id: PUBLIC_CLIENT.id,
        code_verifier: obtained.pkce.verifier,
        resource: server.mcpUrl,
      });
      if (faulty) expectTokenSet(json);
      else expectTokenError(json, 400, 'invalid_request');
    },
  },
  'client-secret-basic-only': {
    async check(server, faulty) {
      const flow = { client_id: CONFIDENTIAL_CLIENT.id, redirect_uri: CLAUDE_CALLBACK };
      const post = await exchangeCode(server, await obtainCode(server, flow), { ...flow, client_secret: CONFIDENTIAL_CLIENT.secret });
      if (faulty) expectTokenError(post, 401, 'invalid_client');
      else expectTokenSet(post);
      const basic = await exchangeCode(server, await obtainCode(server, flow), { ...flow, client_id: undefined }, { authorization: basicAuthorization(CONFIDENTIAL_CLIENT.id, CONFIDENTIAL_CLIENT.secret) });
      expectTokenSet(basic);
    },
  },
  'bad-grant-500': {
    async check(server, faulty) {
      const obtained = await obtainCode(server);
      const unknownCode = await exchangeCode(server, { ...obtained, code: 'unknown-code' });
      const unknownRefresh = await refreshWith(server, 'unknown-refresh-token');
      for (const answer of [unknownCode, unknownRefresh]) {
        if (faulty) {
          expect(answer.status).toBe(500);
          expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
        } else {
          expectTokenError(answer, 400, 'invalid_grant');
        }
      }
      expectTokenSet(await exchangeCode(server, obtained));
    },
  },
  'no-refresh-token': {
    async check(server, faulty) {
      const tokens = expectTokenSet(await exchangeCode(server, await obtainCode(server)));
      expect(tokens.refresh_token === undefined).toBe(faulty);
      expect(tokens.expires_in).toBe(3600);
    },
  },
  'refresh-token-needs-offline-access': {
    async check(server, faulty) {
      const plain = expectTokenSet(await exchangeCode(server, await obtainCode(server)));
      expect(plain.refresh_token === undefined).toBe(faulty);
      const offline = expectTokenSet(await exchangeCode(server, await obtainCode(server, { scope: 'notes:read notes:write offline_access' })));
      expect(offline.refresh_token).toBeDefined();
      const scopes = at((await request(`${server.url}/.well-known/oauth-authorization-server`)).json, 'scopes_supported');
      expect(Array.isArray(scopes) && scopes.includes('offline_access')).toBe(!faulty);
    },
  },
};
