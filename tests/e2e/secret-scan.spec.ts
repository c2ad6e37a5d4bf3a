import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { reportPaths } from '../../mock-host/report/report-paths.ts';
import type { ReferencePluginOptions } from '../../examples/reference-plugin/options.ts';
import { startReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { runHarness } from './run-harness.ts';
import { CREDENTIAL_PREFIX, scanDirectory, scanText, SENTINEL_NEEDLES, SENTINELS } from './secret-scan.ts';

/**
 * Runs the whole harness (HTML reports included) against the reference plugin holding sentinel secrets, then
 * reads every byte it wrote and printed. Any sentinel in any spelling is a leak.
 */
async function runAndScan(options: Pick<ReferencePluginOptions, 'faults' | 'accessTokenTtlSeconds'>, expectedExit: number): Promise<void> {
  const plugin = await startReferencePlugin({ ...SENTINELS, credentialPrefix: CREDENTIAL_PREFIX, ...options });
  try {
    const run = await runHarness(plugin.harnessEnv(), 200_000, { htmlReport: true });
    expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(expectedExit);
    const paths = reportPaths(run.reportsDir);
    for (const output of [paths.summaryJson, paths.summaryMarkdown, paths.allureResults, join(paths.allureReport, 'index.html'), join(paths.allureReportSingle, 'index.html')]) {
      expect(existsSync(output), `${output} was written`).toBe(true);
    }
    const scanned = scanDirectory(run.reportsDir, SENTINEL_NEEDLES);
    // The scan must have seen the outputs it claims to cover, or a passing scan proves nothing.
    expect(scanned.files).toBeGreaterThan(20);
    const hits = [...scanned.hits, ...scanText(run.stdout, 'stdout', SENTINEL_NEEDLES), ...scanText(run.stderr, 'stderr', SENTINEL_NEEDLES)];
    expect(hits, hits.map((h) => `${h.needle} in ${h.where}: …${h.context}…`).join('\n')).toEqual([]);
  } finally {
    await plugin.close();
  }
}

test.describe('secrets never reach a report or the console', () => {
  test.describe.configure({ timeout: 240_000 });

  test('a passing run', async () => {
    await runAndScan({}, 0);
  });

  test('a failing run: no refresh token, and an API that echoes the token in its errors', async () => {
    // A 5 s lifetime lets the expired-token probe wait for real and send a real (sentinel) token the API echoes.
    await runAndScan({ faults: ['no-refresh-token', 'api-echoes-token'], accessTokenTtlSeconds: 5 }, 1);
  });
});
