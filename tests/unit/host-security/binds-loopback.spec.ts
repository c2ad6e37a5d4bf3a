import { request as httpRequest } from 'node:http';
import { test, expect } from '@playwright/test';
import { MockHostServer } from '../../../mock-host/server/mock-host-server.ts';

function statusWithHost(origin: string, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

// Rule: the host listens on 127.0.0.1 unless told otherwise, and answers only to its own loopback names, so a
// DNS-rebinding page (attacker.example resolving to 127.0.0.1) gets nothing from it.
test('binds 127.0.0.1 by default and refuses requests addressed to another host name', async () => {
  const host = new MockHostServer();
  const origin = await host.start();
  try {
    expect(new URL(origin).hostname).toBe('127.0.0.1');
    const port = new URL(origin).port;
    expect(await statusWithHost(origin, '/healthz', `127.0.0.1:${port}`)).toBe(200);
    expect(await statusWithHost(origin, '/healthz', `localhost:${port}`)).toBe(200);
    expect(await statusWithHost(origin, '/api/sessions', `attacker.example:${port}`)).toBe(421);
    expect(await statusWithHost(origin, '/', `attacker.example:${port}`)).toBe(421);
  } finally {
    await host.close();
  }
});
