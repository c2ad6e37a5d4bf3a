import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { CREDENTIAL_PREFIX, SENTINELS } from './secret-scan.ts';
import { expectNoSentinelInOutputs } from './secret-leaks.ts';
import { sharedRun } from './shared-run.ts';

interface SummaryShape {
  verdict: string;
  findings: { code: string; severity: string; message: string; fix: string; scenario: string }[];
  totals: { errors: number };
}

interface AllureResult {
  name: string;
  status: string;
  statusDetails?: { message?: string };
  labels: { name: string; value: string }[];
  links: { name?: string; url: string; type?: string }[];
}

// One whole `PLUGIN_URL=… npm test` (HTML reports included) against a plugin that fails the way users meet it: no
// refresh token, a client secret it never checks, codes it accepts twice (a warning), and an API that quotes the
// token it refuses. It holds sentinel secrets, and its 5 s token lifetime lets the expired-token probe wait for real
// and send a real (sentinel) token the API echoes. Each test reads another output of the same run.
const failingRun = sharedRun(
  { ...SENTINELS, credentialPrefix: CREDENTIAL_PREFIX, faults: ['no-refresh-token', 'any-client-secret', 'reusable-codes', 'api-echoes-token'], accessTokenTtlSeconds: 5 },
  300_000,
  { htmlReport: true },
);

/**
 * Opens the single-file report and waits for its content. Under heavy load the report's first render has been seen
 * to stop at the header and footer; a reload (the same file, no network) has always rendered, so one is allowed.
 */
async function openReport(page: Page, url: string): Promise<void> {
  const rendered = () => page.waitForFunction(() => /Failed/.test(document.body.innerText) && /Metadata/.test(document.body.innerText), null, { timeout: 90_000 });
  await page.goto(url);
  try {
    await rendered();
  } catch {
    await page.reload();
    await rendered();
  }
}

const singleFileReport = (reportsDir: string) => pathToFileURL(join(reportsDir, 'allure-report-single', 'index.html')).href;

test.describe('one run against a failing plugin', () => {
  // The first test also waits for the run; the report's pages are 4-5 MB of inlined script, slow on a loaded machine.
  test.describe.configure({ timeout: 420_000 });

  test('exit 1 with REFRESH_TOKEN_MISSING and USER_MISSING_CREDENTIALS', async () => {
    const run = await failingRun();
    const summary = run.summary as SummaryShape;
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    expect(summary.verdict).toBe('fail');
    const codes = summary.findings.map((f) => f.code);
    expect(codes).toContain('REFRESH_TOKEN_MISSING');
    expect(codes).toContain('USER_MISSING_CREDENTIALS');
  });

  // Issue 10 item 6: the console shows each finding once with its fix, no harness stack frame or error-context file
  // for the plugin's failures, and the counts of the console, summary.md and the gate line agree.
  test('the console: each finding once with its fix, no harness frames, counts that agree', async () => {
    const run = await failingRun();
    const out = run.stdout;
    const summary = run.summary as SummaryShape;
    for (const f of summary.findings.filter((x) => x.severity !== 'info')) {
      const shown = out.split(`fix:  ${f.fix}`).length - 1;
      expect(shown, `${f.code}'s fix in the console`).toBe(1);
    }
    expect(out).toContain('REFRESH_TOKEN_MISSING: again, as shown above under');
    expect(out).not.toMatch(/fixtures\.ts:\d+/);
    expect(out).not.toContain('Error Context');
    expect(out).not.toContain('attachment #');
    const errors = summary.totals.errors;
    expect(errors).toBeGreaterThan(0);
    expect(out).toContain(`findings: ${errors} errors`);
    expect(readFileSync(join(run.reportsDir, 'summary.md'), 'utf8')).toContain(`**Findings:** ${errors} errors`);
    expect(run.stderr).toContain(`${errors} findings at or above --fail-on error`);
  });

  test('secrets never reach a report or the console, though the API echoes the token in its errors', async () => {
    expectNoSentinelInOutputs(await failingRun());
  });

  // Issue 10 item 7: the HTML report of a failing run opens on the verdict and every error and warning with its fix
  // and a link to its evidence, on its first screen, before any click.
  test('the HTML report opens on the verdict, each error and warning with its fix and evidence link', async ({ page }, testInfo) => {
    const run = await failingRun();
    const serious = (run.summary as SummaryShape).findings.filter((f) => f.severity !== 'info');
    expect(serious.map((f) => f.severity)).toEqual(expect.arrayContaining(['error', 'warning']));

    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(singleFileReport(run.reportsDir));
    const panel = page.locator('#plugin-conformance-verdict');
    await expect(panel).toBeVisible({ timeout: 90_000 });
    await expect(panel.getByRole('heading', { name: 'Verdict: FAIL' })).toBeInViewport();
    for (const f of serious) {
      const item = panel.locator('li', { hasText: `[${f.severity}] ${f.code}` }).first();
      await expect(item).toBeInViewport();
      await expect(item).toContainText(`fix: ${f.fix}`);
      await expect(item.getByRole('link', { name: /^evidence: / })).toHaveAttribute('href', /^#\/[0-9a-f]{32}$/);
    }
    const shot = await page.screenshot({ path: testInfo.outputPath('report-first-screen.png') });
    await testInfo.attach('report first screen', { body: shot, contentType: 'image/png' });

    // The evidence link opens the scenario's test in Allure's own view.
    const missing = serious.find((f) => f.code === 'REFRESH_TOKEN_MISSING');
    expect(missing).toBeDefined();
    await panel.locator('li', { hasText: '[error] REFRESH_TOKEN_MISSING' }).first().getByRole('link', { name: /^evidence: / }).click();
    await expect(page.locator('#app').getByText(`${missing?.scenario ?? ''} failed`).first()).toBeVisible({ timeout: 120_000 });
    await testInfo.attach('evidence link followed', { body: await page.screenshot(), contentType: 'image/png' });
  });

  // What a reviewer sees in the Allure report. The page runs in the self-tests project's Chromium, which
  // playwright.config.ts takes from findChromium(); every wait is for content and generous.
  test('the Allure report shows the environment, finding categories, doc links, and the finding with its fix first', async ({ page }, testInfo) => {
    const run = await failingRun();
    const results = join(run.reportsDir, 'allure-results');
    const environment = readFileSync(join(results, 'environment.properties'), 'utf8');
    expect(environment).toContain(`target=${run.pluginUrl}\n`);
    expect(environment).toContain('profile=chatgpt-plugin\n');
    expect(environment).toMatch(/^harness=plugin-conformance \d+\.\d+\.\d+$/m);
    expect(environment).toMatch(/^browser=.+$/m);

    const failed = readdirSync(results)
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(join(results, f), 'utf8')) as AllureResult)
      .find((r) => r.name.endsWith('absent-refresh-token: Users keep access after the token expires'));
    expect(failed?.labels.filter((l) => l.name === 'finding').map((l) => l.value)).toEqual(['USER_MISSING_CREDENTIALS', 'REFRESH_TOKEN_MISSING']);
    expect(failed?.labels.filter((l) => l.name === 'finding_severity').map((l) => l.value)).toEqual(['error', 'error']);
    expect(failed?.links.map((l) => l.url)).toContainEqual(expect.stringMatching(/docs\/findings\.md#refresh_token_missing$/));
    const message = failed?.statusDetails?.message ?? '';
    expect(message.indexOf('REFRESH_TOKEN_MISSING')).toBeLessThan(message.indexOf('fix:'));
    expect(message.indexOf('fix:')).toBeLessThan(message.indexOf('reproduce: curl'));

    await page.setViewportSize({ width: 1400, height: 1000 });
    await openReport(page, singleFileReport(run.reportsDir));
    await expect(page.getByText('plugin-conformance 0.1.0')).toBeVisible();
    await expect(page.getByText(run.pluginUrl).first()).toBeVisible();
    await testInfo.attach('report overview', { body: await page.screenshot(), contentType: 'image/png' });

    await page.getByText('absent-refresh-token: Users keep access after the token expires').first().click();
    const error = page.locator('pre', { hasText: 'absent-refresh-token failed: 2 error finding' }).first();
    await expect(error).toBeVisible({ timeout: 120_000 });
    // The failure reads finding, fix, reproduction, and comes before anything else about the test.
    const shown = await error.innerText();
    expect(shown.indexOf('[error] REFRESH_TOKEN_MISSING')).toBeGreaterThan(-1);
    expect(shown.indexOf('[error] REFRESH_TOKEN_MISSING')).toBeLessThan(shown.indexOf('fix:  Return a refresh_token'));
    expect(shown.indexOf('fix:  Return a refresh_token')).toBeLessThan(shown.indexOf('reproduce: curl'));
    const text = await page.evaluate(() => document.body.innerText);
    expect(text.indexOf('reproduce: curl')).toBeLessThan(text.indexOf('Parameters'));
    await expect(page.getByText('Category: Error findings (fail the run)')).toBeVisible();
    await expect(page.getByText('REFRESH_TOKEN_MISSING (docs)')).toBeVisible();
    await testInfo.attach('failed scenario', { body: await page.screenshot(), contentType: 'image/png' });

    await page.goBack();
    await page.getByText(/^Categories/).first().click();
    await expect(page.getByText('Error findings (fail the run)')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Info findings')).toBeVisible();
    await expect(page.getByText('REFRESH_TOKEN_MISSING', { exact: true })).toBeVisible();
    await testInfo.attach('categories', { body: await page.screenshot(), contentType: 'image/png' });
  });
});
