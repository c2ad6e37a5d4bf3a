import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { registerClient } from '../../../mock-host/oauth/dcr.ts';
import { Recorder } from '../../../mock-host/recorder/recorder.ts';
import { fingerprint, SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

let server: Server;
let origin = '';
let seen: { method?: string; headers?: IncomingHttpHeaders; body?: string } = {};
const answers: Record<string, { status: number; type?: string; body: string }> = {
  '/full': { status: 201, type: 'application/json; charset=utf-8', body: JSON.stringify({ client_id: 'new-client', client_secret: 'issued-secret-1', token_endpoint_auth_method: 'client_secret_basic', redirect_uris: ['https://h/cb'], extra: 1 }) },
  '/public': { status: 201, type: 'application/json', body: JSON.stringify({ client_id: 'public-client' }) },
  '/no-id': { status: 201, type: 'application/json', body: JSON.stringify({ client_secret: 'orphan-secret-1' }) },
  '/array': { status: 200, type: 'application/json', body: '[{"client_id":"x"}]' },
  '/html': { status: 400, type: 'text/html', body: '<html>nope</html>' },
  '/bare': { status: 500, body: 'oops' },
  '/null': { status: 201, type: 'application/json', body: 'null' },
  '/string': { status: 201, type: 'application/json', body: '"client_id"' },
  '/broken': { status: 201, type: 'application/json', body: '{"client_id":' },
};

test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen = { method: req.method, headers: req.headers, body };
      const a = answers[req.url ?? ''] ?? { status: 404, body: '' };
      res.writeHead(a.status, a.type ? { 'content-type': a.type } : {});
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const register = (recorder: Recorder, path: string) =>
  registerClient(recorder, { endpoint: `${origin}${path}`, body: { client_name: 'Host', redirect_uris: ['https://h/cb'] }, userAgent: 'test-agent/1', timeoutMs: 5000, maxBodyBytes: 10_000 });

test('the registration request: a JSON POST with the host\'s body and user agent, recorded in the install phase', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const answer = await register(recorder, '/full');
  expect(seen.method).toBe('POST');
  expect(seen.headers?.['content-type']).toBe('application/json');
  expect(seen.headers?.accept).toBe('application/json');
  expect(seen.headers?.['user-agent']).toBe('test-agent/1');
  expect(JSON.parse(seen.body ?? '')).toEqual({ client_name: 'Host', redirect_uris: ['https://h/cb'] });
  expect(answer.outcome.request).toMatchObject({ phase: 'install', label: 'register a client (RFC 7591)', timeoutMs: 5000, maxBodyBytes: 10_000 });
  expect(answer).toEqual({
    outcome: answer.outcome,
    status: 201,
    contentType: 'application/json',
    json: { client_id: 'new-client', client_secret: 'issued-secret-1', token_endpoint_auth_method: 'client_secret_basic', redirect_uris: ['https://h/cb'], extra: 1 },
    client: { clientId: 'new-client', clientSecret: 'issued-secret-1', authMethod: 'client_secret_basic' },
  });
  expect(recorder.secrets.substituteVariables('issued-secret-1')).toBe('$PLUGIN_CLIENT_SECRET');
  expect(recorder.exchanges()[0]?.response?.body).toContain(fingerprint('issued-secret-1'));
});

test('a public client: only its id', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const answer = await register(recorder, '/public');
  expect(answer.client).toEqual({ clientId: 'public-client' });
  expect(recorder.secrets.values()).toEqual([]);
});

test('answers that name no client: JSON without client_id, a JSON array, HTML, no Content-Type, no answer at all', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const noId = await register(recorder, '/no-id');
  expect(noId).toEqual({ outcome: noId.outcome, status: 201, contentType: 'application/json', json: { client_secret: 'orphan-secret-1' } });
  // Not a valid registration: its secret is not taken as the client's (the recorder still redacts the field).
  expect(recorder.secrets.substituteVariables('orphan-secret-1')).toBe('$PLUGIN_CLIENT_SECRET');
  const array = await register(recorder, '/array');
  expect(array).toEqual({ outcome: array.outcome, status: 200, contentType: 'application/json' });
  const html = await register(recorder, '/html');
  expect(html).toEqual({ outcome: html.outcome, status: 400, contentType: 'text/html' });
  const bare = await register(recorder, '/bare');
  expect(bare).toEqual({ outcome: bare.outcome, status: 500 });
  const down = await registerClient(recorder, { endpoint: 'ftp://nowhere.example/register', body: {}, userAgent: 'a', timeoutMs: 100, maxBodyBytes: 10 });
  expect(down).toEqual({ outcome: down.outcome });
  expect(down.outcome.error?.kind).toBe('blocked-scheme');
});

test('a JSON null, a JSON string and broken JSON are no registration answer', async () => {
  const recorder = new Recorder(new SecretRegistry());
  for (const path of ['/null', '/string', '/broken']) {
    const answer = await register(recorder, path);
    expect(answer).toEqual({ outcome: answer.outcome, status: 201, contentType: 'application/json' });
  }
});
