import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { selfSignedCertificate } from '../../../examples/hostile-plugin/self-signed-cert.ts';
import { diagnoseNetworkFailure } from '../../../mock-host/checks/network/diagnose-network-failure.ts';
import { describeFetchFailure } from '../../../mock-host/checks/discovery/fetch-failure.ts';
import { checkAuthorizedCall } from '../../../mock-host/checks/api/check-api-response.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import type { HttpOutcome } from '../../../mock-host/recorder/exchange.ts';
import { Recorder } from '../../../mock-host/recorder/recorder.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

// Issue 10 item 4: each cause of a request without an HTTP answer gets its own diagnosis and fix. The failures are
// real (loopback sockets through the one recorder), except DNS, which would leave the machine.

const listen = (server: Server | ReturnType<typeof createTcpServer>): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

const get = (url: string, timeoutMs = 5_000): Promise<HttpOutcome> =>
  new Recorder(new SecretRegistry()).send({ method: 'GET', url, phase: 'discover', label: 'fetch', timeoutMs, maxBodyBytes: 10_000 });

function diagnosed(outcome: HttpOutcome, timeoutMs = 5_000) {
  if (!outcome.error) throw new Error(`expected a failure, got HTTP ${outcome.response?.status}`);
  return diagnoseNetworkFailure(outcome.error, outcome.request.url, timeoutMs);
}

test('a refused connection: nothing listens on the port', async () => {
  const server = createHttpServer();
  const port = await listen(server);
  await new Promise((r) => server.close(r));
  const d = diagnosed(await get(`http://127.0.0.1:${port}/openapi.yaml`));
  expect(d.cause).toBe('refused');
  expect(d.diagnosis).toContain(`nothing listens on that port`);
  expect(d.fix).toContain(`Start the server on port ${port}`);
});

test('https to a plain-http port: the TLS handshake met plain HTTP', async () => {
  const server = createHttpServer((_req, res) => res.end('plain'));
  const port = await listen(server);
  try {
    const outcome = await get(`https://127.0.0.1:${port}/openapi.yaml`);
    const d = diagnosed(outcome);
    expect(d.cause).toBe('tls-to-plain-http');
    expect(d.diagnosis).toContain('speaks http, not https');
    expect(d.fix).toContain(`Serve HTTPS on 127.0.0.1:${port}`);
    // The discovery fetch and an API call say the same, not "make it reachable from the public internet".
    const fetchFailure = describeFetchFailure({ kind: 'error', url: outcome.request.url, outcome, error: outcome.error ?? { kind: 'network', message: '' } }, 15_000);
    expect(fetchFailure?.fix).toContain('Serve HTTPS');
    const [apiFailed] = checkAuthorizedCall({ outcome, profile: PROFILES['chatgpt-plugin'], operationId: 'listTodos', tokenSource: 'exchange', curl: '' });
    expect(apiFailed?.code).toBe('API_CALL_FAILED');
    expect(apiFailed?.fix).toContain('Serve HTTPS');
  } finally {
    server.close();
  }
});

test('a self-signed certificate: not trusted, with the certificate fix', async () => {
  const server = createHttpsServer(selfSignedCertificate(), (_req, res) => res.end('tls'));
  const port = await listen(server);
  try {
    const d = diagnosed(await get(`https://127.0.0.1:${port}/openapi.yaml`));
    expect(d.cause).toBe('certificate');
    expect(d.diagnosis).toContain('not trusted');
    expect(d.fix).toContain('public CA');
  } finally {
    server.close();
  }
});

test('an answer that never comes: the timeout, with its bound', async () => {
  const sockets: import('node:net').Socket[] = [];
  const server = createTcpServer((socket) => void sockets.push(socket));
  const port = await listen(server);
  try {
    const d = diagnosed(await get(`http://127.0.0.1:${port}/openapi.yaml`, 300), 300);
    expect(d.cause).toBe('timeout');
    expect(d.diagnosis).toContain('within the host\'s 0.3 s limit');
  } finally {
    for (const s of sockets) s.destroy();
    server.close();
  }
});

test('a name that does not resolve, and a connect timeout (from the errors undici gives)', () => {
  const dns = diagnoseNetworkFailure({ kind: 'network', message: 'ENOTFOUND: getaddrinfo ENOTFOUND api.plugin.invalid' }, 'https://api.plugin.invalid/openapi.yaml', 15_000);
  expect(dns.cause).toBe('dns');
  expect(dns.fix).toContain('Publish a DNS record for api.plugin.invalid');
  const connect = diagnoseNetworkFailure({ kind: 'network', message: 'UND_ERR_CONNECT_TIMEOUT: Connect Timeout Error' }, 'https://203.0.113.9:8443/x', 15_000);
  expect(connect.cause).toBe('connect-timeout');
  expect(connect.fix).toContain('Open port 8443');
});

test('discovery is shared by the run: an unreachable document costs one timeout, not one per scenario', async () => {
  const { ResponseCache } = await import('../../../mock-host/recorder/response-cache.ts');
  const sockets: import('node:net').Socket[] = [];
  const server = createTcpServer((socket) => void sockets.push(socket));
  const port = await listen(server);
  const run = new ResponseCache();
  const request = { method: 'GET', url: `http://127.0.0.1:${port}/.well-known/ai-plugin.json`, phase: 'discover', label: 'fetch manifest', timeoutMs: 300, maxBodyBytes: 10_000, cacheable: true } as const;
  try {
    const first = await new Recorder(new SecretRegistry(), 'a', run).send(request);
    const started = performance.now();
    const scenarios = await Promise.all([1, 2, 3].map((n) => new Recorder(new SecretRegistry(), `s${n}`, run).send(request)));
    expect(performance.now() - started, 'later scenarios read the run\'s answer').toBeLessThan(100);
    expect(first.error?.kind).toBe('timeout');
    for (const outcome of scenarios) expect(outcome.error).toEqual(first.error);
    expect(sockets, 'one connection for the whole run').toHaveLength(1);
  } finally {
    for (const s of sockets) s.destroy();
    server.close();
  }
});
