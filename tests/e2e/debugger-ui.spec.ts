import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import type { ProfileId } from '../../mock-host/profiles/registry.ts';
import { digest, expectStep, MANUAL_FLOW, runOnEngine, signInAtTarget, startDebugger, TEST_ACCOUNT, viewFindings, type RunningDebugger } from './debugger-support.ts';
import { scanDirectory, scanText, spellingsOf, type Needle } from './secret-scan.ts';

// The bundled targets' own secrets: none may reach the page, the API or an exported report in any spelling.
const NEEDLES: Needle[] = [...spellingsOf('client secret', 'reference-secret'), ...spellingsOf('login password', TEST_ACCOUNT.password), ...spellingsOf('verification token', 'reference-verification-token')];

// PLUGIN_DOCS_SCREENSHOT=1 also writes the README's picture (docs/debugger.png); a normal run leaves the tree alone.
const DOCS_SCREENSHOT = join(import.meta.dirname, '..', '..', 'docs', 'debugger.png');

/**
 * Errors the debugger's own pages log: a CSP violation (an eval, a script without the nonce), a page error, a request
 * that failed. The target's pages (visited during the install) are not ours to judge.
 */
async function consoleErrorsOf(page: Page, origin: string): Promise<string[]> {
  const errors: string[] = [];
  // Chromium reports a blocked eval as a violation event, not always on the console: say it there.
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  page.on('console', (m) => {
    if (m.type() === 'error' && page.url().startsWith(origin)) errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<Buffer> {
  const png = await page.screenshot({ fullPage: true });
  await testInfo.attach(name, { body: png, contentType: 'image/png' });
  return png;
}

/**
 * The manual flow with the page's controls, as a user does it: Install (the page sends this browser to the target's
 * sign-in, which comes back to the mock host's callback), Call, Advance to expiry (by keyboard), Refresh now, Call.
 */
async function walkManualFlow(page: Page, testInfo: TestInfo, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Install' }).click();
  await signInAtTarget(page);
  await page.getByRole('link', { name: 'Back to the mock host' }).click();
  await expect(page.locator('.connection')).toHaveText('live');
  await expectStep(page, 1, 'discover');
  await expectStep(page, 2, 'install');
  await expect(page.locator('.tokens .state')).toHaveText('The host holds a valid access token.');
  await expect(page.locator('.tokens .fingerprint').first()).toContainText('[redacted sha256:');
  await expect(page.locator('.tokens .refresh')).toContainText('held');

  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expectStep(page, 3, 'use');
  await screenshot(page, testInfo, `${label}: installed and called`);

  // By keyboard: the controls are real buttons.
  await page.getByRole('button', { name: 'Advance to expiry' }).focus();
  await page.keyboard.press('Enter');
  await expectStep(page, 4, 'expire');
  await expect(page.locator('.tokens .state')).toHaveText('The access token has expired on the host clock.');
  await expect(page.locator('.visually-hidden[aria-live="polite"]')).toContainText('Step 4, expire: passed');

  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expectStep(page, 5, 'refresh');
  await expect(page.locator('.tokens .state')).toHaveText('The host holds a valid access token.');
  await expect(page.locator('.tokens dl.token').first()).toContainText('refresh 1');

  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expectStep(page, 6, 'use');
}

/** The page shows every finding of the session, each beside its step, and the engine found the same on its own. */
async function expectSameFindingsAsEngine(page: Page, running: RunningDebugger, profile: ProfileId, browser: import('@playwright/test').Browser): Promise<void> {
  const shown = viewFindings(running.app.view());
  for (const finding of shown) await expect(page.locator(`.finding[data-code="${finding.code}"]`).first()).toBeVisible();
  const engine = await runOnEngine({ profile, base: running.base, host: running.host, browser, steps: MANUAL_FLOW });
  await test.info().attach('findings: page and engine', { body: JSON.stringify({ page: digest(shown), engine: digest(engine.findings.list()) }, null, 2), contentType: 'application/json' });
  expect(digest(shown)).toEqual(digest(engine.findings.list()));
}

test.describe('the mock host as an OAuth debugger', () => {
  test.describe.configure({ timeout: 180_000 });

  test('against the reference plugin (chatgpt-plugin): install, call, past expiry, refresh, call; export; the engine finds the same', async ({ page, browser }, testInfo) => {
    const running = await startDebugger();
    const errors = await consoleErrorsOf(page, running.host.origin);
    try {
      await page.goto(running.host.origin);
      await expect(page.locator('.connection')).toHaveText('live');
      await walkManualFlow(page, testInfo, 'reference plugin');

      // An exchange expands to its redacted request and response and its reproduction.
      const exchange = page.locator('.step[data-seq="2"] .exchange').filter({ hasText: 'exchange code' });
      await exchange.getByRole('button').click();
      await expect(exchange.locator('.exchange-detail .curl')).toContainText('$PLUGIN_CLIENT_SECRET');
      await expect(exchange.locator('.exchange-detail')).toContainText('[redacted sha256:');
      // The user's browser shows as two hops where it touched the mock host: the start and the callback.
      await expect(page.locator('.step[data-seq="2"] .exchange.hop')).toHaveCount(2);

      await expectSameFindingsAsEngine(page, running, 'chatgpt-plugin', browser);

      await page.getByRole('button', { name: 'Export the session' }).click();
      await expect(page.locator('.last-export')).toContainText('summary.json', { timeout: 60_000 });
      await expect(page.locator('.last-export')).toContainText('allure-report-single/index.html');
      const summary = JSON.parse(readFileSync(join(running.reportsDir, 'summary.json'), 'utf8')) as { scenarios: { id: string; status: string }[]; findings: { code: string; severity: string }[] };
      expect(summary.scenarios.map((s) => [s.id, s.status])).toEqual([['debugger', 'passed']]);
      expect(digest(summary.findings)).toEqual(digest(viewFindings(running.app.view())));

      const png = await screenshot(page, testInfo, 'reference plugin: after the flow, an exchange expanded');
      if (process.env.PLUGIN_DOCS_SCREENSHOT === '1') writeFileSync(DOCS_SCREENSHOT, png);

      const scanned = scanDirectory(running.reportsDir, NEEDLES);
      expect(scanned.files).toBeGreaterThan(10);
      const hits = [...scanned.hits, ...scanText(await page.content(), 'the page', NEEDLES), ...scanText(JSON.stringify(running.app.view()), 'the view', NEEDLES)];
      expect(hits, hits.map((h) => `${h.needle} in ${h.where}: …${h.context}…`).join('\n')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await running.close();
    }
  });

  test('against the reference MCP server (claude-connector), chosen on the page: the same flow; the engine finds the same', async ({ page, browser }, testInfo) => {
    const running = await startDebugger();
    const errors = await consoleErrorsOf(page, running.host.origin);
    try {
      await page.goto(running.host.origin);
      await page.getByLabel('Host profile').selectOption('claude-connector');
      await page.getByLabel('the bundled reference MCP server').check();
      await page.getByRole('button', { name: 'Start a new session' }).click();
      await expect(page.locator('.target-form .current')).toContainText('Claude connector against');
      await expect(page.locator('.target-form .current')).toContainText('/mcp');

      await walkManualFlow(page, testInfo, 'reference MCP server');
      await expect(page.locator('.target-form .current')).toContainText('client');
      await expect(page.locator('.tokens')).toContainText('Requested for resource');
      await screenshot(page, testInfo, 'reference MCP server: after the flow');

      await expectSameFindingsAsEngine(page, running, 'claude-connector', browser);
      const hits = [...scanText(await page.content(), 'the page', NEEDLES), ...scanText(JSON.stringify(running.app.view()), 'the view', NEEDLES)];
      expect(hits, hits.map((h) => `${h.needle} in ${h.where}`).join('\n')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await running.close();
    }
  });
});
