import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { harnessFile } from './mock-host/harness-root.ts';
import { reportPaths } from './mock-host/report/report-paths.ts';
import { conformance } from './scenarios/playwright.ts';

// The harness's own run (`npm test`, the CLI, the Action): the conformance scenarios and the simulated fault matrix
// of scenarios/playwright.ts (also what a team's own config imports), plus this repository's self-tests in a clone.
const reports = reportPaths();
const harness = conformance({ reportsDir: reports.dir, simulated: true });
// The package ships without this repository's tests.
const selfTests = existsSync(harnessFile('tests')) ? [{ name: 'self-tests', testDir: harnessFile('tests'), testMatch: '**/*.spec.ts' }] : [];

export default defineConfig({
  outputDir: `${reports.dir}/test-results`,
  // Scenarios wait on the browser and loopback HTTP more than on CPU: one worker per core keeps both busy.
  workers: Math.min(4, availableParallelism()),
  forbidOnly: !!process.env.CI,
  // One retry in CI absorbs a browser hiccup on a loaded runner; the report marks such a test flaky, never hides it.
  // The conformance project overrides it: its verdicts come from one run.
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  // The harness's console (each finding once, no harness stack for a target's failure) in place of Playwright's list.
  reporter: [harness.console, ...harness.reporter],
  use: harness.use,
  projects: [...harness.projects, ...selfTests],
});
