import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../scratch-dir.ts';
import { runProcess } from './run-process.ts';

export interface HarnessRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  reportsDir: string;
  summary?: unknown;
}

export interface HarnessOptions {
  /** Also build the Allure HTML reports (slower); most tests read only summary.json. */
  htmlReport?: boolean;
  /** Passed on to Playwright, as after `npm test --` (e.g. `--grep`). */
  playwrightArgs?: readonly string[];
}

/** Runs `npm test`'s entry point as a user would, in a child process with its own reports folder. */
export async function runHarness(env: Record<string, string>, timeoutMs = 120_000, options: HarnessOptions = {}): Promise<HarnessRun> {
  const reportsDir = scratchDir('conformance-reports');
  const { exitCode, stdout, stderr } = await runProcess(process.execPath, ['--import', 'tsx', 'scripts/run.ts', ...(options.playwrightArgs ?? [])], {
    cwd: process.cwd(),
    env: { ...cleanEnv(), ...env, PLUGIN_REPORTS_DIR: reportsDir, ...(options.htmlReport ? {} : { PLUGIN_SKIP_HTML_REPORT: '1' }) },
    timeoutMs,
  });
  const summaryPath = join(reportsDir, 'summary.json');
  const summary: unknown = existsSync(summaryPath) ? JSON.parse(readFileSync(summaryPath, 'utf8')) : undefined;
  return { exitCode, stdout, stderr, reportsDir, summary };
}

// The child must not inherit this run's PLUGIN_* settings or Playwright's worker variables.
export function cleanEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('PLUGIN_') || k.startsWith('TEST_') || k.startsWith('PW_') || k === 'PLAYWRIGHT_BROWSERS_PATH') continue;
    out[k] = v;
  }
  if (process.env.PLUGIN_BROWSER_PATH) out.PLUGIN_BROWSER_PATH = process.env.PLUGIN_BROWSER_PATH;
  return out;
}
