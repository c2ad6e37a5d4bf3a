import { createServer } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { API, CONTROL_HEADER, PAGE_TOKEN_HEADER, PAGE_TOKEN_META, PAGE_TOKEN_PARAM } from '../../../mock-host/debugger/wire/controls.ts';
import { startDebugger } from '../../e2e/debugger-support.ts';

function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function pageTokenOf(origin: string): Promise<string> {
  const shell = await (await fetch(`${origin}/`)).text();
  return new RegExp(`name="${PAGE_TOKEN_META}" content="([^"]+)"`).exec(shell)?.[1] ?? '';
}

// Rule: a page of the target in the same browser (here: another loopback origin, as a plugin's login page is) can
// neither read the debugger's session (the view, an exchange, summary.json, the event stream) nor drive a control,
// by fetch, XHR, EventSource, a no-cors request, a form or a frame, even holding a real page token. Checked in real
// Chromium; the debugger's own page, the control, does all of it.
test("a target's page in the same browser can neither read the debugger's timeline nor drive its controls", async ({ page }) => {
  const running = await startDebugger();
  const origin = running.host.origin;
  const attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>a plugin login page</title><body></body>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  try {
    await running.app.step({ action: 'discover' });
    const before = running.app.view();
    expect(before.timeline).toHaveLength(1);
    // The strongest attacker: one that somehow holds a page token the host issued.
    const stolen = await pageTokenOf(origin);
    // What the browser let the page see arrive (requests CORS refused are not reported as responses at all).
    const answers: string[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.url().startsWith(origin) && (path.startsWith('/api/') || path === API.events)) answers.push(`${r.request().method()} ${path} ${r.status()}`);
    });

    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(
      async ({ origin, api, token, names }) => {
        const attempt = async (run: () => Promise<Response>): Promise<string> => run().then((r) => (r.type === 'opaque' ? 'opaque' : `read ${r.status}`), () => 'blocked');
        const withToken = { [names.control]: '1', [names.page]: token };
        const xhr = () =>
          new Promise<string>((resolve) => {
            const x = new XMLHttpRequest();
            x.open('GET', `${origin}${api.view}`);
            x.onload = () => resolve(`read ${x.status}: ${x.responseText.slice(0, 40)}`);
            x.onerror = () => resolve('blocked');
            x.send();
          });
        const stream = (url: string) =>
          new Promise<string>((resolve) => {
            const source = new EventSource(url);
            let messages = 0;
            source.addEventListener('view', () => messages++);
            source.onerror = () => {
              source.close();
              resolve(messages ? `read ${messages} views` : 'blocked');
            };
            setTimeout(() => {
              source.close();
              resolve(messages ? `read ${messages} views` : 'no message');
            }, 3_000);
          });
        const body = JSON.stringify({ action: 'expire' });
        const frame = Object.assign(document.createElement('iframe'), { name: 'sink' });
        const form = Object.assign(document.createElement('form'), { method: 'POST', action: `${origin}${api.step}`, enctype: 'text/plain', target: 'sink' });
        form.append(Object.assign(document.createElement('input'), { name: '{"action":"expire","x":"', value: '"}' }));
        const framed = Object.assign(document.createElement('iframe'), { src: `${origin}/` });
        document.body.append(frame, form, framed);
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
        form.submit();
        await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        // The host forbids framing, and a cross-origin frame's document is out of reach anyway.
        const frameRead = framed.contentDocument ? 'read the page' : 'blocked';
        return {
          view: await attempt(() => fetch(`${origin}${api.view}`)),
          viewWithToken: await attempt(() => fetch(`${origin}${api.view}`, { headers: withToken })),
          viewNoCors: await attempt(() => fetch(`${origin}${api.view}`, { mode: 'no-cors' })),
          summary: await attempt(() => fetch(`${origin}${api.summary}`, { headers: withToken })),
          xhr: await xhr(),
          events: await stream(`${origin}${api.events}`),
          eventsWithToken: await stream(`${origin}${api.events}?${names.param}=${token}`),
          stepWithToken: await attempt(() => fetch(`${origin}${api.step}`, { method: 'POST', headers: { ...withToken, 'content-type': 'application/json' }, body })),
          stepNoCors: await attempt(() => fetch(`${origin}${api.step}`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body })),
          frameRead,
        };
      },
      { origin, api: { view: API.view, summary: API.summary, events: API.events, step: API.step }, token: stolen, names: { control: CONTROL_HEADER, page: PAGE_TOKEN_HEADER, param: PAGE_TOKEN_PARAM } },
    );
    expect(outcome).toEqual({
      view: 'blocked',
      viewWithToken: 'blocked',
      viewNoCors: 'opaque',
      summary: 'blocked',
      xhr: 'blocked',
      events: 'blocked',
      eventsWithToken: 'blocked',
      stepWithToken: 'blocked',
      stepNoCors: 'opaque',
      frameRead: 'blocked',
    });
    // Nothing moved: no step ran, the host's clock stands still.
    const after = running.app.view();
    expect(after.timeline).toHaveLength(1);
    expect(after.tokens.clockOffsetSeconds).toBe(0);
    // The requests that went through unread (no-cors, the form) were refused by the host itself, not just left unread.
    expect(answers.sort()).toEqual([`GET ${API.view} 403`, `POST ${API.step} 403`, `POST ${API.step} 403`]);

    // The host refuses a foreign page's stream itself, token or not (the browser's CORS check is the second wall).
    const streamStatus = async (token: string, headers: Record<string, string> = {}) => {
      const controller = new AbortController();
      const res = await fetch(`${origin}${API.events}?${PAGE_TOKEN_PARAM}=${token}`, { headers, signal: controller.signal });
      controller.abort();
      return res.status;
    };
    const attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    expect(await streamStatus(stolen, { 'sec-fetch-site': 'cross-site', origin: attackerOrigin })).toBe(403);
    expect(await streamStatus(stolen, { 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(await streamStatus(stolen, { origin: attackerOrigin })).toBe(403);
    expect(await streamStatus('a'.repeat(32))).toBe(403);
    expect(await streamStatus(stolen)).toBe(200);

    // A rebinding page (another name for 127.0.0.1) is refused by Host before anything else.
    const port = new URL(origin).port;
    expect(await statusWithHost(`${origin}${API.events}?${PAGE_TOKEN_PARAM}=${stolen}`, `attacker.example:${port}`)).toBe(421);
    expect(await statusWithHost(`${origin}/`, `attacker.example:${port}`)).toBe(421);

    // The page token is needed even from the host's own origin: the control header alone reads nothing.
    await page.goto(`${origin}/healthz`);
    const ownOriginWithoutToken = await page.evaluate(async ({ view, events, control }) => {
      const read = await fetch(view, { headers: { [control]: '1' } });
      const stream = await new Promise<string>((resolve) => {
        const source = new EventSource(events);
        source.onerror = () => (source.close(), resolve('refused'));
        source.addEventListener('view', () => (source.close(), resolve('read')));
      });
      return { read: read.status, stream };
    }, { view: API.view, events: API.events, control: CONTROL_HEADER });
    expect(ownOriginWithoutToken).toEqual({ read: 403, stream: 'refused' });

    // The control: the debugger's own page reads the timeline live and drives a step.
    await page.goto(origin);
    await expect(page.locator('.connection')).toHaveText('live');
    await expect(page.locator('.step[data-seq="1"]')).toHaveAttribute('data-action', 'discover');
    await page.getByRole('button', { name: 'Advance to expiry' }).click();
    await expect(page.locator('.step[data-seq="2"]')).toHaveClass(/passed/);
    expect(running.app.view().tokens.clockOffsetSeconds).toBeGreaterThan(0);
  } finally {
    attacker.closeAllConnections();
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
    await running.close();
  }
});
