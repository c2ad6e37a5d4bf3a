import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { reportPaths } from '../../mock-host/report/report-paths.ts';
import type { HarnessRun } from './run-harness.ts';
import { scanDirectory, scanText, SENTINEL_NEEDLES } from './secret-scan.ts';

/**
 * Reads every byte a run wrote (HTML reports included) and printed: any sentinel of secret-scan.ts in any spelling
 * is a leak. The run must have been against a target holding the sentinels.
 */
export function expectNoSentinelInOutputs(run: HarnessRun): void {
  const paths = reportPaths(run.reportsDir);
  for (const output of [paths.summaryJson, paths.summaryMarkdown, paths.allureResults, join(paths.allureReport, 'index.html'), join(paths.allureReportSingle, 'index.html')]) {
    expect(existsSync(output), `${output} was written`).toBe(true);
  }
  const scanned = scanDirectory(run.reportsDir, SENTINEL_NEEDLES);
  // The scan must have seen the outputs it claims to cover, or a passing scan proves nothing.
  expect(scanned.files).toBeGreaterThan(20);
  const hits = [...scanned.hits, ...scanText(run.stdout, 'stdout', SENTINEL_NEEDLES), ...scanText(run.stderr, 'stderr', SENTINEL_NEEDLES)];
  expect(hits, hits.map((h) => `${h.needle} in ${h.where}: …${h.context}…`).join('\n')).toEqual([]);
}
