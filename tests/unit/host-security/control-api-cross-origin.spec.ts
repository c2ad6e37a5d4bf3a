import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { discoveredSession, startedHost } from './support.ts';

// Rule: a page the browser shows from another origin (a plugin's login page on another loopback port, say) cannot
// drive the control API: not with fetch and the control header (the preflight is never granted), not with a
// simple no-cors POST, not with a cross-site form POST into a hidden frame. Checked in real Chromium.
test('a page on another loopback origin cannot move the host clock or read the sessions', async ({ page }) => {
  const host = await startedHost();
  const attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>a plugin login page</title><body></body>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  try {
    const session = discoveredSession(host);
    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(`${host.origin}/api/`)) answers.push(r.status());
    });
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(async (hostOrigin) => {
      const body = JSON.stringify({ seconds: 999_999 });
      const attempt = async (run: () => Promise<Response>): Promise<string> => run().then((r) => (r.type === 'opaque' ? 'opaque' : `read ${r.status}`), () => 'blocked');
      const preflighted = await attempt(() =>
        fetch(`${hostOrigin}/api/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-conformance-control': '1' }, body }),
      );
      const simple = await attempt(() => fetch(`${hostOrigin}/api/clock/advance`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }));
      const read = await attempt(() => fetch(`${hostOrigin}/api/sessions`, { headers: { 'x-conformance-control': '1' } }));
      // The classic CSRF: a text/plain form whose field name and value add up to a JSON body.
      const frame = Object.assign(document.createElement('iframe'), { name: 'sink' });
      const form = Object.assign(document.createElement('form'), { method: 'POST', action: `${hostOrigin}/api/clock/advance`, enctype: 'text/plain', target: 'sink' });
      form.append(Object.assign(document.createElement('input'), { name: '{"seconds":999999,"x":"', value: '"}' }));
      document.body.append(frame, form);
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
      form.submit();
      // The host forbids framing, so the frame may never report a load: wait a bounded time either way.
      await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      return { preflighted, simple, read };
    }, host.origin);
    expect(outcome).toEqual({ preflighted: 'blocked', simple: 'opaque', read: 'blocked' });
    expect(session.clock.offsetSeconds()).toBe(0);
    // Every request that did reach the host (the simple POST and the form) was refused there, not just unread.
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.every((status) => status === 403)).toBe(true);

    // The control: the host's own page, same request, does move the clock.
    await page.goto(`${host.origin}/healthz`);
    const own = await page.evaluate(async () => {
      const r = await fetch('/api/clock/advance', { method: 'POST', headers: { 'content-type': 'application/json', 'x-conformance-control': '1' }, body: '{"seconds":5}' });
      return r.status;
    });
    expect(own).toBe(200);
    expect(session.clock.offsetSeconds()).toBe(5);
  } finally {
    attacker.closeAllConnections();
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
    await host.close();
  }
});
