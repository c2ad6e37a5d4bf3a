import { expect } from '../support/fixtures.ts';
import { at, postJson } from '../support/http.ts';
import { DCR_BODIES } from '../support/host-documents.ts';
import { authorizeAndDecide, exchangeCode, expectTokenSet, obtainCode } from '../support/oauth.ts';
import type { FaultCases } from './fault-case.ts';
import { serveChatgptClient, serveClaudeClient } from './probes.ts';

export const registrationCases: FaultCases<
  | 'cimd-singular-auth-method-only'
  | 'cimd-rejected'
  | 'dcr-rejects-client-secret-post'
  | 'dcr-response-no-client-id'
  | 'dcr-response-text-plain'
  | 'dcr-accepts-insecure-redirect'
  | 'dcr-rate-limited'
  | 'dcr-rate-limited-no-retry-after'
> = {
  'cimd-singular-auth-method-only': {
    async check(server, faulty, documents) {
      const chatgpt = await serveChatgptClient(documents);
      const outcome = await authorizeAndDecide(server, chatgpt.flow);
      if (outcome.kind !== 'redirect') throw new Error('expected a redirect');
      expect(outcome.url.searchParams.get('error')).toBe(faulty ? 'unauthorized_client' : null);
      expect(outcome.url.searchParams.get('code') === null).toBe(faulty);
      // Claude's document declares none: unaffected.
      expect((await authorizeAndDecide(server, serveClaudeClient(documents))).kind).toBe('redirect');
    },
  },
  'cimd-rejected': {
    async check(server, faulty, documents) {
      const claude = serveClaudeClient(documents);
      const outcome = await authorizeAndDecide(server, claude);
      expect(outcome.kind).toBe(faulty ? 'page' : 'redirect');
      if (outcome.kind === 'page') expect([outcome.result.status, outcome.result.text.includes('invalid_client')]).toEqual([400, true]);
      if (!faulty) expectTokenSet(await exchangeCode(server, await obtainCode(server, claude), claude));
    },
  },
  'dcr-rejects-client-secret-post': {
    async check(server, faulty) {
      const claude = await postJson(`${server.url}/register`, DCR_BODIES.claude);
      expect(claude.status).toBe(faulty ? 400 : 201);
      if (faulty) expect(at(claude.json, 'error')).toBe('invalid_client_metadata');
      expect((await postJson(`${server.url}/register`, DCR_BODIES.chatgpt)).status).toBe(201);
    },
  },
  'dcr-response-no-client-id': {
    async check(server, faulty) {
      const answer = await postJson(`${server.url}/register`, DCR_BODIES.chatgpt);
      expect(answer.status).toBe(201);
      expect(at(answer.json, 'client_id') === undefined).toBe(faulty);
      expect(at(answer.json, 'redirect_uris')).toEqual(DCR_BODIES.chatgpt.redirect_uris);
    },
  },
  'dcr-response-text-plain': {
    async check(server, faulty) {
      const answer = await postJson(`${server.url}/register`, DCR_BODIES.claudeCode);
      expect(answer.status).toBe(201);
      expect(answer.headers.get('content-type')).toMatch(faulty ? /^text\/plain/ : /^application\/json/);
      expect(at(answer.json, 'client_id')).toEqual(expect.stringMatching(/^dcr-/));
    },
  },
  'dcr-accepts-insecure-redirect': {
    async check(server, faulty) {
      const answer = await postJson(`${server.url}/register`, { ...DCR_BODIES.chatgpt, redirect_uris: ['http://evil.example/callback'] });
      expect(answer.status).toBe(faulty ? 201 : 400);
      if (!faulty) expect(at(answer.json, 'error')).toBe('invalid_redirect_uri');
    },
  },
  'dcr-rate-limited': { options: { registrationLimit: 2 }, check: (server, faulty) => expectRateLimited(server.url, faulty, '3600') },
  'dcr-rate-limited-no-retry-after': { options: { registrationLimit: 2 }, check: (server, faulty) => expectRateLimited(server.url, faulty, null) },
};

/** Two registrations (a refused one counted) pass; with the fault the third and later get 429 too_many_requests. */
async function expectRateLimited(url: string, faulty: boolean, retryAfter: string | null): Promise<void> {
  expect((await postJson(`${url}/register`, { ...DCR_BODIES.chatgpt, redirect_uris: ['http://evil.example/callback'] })).status).toBe(400);
  expect((await postJson(`${url}/register`, DCR_BODIES.chatgpt)).status).toBe(201);
  for (const body of [DCR_BODIES.claude, DCR_BODIES.chatgpt]) {
    const answer = await postJson(`${url}/register`, body);
    expect(answer.status).toBe(faulty ? 429 : 201);
    expect(answer.headers.get('retry-after')).toBe(faulty ? retryAfter : null);
    if (faulty) expect(at(answer.json, 'error')).toBe('too_many_requests');
  }
}
