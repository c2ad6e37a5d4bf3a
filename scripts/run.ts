// The body of `npm test`: validate input, find a browser, run Playwright, build the HTML reports, and turn
// reports/summary.json into the exit code of DESIGN.md (0 pass, 1 target or run failed, 2 bad input).
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ConfigError } from '../mock-host/config/config-error.ts';
import { loadSettings, type Settings } from '../mock-host/config/settings.ts';
import { decideExitCode } from '../mock-host/report/exit-code.ts';
import { readSummary } from '../mock-host/report/read-summary.ts';
import { reportPaths, type ReportPaths } from '../mock-host/report/report-paths.ts';
import { loadScenarioFiles } from '../scenarios/scenario-loader.ts';
import { generateAllureReports } from './allure-report.ts';
import { runForwardingSignals } from './child-process.ts';
import { ensureBrowser } from './provision-browser.ts';

function isConfigError(err: unknown): err is Error & { exitCode: 2 } {
  return err instanceof ConfigError || (err instanceof Error && (err as { exitCode?: unknown }).exitCode === 2);
}

interface Prepared {
  settings: Settings;
  browserPath: string;
}

/** Everything that can reject the input runs before any output is touched, so exit 2 leaves old reports alone. */
async function prepare(): Promise<Prepared> {
  const settings = loadSettings();
  loadScenarioFiles();
  const browserPath = await ensureBrowser();
  return { settings, browserPath };
}

function clean(paths: ReportPaths): void {
  // Stale allure-results would show up as retries, and a stale summary.json could pass for this run's.
  for (const path of [paths.allureResults, paths.allureReport, paths.allureReportSingle, paths.summaryJson, paths.summaryMarkdown])
    rmSync(path, { recursive: true, force: true });
}

function playwrightArgs(settings: Settings, extra: readonly string[]): string[] {
  const choosesProject = extra.some((a) => a === '--project' || a.startsWith('--project='));
  // With a real target only the conformance scenarios make sense; the simulated ones and self-tests test us.
  return ['test', ...(settings.url && !choosesProject ? ['--project=conformance'] : []), ...extra];
}

async function main(): Promise<number> {
  let prepared: Prepared;
  try {
    prepared = await prepare();
  } catch (err) {
    if (!isConfigError(err)) throw err;
    console.error(err.message);
    return 2;
  }
  const { settings, browserPath } = prepared;
  const paths = reportPaths(settings.reportsDir);
  clean(paths);

  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const run = runForwardingSignals(process.execPath, [cli, ...playwrightArgs(settings, process.argv.slice(2))], {
    // PLUGIN_CONFORMANCE_RUNNER tells the summary reporter that this script prints the verdict.
    env: { ...process.env, PLUGIN_BROWSER_PATH: browserPath, PLUGIN_REPORTS_DIR: paths.dir, PLUGIN_CONFORMANCE_RUNNER: '1' },
  });
  const playwrightExit = await run.exit;

  const reports: string[] = [];
  // PLUGIN_SKIP_HTML_REPORT=1: the harness's own end-to-end tests run this script many times and read only summary.json.
  const skipHtml = process.env.PLUGIN_SKIP_HTML_REPORT === '1';
  if (!run.interrupted() && !skipHtml) {
    const allure = await generateAllureReports(paths);
    for (const problem of allure.problems) console.error(`warning: HTML report skipped: ${problem}`);
    reports.push(...allure.written);
  }

  const read = readSummary(paths.summaryJson);
  const decision = decideExitCode({
    summary: read.ok ? read.summary : null,
    ...(read.ok ? {} : { summaryProblem: read.problem }),
    playwrightExit,
    interrupted: run.interrupted(),
  });

  console.log('');
  if (read.ok) {
    const t = read.summary.totals;
    const label = run.interrupted() ? 'Verdict of the incomplete run' : 'Verdict';
    console.log(`${label}: ${read.summary.verdict.toUpperCase()}  (${t.scenarios} scenarios: ${t.passed} passed, ${t.failed} failed, ` +
      `${t.skipped} skipped, ${t.inconclusive} inconclusive; findings: ${t.errors} errors, ${t.warnings} warnings, ${t.infos} infos)`);
    console.log(`Summary:     ${paths.summaryJson}  (Markdown: ${paths.summaryMarkdown})`);
  }
  for (const report of reports)
    console.log(report.startsWith(paths.allureReportSingle)
      ? `HTML report: ${report}  (single file, opens from disk)`
      : `HTML report: ${report}  (serve it: npx allure open ${paths.allureReport})`);
  if (decision.message) console.error(decision.message);
  return decision.code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('plugin-conformance: the run script failed:', err);
    process.exit(1);
  },
);
