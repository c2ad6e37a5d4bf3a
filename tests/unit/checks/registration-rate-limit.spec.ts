import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { checkRegistrationRateLimited } from '../../../mock-host/checks/registration/rate-limited.ts';
import { issuesClient, registerClient } from '../../../mock-host/oauth/dcr.ts';
import { KeptRegistrations } from '../../../mock-host/oauth/kept-registrations.ts';
import { backoffAfter429, DEFAULT_BACKOFF_MS, retryAfterMs } from '../../../mock-host/oauth/rate-limit-backoff.ts';
import { Recorder } from '../../../mock-host/recorder/recorder.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

// A registration endpoint that rate-limits (FINDINGS.md API_RATE_LIMITED) and a host that keeps its registration:
// the pure decisions, and the run's kept clients against a real HTTP server on port 0.

test.describe('a 429 from the registration endpoint', () => {
  test('is API_RATE_LIMITED: info with Retry-After, warning without, citing the exchange', () => {
    const [told] = checkRegistrationRateLimited({ retryAfter: '3585', exchangeId: 'x3', curl: 'curl x3' });
    expect(told).toMatchObject({ code: 'API_RATE_LIMITED', severity: 'info', evidence: ['x3'], reproduce: 'curl x3' });
    expect(told?.message).toContain('Retry-After: 3585');
    const [silent] = checkRegistrationRateLimited({ exchangeId: 'x4' });
    expect(silent).toMatchObject({ code: 'API_RATE_LIMITED', severity: 'warning', evidence: ['x4'] });
    expect(silent?.message).toContain('without Retry-After');
    expect(silent?.fix).toContain('Send Retry-After');
  });

  test('Retry-After is read as delay-seconds or an HTTP-date; anything else is no answer', () => {
    const now = Date.parse('2026-12-02T05:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Wed, 02 Dec 2026 05:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 04:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  test('the host backs off once within its budget, gives up when Retry-After is beyond it, and after a second 429', () => {
    const nowMs = 0;
    expect(backoffAfter429({ retryAfter: '3', retried: false, budgetMs: 10_000, nowMs })).toEqual({ retry: true, waitMs: 3000 });
    expect(backoffAfter429({ retried: false, budgetMs: 10_000, nowMs })).toEqual({ retry: true, waitMs: DEFAULT_BACKOFF_MS });
    expect(backoffAfter429({ retried: false, budgetMs: 1000, nowMs })).toEqual({ retry: true, waitMs: 1000 });
    expect(backoffAfter429({ retryAfter: '10', retried: false, budgetMs: 10_000, nowMs })).toEqual({ retry: true, waitMs: 10_000 });
    const far = backoffAfter429({ retryAfter: '3585', retried: false, budgetMs: 10_000, nowMs });
    expect(far).toEqual({ retry: false, reason: "Retry-After asks for 3585 s, longer than the host's 10 s budget" });
    expect(backoffAfter429({ retryAfter: '1', retried: true, budgetMs: 10_000, nowMs })).toEqual({ retry: false, reason: 'still rate limited after backing off once' });
  });
});

/** /register: 201 with a fresh client for the first `limit` POSTs, then 429; `refuse` bodies get 400. */
async function registrationServer(limit: number): Promise<{ endpoint: string; posts: () => number; close: () => Promise<void> }> {
  let posts = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      posts += 1;
      res.setHeader('content-type', 'application/json');
      if (posts > limit) {
        res.writeHead(429, { 'retry-after': '60' }).end('{"error":"too_many_requests"}');
        return;
      }
      if (body.includes('refuse')) {
        res.writeHead(400).end('{"error":"invalid_client_metadata"}');
        return;
      }
      res.writeHead(201).end(JSON.stringify({ client_id: `c-${posts}`, client_secret: `s-${posts}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}/register`, posts: () => posts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test.describe("the run's kept registrations", () => {
  const args = (endpoint: string, redirect: string, kept: KeptRegistrations, host = 'claude-connector') => ({
    endpoint,
    body: { client_name: 'Claude', redirect_uris: [redirect] },
    userAgent: 'ua',
    timeoutMs: 5000,
    maxBodyBytes: 10_000,
    sharing: { kept, host },
  });

  test('one registration per host and body: later sessions get the client, recorded as the run\'s registration', async () => {
    const server = await registrationServer(10);
    const kept = new KeptRegistrations();
    try {
      const first = new Recorder(new SecretRegistry(), 'a');
      const later = new Recorder(new SecretRegistry(), 'b');
      const a = await registerClient(first, args(server.endpoint, 'https://host.example/cb', kept));
      const b = await registerClient(later, args(server.endpoint, 'https://host.example/cb', kept));
      expect(a.client).toEqual({ clientId: 'c-1', clientSecret: 's-1' });
      expect(b.client).toEqual(a.client);
      expect(server.posts()).toBe(1);
      expect(later.exchanges()[0]?.label).toContain("the run's registration");
      expect(first.exchanges()[0]?.label).toBe('register a client (RFC 7591)');
      // Each session learns the kept secret, so its reports redact it.
      expect(JSON.stringify(later.exchanges())).not.toContain('s-1');
      // Another redirect URI (a port per install) or another host registers afresh.
      await registerClient(later, args(server.endpoint, 'http://localhost:50000/cb', kept));
      await registerClient(later, args(server.endpoint, 'https://host.example/cb', kept, 'chatgpt-app'));
      expect(server.posts()).toBe(3);
    } finally {
      await server.close();
    }
  });

  test('a refusal or a 429 is not kept: the next install asks again', async () => {
    const server = await registrationServer(1);
    const kept = new KeptRegistrations();
    try {
      const recorder = new Recorder(new SecretRegistry(), 'a');
      const refused = await registerClient(recorder, args(server.endpoint, 'https://host.example/refuse', kept));
      expect([refused.status, issuesClient(refused)]).toEqual([400, false]);
      const limited = await registerClient(recorder, args(server.endpoint, 'https://host.example/refuse', kept));
      expect([limited.status, issuesClient(limited)]).toEqual([429, false]);
      await registerClient(recorder, args(server.endpoint, 'https://host.example/refuse', kept));
      expect(server.posts()).toBe(3);
    } finally {
      await server.close();
    }
  });

  test('without the run\'s kept registrations every call registers', async () => {
    const server = await registrationServer(10);
    try {
      const recorder = new Recorder(new SecretRegistry(), 'a');
      const { sharing: _none, ...alone } = args(server.endpoint, 'https://host.example/cb', new KeptRegistrations());
      await registerClient(recorder, alone);
      await registerClient(recorder, alone);
      expect(server.posts()).toBe(2);
    } finally {
      await server.close();
    }
  });
});
