// The Playwright face of the harness: the projects, browser options and reporters of a conformance run. This
// repository's playwright.config.ts is built from it, and so is a team's own config through the package's
// `plugin-conformance/playwright` entry:
//
//   import { defineConfig } from '@playwright/test';
//   import { conformance } from 'plugin-conformance/playwright';
//   const harness = conformance();
//   export default defineConfig({ projects: [...yourProjects, ...harness.projects], reporter: [harness.console, ...harness.reporter] });
//
// Paths are absolute and the spec's extension follows this file's (.ts in a clone, .js in the installed package),
// so the same code works from the repository, from node_modules, and from any config directory.
import { join, resolve } from 'node:path';
import type { PlaywrightTestOptions, PlaywrightWorkerOptions, Project, ReporterDescription } from '@playwright/test';
import { chromiumLaunchArgs, findChromium } from '../mock-host/browser/find-browser.ts';
import { harnessFile, MODULE_EXTENSION } from '../mock-host/harness-root.ts';
import { HARNESS_REPORTERS } from '../mock-host/report/target-failure.ts';
import { PROFILES } from '../mock-host/profiles/registry.ts';
import { reportPaths, reportsDirFromEnv } from '../mock-host/report/report-paths.ts';
import type { SummaryReporterOptions } from '../mock-host/report/summary-reporter.ts';
import { hostsOfTargetSync } from '../cli/hosts-of-target-sync.ts';

const SCENARIOS = harnessFile('scenarios');

export type ConformanceUse = Partial<PlaywrightTestOptions & PlaywrightWorkerOptions>;

/** How the harness drives Chromium: the browser found on this machine, no traces or videos, callbacks never leave. */
export function conformanceUse(env: NodeJS.ProcessEnv = process.env): ConformanceUse {
  const browser = findChromium({ env });
  // The real hosts' callback origins never resolve: a production-mode callback is caught in the browser and must
  // never leave the machine, even when a target redirects there in a way Playwright's routing does not see.
  const callbackHosts = [...new Set(Object.values(PROFILES).flatMap((p) => p.flow.redirect.productionHosts))];
  return {
    headless: true,
    // Traces, videos and automatic screenshots would record typed passwords and token traffic.
    trace: 'off',
    video: 'off',
    screenshot: 'off',
    launchOptions: {
      ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
      args: [...chromiumLaunchArgs, `--host-resolver-rules=${callbackHosts.map((h) => `MAP ${h} ~NOTFOUND`).join(', ')}`],
    },
  };
}

function scenarioProject(name: 'conformance' | 'simulated', use: ConformanceUse, outputDir: string): Project {
  return {
    name,
    testDir: SCENARIOS,
    testMatch: `${name}.spec${MODULE_EXTENSION}`,
    // Playwright's default (**/node_modules/**) would ignore the installed package itself, which lives in one.
    testIgnore: [],
    outputDir,
    timeout: 90_000,
    fullyParallel: true,
    // Never retried: a verdict on the user's target must come from one run, and probes spend codes and grants.
    ...(name === 'conformance' ? { retries: 0 } : {}),
    use,
  };
}

export interface ConformanceOptions {
  /** Where summary.json, the Allure results and the HTML reports go; default PLUGIN_REPORTS_DIR or `reports`. */
  reportsDir?: string;
  /** Add the simulated fault matrix (the harness's self-check against its bundled faulty targets). */
  simulated?: boolean;
  /** Write the Allure HTML reports when the run ends (default: on; under the CLI, which writes them itself, off). */
  html?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface Conformance {
  projects: Project[];
  reporter: ReporterDescription[];
  /** The harness's console (each finding once with its fix, no harness stack for a target's failure): use it in place of ['list']. */
  console: ReporterDescription;
  use: ConformanceUse;
}

/**
 * Everything a Playwright config needs to run the conformance scenarios with the usual reports. Settings come
 * from PLUGIN_* variables and ./plugin-conformance.config.json as for the CLI; with PLUGIN_URL and no
 * PLUGIN_PROFILE the target's protocol is detected here, once, and exported so the workers list the same tests.
 */
export function conformance(options: ConformanceOptions = {}): Conformance {
  const env = options.env ?? process.env;
  if (env.PLUGIN_URL?.trim() && !env.PLUGIN_PROFILE?.trim()) env.PLUGIN_PROFILE = hostsOfTargetSync(env.PLUGIN_URL.trim(), env);
  const reportsDir = resolve(options.reportsDir ?? reportsDirFromEnv(env));
  const paths = reportPaths(reportsDir);
  const use = conformanceUse(env);
  const outputDir = join(reportsDir, 'test-results');
  const summaryOptions: SummaryReporterOptions = { reportsDir, html: options.html ?? true };
  return {
    use,
    console: [HARNESS_REPORTERS.console],
    projects: [scenarioProject('conformance', use, outputDir), ...(options.simulated ? [scenarioProject('simulated', use, outputDir)] : [])],
    reporter: [
      [
        HARNESS_REPORTERS.allure,
        {
          resultsDir: paths.allureResults,
          // Playwright's own API steps would show typed values (passwords) as step titles: keep only test.step.
          detail: false,
          suiteTitle: false,
          environmentInfo: { node: process.version, browser: use.launchOptions?.executablePath ?? 'none', ...(env.PLUGIN_URL ? { target: env.PLUGIN_URL } : {}) },
        },
      ],
      [HARNESS_REPORTERS.summary, summaryOptions],
    ],
  };
}
