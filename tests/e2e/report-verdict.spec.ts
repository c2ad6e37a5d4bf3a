import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from './plugin-fixture.ts';
import { flagsFor, onlyScenarios, runCli } from './run-cli.ts';

interface SummaryShape {
  findings: { code: string; severity: string; fix: string; scenario: string }[];
}

// Issue 10 item 7: the HTML report of a failing run opens on the verdict and every error and warning with its fix
// and a link to its evidence, on its first screen, before any click.
test('the HTML report opens on the verdict, each error and warning with its fix and evidence link', async ({ page, startPlugin }, testInfo) => {
  test.setTimeout(420_000);
  const plugin = await startPlugin({ faults: ['no-refresh-token', 'api-401-no-challenge'] });
  const project = mkdtempSync(join(tmpdir(), 'report-verdict-'));
  const run = await runCli([...flagsFor(plugin.harnessEnv()), '--reports-dir', 'reports', ...onlyScenarios('absent-refresh-token', 'invalid-token')], { cwd: project, timeoutMs: 300_000 });
  expect(run.exitCode, run.stdout + run.stderr).toBe(1);
  const summary = JSON.parse(readFileSync(join(project, 'reports', 'summary.json'), 'utf8')) as SummaryShape;
  const serious = summary.findings.filter((f) => f.severity !== 'info');
  expect(serious.map((f) => f.severity)).toEqual(expect.arrayContaining(['error', 'warning']));

  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(pathToFileURL(join(project, 'reports', 'allure-report-single', 'index.html')).href);
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
