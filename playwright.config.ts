import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchArgs, findChromium } from './mock-host/browser/find-browser.ts';
import { PROFILES } from './mock-host/profiles/registry.ts';
import { reportPaths } from './mock-host/report/report-paths.ts';

const reports = reportPaths();
const browser = findChromium();
// The real hosts' callback origins never resolve: a production-mode callback is caught in the browser and must
// never leave the machine, even when a plugin redirects there in a way Playwright's routing does not see.
const callbackHosts = [...new Set(Object.values(PROFILES).flatMap((p) => p.flow.redirect.productionHosts))];

export default defineConfig({
  testDir: '.',
  outputDir: `${reports.dir}/test-results`,
  timeout: 90_000,
  fullyParallel: true,
  // Scenarios wait on the browser and loopback HTTP more than on CPU: one worker per core keeps both busy.
  workers: Math.min(4, availableParallelism()),
  forbidOnly: !!process.env.CI,
  // One retry in CI absorbs a browser hiccup on a loaded runner; the report marks such a test flaky, never hides it.
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    [
      'allure-playwright',
      {
        resultsDir: reports.allureResults,
        // Playwright's own API steps would show typed values (passwords) as step titles: keep only test.step.
        detail: false,
        suiteTitle: false,
        environmentInfo: { node: process.version, browser: browser.executablePath ?? 'none', ...(process.env.PLUGIN_URL ? { target: process.env.PLUGIN_URL } : {}) },
      },
    ],
    ['./mock-host/report/summary-reporter.ts'],
  ],
  use: {
    headless: true,
    // Traces, videos and automatic screenshots would record typed passwords and token traffic.
    trace: 'off',
    video: 'off',
    screenshot: 'off',
    launchOptions: {
      ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
      args: [...chromiumLaunchArgs, `--host-resolver-rules=${callbackHosts.map((h) => `MAP ${h} ~NOTFOUND`).join(', ')}`],
    },
  },
  projects: [
    // Never retried: a verdict on the user's plugin must come from one run, and probes spend codes and grants.
    { name: 'conformance', testMatch: 'scenarios/conformance.spec.ts', retries: 0 },
    { name: 'simulated', testMatch: 'scenarios/simulated.spec.ts' },
    { name: 'self-tests', testMatch: 'tests/**/*.spec.ts' },
  ],
});
