import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './plugin-fixture.ts';
import { flagsFor, onlyScenarios, runCli } from './run-cli.ts';

interface AllureResult {
  name: string;
  status: string;
  statusDetails?: { message?: string };
  labels: { name: string; value: string }[];
  links: { name?: string; url: string; type?: string }[];
}

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

// What a reviewer sees in the HTML report of a failing run. The page runs in the self-tests project's Chromium,
// which playwright.config.ts takes from findChromium(). The report is 4-5 MB of inlined script: on a loaded
// 2-core machine it takes well over 10 s to render, so every wait is for content and generous.
test.describe('the Allure report of a failing run', () => {
  test.describe.configure({ timeout: 420_000 });
  test('shows the environment, finding categories, doc links, and the finding with its fix first', async ({ page, startPlugin }, testInfo) => {
    const plugin = await startPlugin({ faults: ['no-refresh-token'] });
    const project = mkdtempSync(join(tmpdir(), 'report-review-'));
    const run = await runCli([...flagsFor(plugin.harnessEnv()), '--reports-dir', 'reports', ...onlyScenarios('discovery', 'absent-refresh-token')], { cwd: project, timeoutMs: 300_000 });
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    const results = join(project, 'reports', 'allure-results');

    const environment = readFileSync(join(results, 'environment.properties'), 'utf8');
    expect(environment).toContain(`target=${plugin.url}\n`);
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
    await openReport(page, pathToFileURL(join(project, 'reports', 'allure-report-single', 'index.html')).href);
    await expect(page.getByText('plugin-conformance 0.1.0')).toBeVisible();
    await expect(page.getByText(plugin.url).first()).toBeVisible();
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
