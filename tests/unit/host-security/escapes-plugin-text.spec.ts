import { test, expect, type Page } from '@playwright/test';
import { HOSTILE_CLIENT } from '../../../examples/hostile-plugin/documents.ts';
import { startHostilePlugin } from '../../../examples/hostile-plugin/start.ts';
import type { BehaviourName } from '../../../examples/hostile-plugin/behaviours/index.ts';
import { defaultSettings } from '../../../mock-host/config/settings.ts';
import { HostSession } from '../../../mock-host/engine/session.ts';
import { chatgptPlugin } from '../../../mock-host/profiles/chatgpt-plugin/index.ts';
import { debuggerRoutes } from '../../../mock-host/debugger/debugger-routes.ts';
import { HostDebugger } from '../../../mock-host/debugger/host-debugger.ts';
import type { MockHostServer } from '../../../mock-host/server/mock-host-server.ts';
import { startedHost } from './support.ts';

declare global {
  interface Window {
    __pwned?: number;
  }
}

async function installThroughHost(host: MockHostServer, behaviour: BehaviourName, page: Page): Promise<{ session: HostSession; close: () => Promise<void> }> {
  const plugin = await startHostilePlugin({ behaviour });
  const settings = defaultSettings({ clientId: HOSTILE_CLIENT.clientId, clientSecret: HOSTILE_CLIENT.clientSecret, redirect: 'local' });
  const session = new HostSession({ scenario: 'escaping', profile: chatgptPlugin, settings, origin: plugin.url, hostOrigin: host.origin });
  host.track(session);
  await session.discover();
  const sent = await session.beginInstall();
  const expected = host.expectCallback(session, sent);
  const settled = expected.done.catch(() => undefined);
  // The plugin's authorization page redirects straight back to the host's own callback page.
  await page.goto(expected.startUrl);
  await settled;
  return { session, close: () => plugin.close() };
}

/** Nothing the plugin wrote ran, and it shows as text. */
async function expectInert(page: Page, literal: string): Promise<void> {
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
  await expect(page.locator('body')).toContainText(literal);
}

// Rule: names, descriptions and error texts from the plugin are escaped on every page the host renders (the
// callback's "Installed" and "Install failed" pages, the status page, the debugger's page). Real Chromium, a
// plugin whose name is a <script> and whose error_description is one.
test('plugin text with <script> and onerror markup renders as text on every host page', async ({ page }) => {
  const host = await startedHost();
  const closers: (() => Promise<void>)[] = [];
  try {
    const named = await installThroughHost(host, 'manifest-script-in-name', page);
    closers.push(named.close);
    expect(named.session.target?.nameForHuman).toBe('<script>window.__pwned=1</script>');
    await expect(page.locator('h1')).toHaveText('Installed');
    await expectInert(page, '<script>window.__pwned=1</script> is installed');

    const failed = await installThroughHost(host, 'callback-error-markup', page);
    closers.push(failed.close);
    await expect(page.locator('h1')).toHaveText('Install failed');
    await expectInert(page, '<script>window.__pwned=3</script>');

    await page.goto(host.origin);
    await expectInert(page, 'AUTHORIZE_ERROR_RESPONSE');
  } finally {
    for (const close of closers) await close();
    await host.close();
  }
});

// The debugger's page renders the same texts with Preact (text nodes, never markup): the plugin's name once
// discovered, and a finding quoting the error_description of a callback, installed through the page in this browser.
test('plugin text with <script> and onerror markup renders as text on the debugger page', async ({ page }) => {
  const host = await startedHost();
  const app = new HostDebugger({ mockHost: host, base: defaultSettings({}), scenarios: [] });
  host.enableDebugger(debuggerRoutes(app, host.hostNames));
  const plugins = [await startHostilePlugin({ behaviour: 'callback-error-markup' }), await startHostilePlugin({ behaviour: 'manifest-script-in-name' })];
  const target = (url: string) => ({ kind: 'url' as const, url, clientId: HOSTILE_CLIENT.clientId, clientSecret: HOSTILE_CLIENT.clientSecret });
  try {
    await app.configure({ profile: 'chatgpt-plugin', target: target(plugins[0]?.url ?? '') });
    await page.goto(host.origin);
    await page.getByRole('button', { name: 'Install' }).click();
    // The plugin's authorization page sends the browser straight back with the markup in error_description.
    await expect(page.locator('h1')).toHaveText('Install failed');
    await page.getByRole('link', { name: 'Back to the mock host' }).click();
    await expect(page.locator('.finding[data-code="AUTHORIZE_ERROR_RESPONSE"]')).toContainText('<script>window.__pwned=3</script>');
    await expectInert(page, '<script>window.__pwned=3</script>');

    await app.configure({ profile: 'chatgpt-plugin', target: target(plugins[1]?.url ?? '') });
    await page.getByRole('button', { name: 'Discover' }).click();
    await expect(page.locator('.target-name')).toHaveText('<script>window.__pwned=1</script>');
    await expectInert(page, '<script>window.__pwned=1</script>');
    // Only the page's own scripts are there (its import map and its module), each with the page's nonce.
    const scripts = await page.locator('script').evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).nonce !== ''));
    expect(scripts).toEqual([true, true]);
  } finally {
    await app.close();
    for (const plugin of plugins) await plugin.close();
    await host.close();
  }
});
