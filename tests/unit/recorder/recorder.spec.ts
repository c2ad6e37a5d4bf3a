import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import type { OutboundRequest } from '../../../mock-host/recorder/exchange.ts';
import { Recorder } from '../../../mock-host/recorder/recorder.ts';
import { ResponseCache } from '../../../mock-host/recorder/response-cache.ts';
import { fingerprint, SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

// What the recorder keeps of each exchange, against a real loopback server.

let server: Server;
let origin = '';
let hits = 0;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/token') {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=session-cookie-1', 'x-echo': 'refresh rt-from-server-1' });
      res.end(JSON.stringify({ access_token: 'at-from-server-1', refresh_token: 'rt-from-server-1', note: 'ok' }));
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('y'.repeat(25_000));
    } else if (path === '/redirect') {
      res.writeHead(302, { location: 'https://host.example/cb?code=code-in-location-1&state=s' });
      res.end();
    } else if (path === '/binary') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([0x41, 0xff, 0x42]));
    } else if (path === '/empty') {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no ${path}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const req = (path: string, over: Partial<OutboundRequest> = {}): OutboundRequest => ({ method: 'GET', url: `${origin}${path}`, phase: 'token', label: 'a label', timeoutMs: 5000, maxBodyBytes: 100_000, ...over });

test('an exchange: id, phase, label, times, the request and response redacted, the curl', async () => {
  const recorder = new Recorder(new SecretRegistry(), 'p');
  const before = Date.now();
  const outcome = await recorder.send(
    req('/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer request-token-1' }, body: 'grant_type=refresh_token&refresh_token=rt-sent-1' }),
  );
  expect(outcome.exchangeId).toBe('p1');
  // The engine gets the raw answer.
  expect(outcome.response).toMatchObject({ status: 200, body: JSON.stringify({ access_token: 'at-from-server-1', refresh_token: 'rt-from-server-1', note: 'ok' }), truncated: false });
  expect(outcome.response?.bytes).toBe(outcome.response?.body.length);
  expect(outcome.response?.headers['content-type']).toBe('application/json');
  const [x] = recorder.exchanges();
  expect(x?.id).toBe('p1');
  expect(x?.phase).toBe('token');
  expect(x?.label).toBe('a label');
  expect(Date.parse(x?.startedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  expect(Number.isInteger(x?.durationMs)).toBe(true);
  expect(x?.request).toEqual({
    method: 'POST',
    url: `${origin}/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${fingerprint('request-token-1')}` },
    body: `grant_type=refresh_token&refresh_token=${fingerprint('rt-sent-1')}`,
  });
  expect(x?.response?.status).toBe(200);
  expect(x?.response?.headers['set-cookie']).toBe(fingerprint('sid=session-cookie-1'));
  expect(x?.response?.headers['x-echo']).toBe(`refresh ${fingerprint('rt-from-server-1')}`);
  expect(JSON.parse(x?.response?.body ?? '')).toEqual({ access_token: fingerprint('at-from-server-1'), refresh_token: fingerprint('rt-from-server-1'), note: 'ok' });
  expect(x?.response?.truncated).toBe(false);
  expect(x?.curl).toContain('Authorization'.toLowerCase());
  expect(x?.curl).toContain('$ACCESS_TOKEN');
  expect(x?.curl).not.toContain('request-token-1');
  expect(recorder.curlOf('p1')).toBe(recorder.secrets.substituteVariables(x?.curl ?? ''));
  expect(recorder.curlOf('p1')).toContain('refresh_token=$REFRESH_TOKEN');
  expect(recorder.curlOf('nope')).toBe('');
  expect(recorder.count()).toBe(1);
  expect(recorder.byPhase('token').map((e) => e.id)).toEqual(['p1']);
  expect(recorder.byPhase('use')).toEqual([]);
});

test('a secret learnt later is redacted from exchanges recorded before', async () => {
  const recorder = new Recorder(new SecretRegistry());
  await recorder.send(req('/said-late-secret-1'));
  expect(recorder.exchanges()[0]?.response?.body).toBe('no /said-late-secret-1');
  recorder.secrets.add('late-secret-1', 'token');
  expect(recorder.exchanges()[0]?.response?.body).toBe(`no /said-${fingerprint('late-secret-1')}`);
  expect(recorder.exchanges()[0]?.request.url).not.toContain('late-secret-1');
  expect(recorder.since(0)).toEqual(recorder.exchanges());
  expect(recorder.exchanges()[0]?.id).toBe('x1');
});

test('since(mark) returns only what came after the mark', async () => {
  const recorder = new Recorder(new SecretRegistry());
  await recorder.send(req('/a'));
  const mark = recorder.count();
  await recorder.send(req('/b', { phase: 'use' }));
  expect(recorder.since(mark).map((x) => x.id)).toEqual(['x2']);
  expect(recorder.byPhase('use').map((x) => x.id)).toEqual(['x2']);
});

test('a reported body is clipped at 20,000 characters with a note; the engine keeps it whole', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const outcome = await recorder.send(req('/big'));
  expect(outcome.response?.body).toHaveLength(25_000);
  expect(recorder.exchanges()[0]?.response?.body).toBe(`${'y'.repeat(20_000)}\n… [5000 more characters not kept]`);
});

test('a body over the cap: cut at exactly the cap, marked truncated', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const outcome = await recorder.send(req('/big', { maxBodyBytes: 1000 }));
  expect(outcome.response?.body).toBe('y'.repeat(1000));
  expect(outcome.response?.truncated).toBe(true);
  expect(outcome.response?.bytes).toBeGreaterThan(1000);
  expect(recorder.exchanges()[0]?.response?.truncated).toBe(true);
  const exact = await recorder.send(req('/big', { maxBodyBytes: 25_000 }));
  expect(exact.response?.truncated).toBe(false);
  expect(exact.response?.body).toHaveLength(25_000);
});

test('an empty answer and a redirect: the Location\'s code is learnt as a secret', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const empty = await recorder.send(req('/empty'));
  expect(empty.response).toMatchObject({ status: 204, body: '', truncated: false, bytes: 0 });
  await recorder.send(req('/redirect'));
  const x = recorder.exchanges()[1];
  expect(x?.response?.status).toBe(302);
  expect(x?.response?.headers.location).toBe(`https://host.example/cb?code=${fingerprint('code-in-location-1')}&state=s`);
  expect(recorder.secrets.values()).toContain('code-in-location-1');
});

test('refusals before any I/O and network failures are recorded with their reason', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const before = hits;
  expect((await recorder.send(req('', { url: 'not a url' }))).error).toEqual({ kind: 'invalid-url', message: 'not a URL: not a url' });
  expect((await recorder.send(req('', { url: 'ftp://a.example/x' }))).error).toEqual({ kind: 'blocked-scheme', message: 'refused to fetch a ftp: URL' });
  expect(hits).toBe(before);
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const refused = await recorder.send(req('', { url: `http://127.0.0.1:${port}/` }));
  expect(refused.error?.kind).toBe('network');
  expect(refused.error?.message).toMatch(/^ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  const xs = recorder.exchanges();
  expect(xs.map((x) => x.error?.kind)).toEqual(['invalid-url', 'blocked-scheme', 'network']);
  expect(xs.every((x) => x.response === undefined)).toBe(true);
  expect(xs[0]?.request).toEqual({ method: 'GET', url: 'not a url', headers: {} });
});

test('an error message is redacted with the known secrets', async () => {
  const recorder = new Recorder(new SecretRegistry());
  recorder.secrets.add('secret-in-url-1', 'token');
  await recorder.send(req('', { url: 'notascheme secret-in-url-1' }));
  expect(recorder.exchanges()[0]?.error?.message).toBe(`not a URL: notascheme ${fingerprint('secret-in-url-1')}`);
});

test('listeners hear each exchange id until they unsubscribe', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const heard: string[] = [];
  const stop = recorder.subscribe((id) => heard.push(id));
  await recorder.send(req('/a'));
  recorder.recordBrowserHop({ method: 'GET', url: 'https://as.example/authorize', label: 'hop', phase: 'install' });
  stop();
  await recorder.send(req('/b'));
  expect(heard).toEqual(['x1', 'x2']);
});

test('a browser hop keeps the URL, the status and the Location, redacted; never a body', () => {
  const recorder = new Recorder(new SecretRegistry(), 'h');
  const id = recorder.recordBrowserHop({ method: 'GET', url: 'https://host.example/cb?code=hop-code-123&state=s1', status: 302, location: 'https://next.example/?access_token=hop-token-1', label: 'callback', phase: 'install' });
  expect(id).toBe('h1');
  const [x] = recorder.exchanges();
  expect(x).toMatchObject({
    id: 'h1',
    phase: 'install',
    label: 'callback',
    durationMs: 0,
    request: { method: 'GET', url: `https://host.example/cb?code=${fingerprint('hop-code-123')}&state=s1`, headers: {} },
    response: { status: 302, headers: { location: `https://next.example/?access_token=${fingerprint('hop-token-1')}` }, body: '', truncated: false, bytes: 0 },
  });
  expect(x?.error).toBeUndefined();
  expect(x?.curl).toContain('--max-time 30');
  expect(recorder.curlOf('h1')).toContain('code=$AUTH_CODE');
  recorder.recordBrowserHop({ method: 'GET', url: 'https://as.example/x', status: 200, label: 'page', phase: 'install' });
  expect(recorder.exchanges()[1]?.response?.headers).toEqual({});
  recorder.recordBrowserHop({ method: 'GET', url: 'https://down.example/', error: 'net::ERR_CONNECTION_REFUSED hop-token-1', label: 'down', phase: 'install' });
  const down = recorder.exchanges()[2];
  expect(down?.response).toBeUndefined();
  expect(down?.error).toEqual({ kind: 'network', message: `net::ERR_CONNECTION_REFUSED ${fingerprint('hop-token-1')}` });
  expect(recorder.count()).toBe(3);
});

test('a cacheable request is sent once per run; the others get its answer, recorded as theirs with a note', async () => {
  const cache = new ResponseCache();
  const first = new Recorder(new SecretRegistry(), 'a', cache);
  const second = new Recorder(new SecretRegistry(), 'b', cache);
  const before = hits;
  const r1 = await first.send(req('/doc', { cacheable: true, label: 'fetch doc' }));
  const r2 = await second.send(req('/doc', { cacheable: true, label: 'fetch doc' }));
  expect(hits - before).toBe(1);
  expect(r1.exchangeId).toBe('a1');
  expect(r2.exchangeId).toBe('b1');
  expect(r2.response?.body).toBe(r1.response?.body);
  expect(first.exchanges()[0]?.label).toBe('fetch doc');
  expect(second.exchanges()[0]?.label).toBe("fetch doc (the run's copy: fetched once per run)");
  expect(second.exchanges()[0]?.durationMs).toBe(0);
  // Another body, header set or cap is another request.
  await second.send(req('/doc', { cacheable: true, maxBodyBytes: 10 }));
  await second.send(req('/doc', { cacheable: true, headers: { accept: 'x' } }));
  await second.send(req('/doc', { cacheable: true, method: 'POST', body: 'a' }));
  expect(hits - before).toBe(4);
  // Not cacheable, or no cache: always sent.
  await second.send(req('/doc'));
  await new Recorder(new SecretRegistry()).send(req('/doc', { cacheable: true }));
  expect(hits - before).toBe(6);
});

test('the response cache shares one request in flight between concurrent askers', async () => {
  const cache = new ResponseCache();
  let sent = 0;
  const send = () => {
    sent++;
    return Promise.resolve({ exchangeId: 'z', request: req('/q') });
  };
  const a = cache.answer(req('/q'), send);
  const b = cache.answer(req('/q'), send);
  expect(a.fresh).toBe(true);
  expect(b.fresh).toBe(false);
  expect(b.outcome).toBe(a.outcome);
  expect(sent).toBe(1);
  expect(cache.answer(req('/q', { url: `${origin}/other` }), send).fresh).toBe(true);
  expect(cache.answer(req('/q', { body: '' }), send).fresh).toBe(true);
  expect(sent).toBe(3);
});

test('bytes that are not UTF-8 are decoded with replacement characters, not refused', async () => {
  const outcome = await new Recorder(new SecretRegistry()).send(req('/binary'));
  expect(outcome.response?.body).toBe('A\uFFFDB');
  expect(outcome.response?.bytes).toBe(3);
});

test('a request fetch refuses to build is a network error with fetch\'s own message', async () => {
  const outcome = await new Recorder(new SecretRegistry()).send(req('/a', { method: 'GET', body: 'not allowed' }));
  expect(outcome.error).toEqual({ kind: 'network', message: 'Request with GET/HEAD method cannot have body.' });
});

test('the response cache tells requests apart by their headers and by their body', () => {
  const cache = new ResponseCache();
  const send = () => Promise.resolve({ exchangeId: 'z', request: req('/k') });
  expect(cache.answer(req('/k', { headers: { accept: 'x' } }), send).fresh).toBe(true);
  expect(cache.answer(req('/k', { headers: {} }), send).fresh).toBe(true);
  // No headers at all is the same request as an empty header set.
  expect(cache.answer(req('/k'), send).fresh).toBe(false);
  expect(cache.answer(req('/k', { body: 'a' }), send).fresh).toBe(true);
  expect(cache.answer(req('/k', { body: 'b' }), send).fresh).toBe(true);
});
