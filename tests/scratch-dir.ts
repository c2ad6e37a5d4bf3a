import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@playwright/test';

/**
 * A new folder for the running test's files (a child run's reports, the debugger's exports) inside the test's own
 * Playwright output folder: there for a look after a failure, cleared by the next run, and never piling up in the
 * system's temp folder (a full `npm test` left about 45 MB there each time).
 */
export function scratchDir(prefix: string): string {
  const own = test.info().outputDir;
  mkdirSync(own, { recursive: true });
  return mkdtempSync(join(own, `${prefix}-`));
}
