import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { hugeBody, hugeHeaders, neverAnswer, redirect, slowDrip, type Answer } from '../../../examples/hostile-plugin/raw-answers.ts';
import type { OutboundRequest } from '../../../mock-host/recorder/exchange.ts';
import { Recorder } from '../../../mock-host/recorder/recorder.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

// Every limit the recorder puts on what a target controls, against a server that breaks it on purpose.

let server: Server;
let origin = '';
const answers = new Map<string, Answer>();

test.beforeAll(async () => {
  server = createServer((req, res) => (answers.get(new URL(req.url ?? '/', 'http://x').pathname) ?? neverAnswer)(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  answers.set('/drip', slowDrip('application/json', 20));
  answers.set('/huge', hugeBody('application/json', '{"x": "'));
  answers.set('/headers', hugeHeaders);
  answers.set('/redirect', (_req, res) => redirect(res, 'https://attacker.invalid/'));
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function request(path: string, overrides: Partial<OutboundRequest> = {}): OutboundRequest {
  return { method: 'GET', url: `${origin}${path}`, phase: 'discover', label: 'limit test', timeoutMs: 400, maxBodyBytes: 100_000, ...overrides };
}

test('the timeout covers the whole body: a body that drips for ever ends at the timeout', async () => {
  const started = performance.now();
  const outcome = await new Recorder(new SecretRegistry()).send(request('/drip'));
  expect(outcome.error?.kind).toBe('timeout');
  expect(performance.now() - started).toBeLessThan(2_000);
});

test('a server that never answers ends at the timeout', async () => {
  const outcome = await new Recorder(new SecretRegistry()).send(request('/silent'));
  expect(outcome.error?.kind).toBe('timeout');
});

test('a 50 MB body is cut at the cap and the rest is never read', async () => {
  const outcome = await new Recorder(new SecretRegistry()).send(request('/huge', { timeoutMs: 10_000 }));
  expect(outcome.response?.truncated).toBe(true);
  expect(outcome.response?.body.length).toBeLessThanOrEqual(100_000);
  expect(outcome.response?.bytes).toBeLessThan(1_000_000);
});

test('80 KB of response headers is a network error, not an answer', async () => {
  const outcome = await new Recorder(new SecretRegistry()).send(request('/headers'));
  expect(outcome.error?.kind).toBe('network');
  expect(outcome.error?.message).toMatch(/HEADERS_OVERFLOW/i);
});

test('a redirect is returned, never followed (the next hop is the caller\'s decision)', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const outcome = await recorder.send(request('/redirect'));
  expect(outcome.response?.status).toBe(302);
  expect(recorder.exchanges().map((x) => new URL(x.request.url).hostname)).toEqual(['127.0.0.1']);
});

test('file:, data: and javascript: URLs are refused before any I/O', async () => {
  const recorder = new Recorder(new SecretRegistry());
  for (const url of ['file:///etc/passwd', 'data:text/plain,hello', 'javascript:alert(1)']) {
    expect((await recorder.send(request('', { url }))).error?.kind).toBe('blocked-scheme');
  }
});
