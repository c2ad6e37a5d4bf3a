import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { listen } from '../../examples/shared/loopback-server.ts';
import { authorizeInBrowser } from '../../mock-host/browser/authorize-in-browser.ts';
import { defaultSettings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { test } from '../../scenarios/fixtures.ts';

const stopsAtCallback = fileURLToPath(new URL('./fixtures/login-script-stops-at-callback.ts', import.meta.url));

// PLUGIN_REDIRECT=local: the browser is sent to the host's own callback route after the consent page. authorizeInBrowser
// must keep the page open until that route has answered, even when the login script returns the moment the callback
// is reached: closing the page then cancels the callback, and the install waits for one that never comes.
test('with the host answering the callback itself, the browser stays until the callback is answered', async ({ browser }) => {
  const answered: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/authorize') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><form action="/callback"><input type="hidden" name="code" value="the-code"><input type="hidden" name="state" value="s1"><button>Allow</button></form>');
      return;
    }
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    // The host's route completes the install (the code exchange) before it answers: slower than the request event.
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Installed.</p>', () => answered.push(url.search)), 500);
  });
  const listening = await listen(server, '127.0.0.1', 0);
  const origin = listening.url;
  const context = await browser.newContext();
  const session = new HostSession({ scenario: 'callback-answered', profile: PROFILES['chatgpt-plugin'], settings: { ...defaultSettings(), login: { script: stopsAtCallback } }, origin, hostOrigin: origin });
  try {
    const outcome = await authorizeInBrowser({
      session,
      context,
      sent: { url: `${origin}/authorize`, state: 's1', redirectUri: `${origin}/callback`, clientId: 'c', scope: '' },
      intercept: false,
    });
    expect(outcome.kind).toBe('callback');
    expect(answered).toEqual(['?code=the-code&state=s1']);
  } finally {
    await session.dispose();
    await context.close();
    await listening.close();
  }
});
