import { test, expect, chromium } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromiumLaunchArgs, findChromium } from '../../../mock-host/browser/find-browser.ts';
import { reportPaths } from '../../../mock-host/report/report-paths.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ALLURE_CLI = join(dirname(createRequire(import.meta.url).resolve('allure')), '..', 'cli.js');

/** One hand-written Allure result, labelled the way the scenario spec labels its tests. */
function writeResult(dir: string): void {
  const now = Date.now();
  const result = {
    uuid: '0b7d6e4e-2f00-4c47-9d4a-8f0c7a1d2e31',
    historyId: 'refresh-lifecycle',
    name: 'refresh token survives expiry',
    fullName: 'scenarios/lifecycle.spec.ts#refresh token survives expiry',
    status: 'passed',
    stage: 'finished',
    start: now - 1000,
    stop: now,
    labels: [
      { name: 'epic', value: 'Lifecycle epic' },
      { name: 'feature', value: 'Refresh' },
      { name: 'story', value: 'Expiry' },
    ],
    steps: [],
    attachments: [],
    parameters: [],
  };
  writeFileSync(join(dir, `${result.uuid}-result.json`), JSON.stringify(result));
}

test('allurerc.mjs builds a single-file report that renders from disk', async () => {
  const browserPath = findChromium().executablePath;
  test.skip(!browserPath, 'no Chromium on this machine');
  const dir = mkdtempSync(join(tmpdir(), 'allure-single-'));
  try {
    const paths = reportPaths(dir);
    mkdirSync(paths.allureResults);
    writeResult(paths.allureResults);
    await promisify(execFile)(process.execPath, [ALLURE_CLI, 'generate', '--config', join(ROOT, 'allurerc.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PLUGIN_REPORTS_DIR: dir, ALLURE_SINGLE_FILE: '1' },
    });
    const browser = await chromium.launch({ executablePath: browserPath, args: [...chromiumLaunchArgs] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(paths.allureReportSingle, 'index.html')).href);
      // The tree's first level is the epic (groupBy epic, feature, story).
      await expect(page.getByText('Lifecycle epic')).toBeVisible({ timeout: 10_000 });
      await expect(page).toHaveTitle('plugin-conformance');
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
