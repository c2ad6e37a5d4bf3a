// The one code path of a conformance run, shared by `npm test` (scripts/run.ts), the `plugin-conformance` CLI and
// the GitHub Action: validate input, find a browser, run Playwright, build the HTML reports, and turn
// reports/summary.json into the exit code of DESIGN.md (0 pass, 1 target or run failed, 2 bad input).
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ConfigError } from '../mock-host/config/config-error.ts';
import { refuseRecordingArgs } from './recording-args.ts';
import { loadSettings, type SettingOverrides, type Settings } from '../mock-host/config/settings.ts';
import { unknownPluginVariables } from '../mock-host/config/unknown-env.ts';
import { loadGatePolicy } from '../mock-host/gate/gate-policy.ts';
import { harnessModule } from '../mock-host/harness-root.ts';
import { hostsOfTarget } from '../mock-host/engine/hosts-of-target.ts';
import { AllureGenerator, writeHtmlReports } from '../mock-host/report/allure-html.ts';
import { decideExitCode } from '../mock-host/report/exit-code.ts';
import { readSummary } from '../mock-host/report/read-summary.ts';
import { reportPaths, type ReportPaths } from '../mock-host/report/report-paths.ts';
import type { Summary } from '../mock-host/report/summary-schema.ts';
import { loadScenarioFiles, scenarioIds } from '../scenarios/scenario-loader.ts';
import { runForwardingSignals } from './child-process.ts';
import { ensureBrowser } from './provision-browser.ts';

export interface Shard {
  current: number;
  total: number;
}

export interface RunOptions {
  /** Settings from the command line; they win over the environment, which wins over the config file. */
  overrides?: SettingOverrides;
  /** Runs one part of the scenarios (Playwright's --shard); `plugin-conformance merge` combines the parts. */
  shard?: Shard;
  /**
   * Only the conformance scenarios, also against the bundled targets (the CLI: the main job, in seconds). Without it
   * a run with no PLUGIN_URL also runs the simulated fault matrix and the harness's own tests (`npm test`).
   */
  conformanceOnly?: boolean;
  /** Passed to `playwright test` as they are (`npm test -- --grep x`, or after `--` on the CLI). */
  playwrightArgs?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Where relative paths (config file, baseline, reports directory) are resolved; the user's, not the harness's. */
  cwd?: string;
}

export interface RunOutcome {
  exitCode: 0 | 1 | 2;
  /** Why the run failed or could not start; already printed. */
  message?: string;
  /** Present once the input was valid and the run started. */
  paths?: ReportPaths;
  summary?: Summary;
  /** index.html files written. */
  htmlReports: string[];
}

function isConfigError(err: unknown): err is Error & { exitCode: 2 } {
  return err instanceof ConfigError || (err instanceof Error && (err as { exitCode?: unknown }).exitCode === 2);
}

interface Prepared {
  settings: Settings;
  browserPath: string;
  baseline?: string;
  /** The hosts found for PLUGIN_URL when PLUGIN_PROFILE was not given. */
  detectedProfiles?: string;
}

/** Everything that can reject the input runs before any output is touched, so exit 2 leaves old reports alone. */
async function prepare(env: NodeJS.ProcessEnv, cwd: string, options: RunOptions): Promise<Prepared> {
  const settings = loadSettings(env, cwd, options.overrides);
  for (const warning of unknownPluginVariables(env)) console.error(warning);
  // The files of the scenarios that will run; a broken one is bad input before anything runs.
  loadScenarioFiles(undefined, onlyConformance(settings, options) ? 'conformance' : undefined);
  const policy = loadGatePolicy(settings, { startedAt: new Date(), cwd, knownScenarios: scenarioIds() });
  const browserPath = await ensureBrowser();
  const detectedProfiles = settings.url && !settings.profilesGiven ? await profilesFor(settings.url) : undefined;
  return { settings, browserPath, ...(policy.baseline ? { baseline: policy.baseline.file } : {}), ...(detectedProfiles ? { detectedProfiles } : {}) };
}

/** Without PLUGIN_PROFILE: every current host of the protocol the target speaks, said out loud. */
async function profilesFor(url: string): Promise<string> {
  const hosts = await hostsOfTarget(url);
  console.log(hosts.message);
  return hosts.profiles.join(',');
}

function clean(paths: ReportPaths): void {
  // Stale allure-results would show up as retries, and a stale summary.json could pass for this run's.
  for (const path of [paths.allureResults, paths.allureReport, paths.allureReportSingle, paths.summaryJson, paths.summaryMarkdown, paths.junitXml])
    rmSync(path, { recursive: true, force: true });
}

/** With a real target only the conformance scenarios make sense; the simulated ones and self-tests test us. */
function onlyConformance(settings: Settings, options: RunOptions): boolean {
  const choosesProject = (options.playwrightArgs ?? []).some((a) => a === '--project' || a.startsWith('--project='));
  return !!(settings.url || options.conformanceOnly) && !choosesProject;
}

function playwrightArgs(settings: Settings, options: RunOptions): string[] {
  const extra = options.playwrightArgs ?? [];
  // The harness's own config, wherever the user runs from: their cwd holds their config file and reports.
  const config = extra.some((a) => a === '--config' || a === '-c' || a.startsWith('--config=')) ? [] : ['--config', harnessModule('playwright.config')];
  return [
    'test',
    ...config,
    ...(onlyConformance(settings, options) ? ['--project=conformance'] : []),
    ...(options.shard ? [`--shard=${options.shard.current}/${options.shard.total}`] : []),
    ...extra,
  ];
}

/** The child's environment: every setting as the parent resolved it, with absolute paths, so workers agree. */
function childEnv(env: NodeJS.ProcessEnv, cwd: string, overrides: SettingOverrides | undefined, prepared: Prepared, paths: ReportPaths): NodeJS.ProcessEnv {
  const fromFlags = Object.fromEntries(Object.entries(overrides?.values ?? {}).filter(([, v]) => v));
  const config = fromFlags.PLUGIN_CONFIG ?? env.PLUGIN_CONFIG;
  return {
    ...env,
    ...fromFlags,
    ...(config ? { PLUGIN_CONFIG: resolve(cwd, config) } : {}),
    ...(prepared.baseline ? { PLUGIN_BASELINE: prepared.baseline } : {}),
    PLUGIN_BROWSER_PATH: prepared.browserPath,
    ...(prepared.detectedProfiles ? { PLUGIN_PROFILE: prepared.detectedProfiles } : {}),
    PLUGIN_REPORTS_DIR: paths.dir,
    // Tells the summary reporter that this module prints the verdict.
    PLUGIN_CONFORMANCE_RUNNER: '1',
  };
}

function printVerdict(summary: Summary, interrupted: boolean, paths: ReportPaths): void {
  const t = summary.totals;
  const label = interrupted ? 'Verdict of the incomplete run' : 'Verdict';
  console.log(`${label}: ${summary.verdict.toUpperCase()}  (${t.scenarios} scenarios: ${t.passed} passed, ${t.failed} failed, ` +
    `${t.skipped} skipped, ${t.inconclusive} inconclusive; findings: ${t.errors} errors, ${t.warnings} warnings, ${t.infos} infos)`);
  for (const h of summary.hosts ?? []) {
    console.log(`  ${h.profile.padEnd(17)} ${h.verdict.padEnd(12)}${h.phase ? ` at ${h.phase}: ${h.firstError ?? ''}` : ''}${h.userSees ? `  (users see: "${h.userSees}")` : ''}`);
  }
  const accepted = summary.findings.filter((f) => f.accepted).length;
  if (accepted) console.log(`Accepted:    ${accepted} finding${accepted === 1 ? '' : 's'} by the baseline ${summary.baseline?.file ?? ''}`);
  console.log(`Summary:     ${paths.summaryJson}  (Markdown: ${paths.summaryMarkdown}, JUnit: ${paths.junitXml})`);
}

/** Runs the conformance suite once (or one shard of it) and says how it went; prints progress and the verdict. */
export async function runConformance(options: RunOptions = {}): Promise<RunOutcome> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  let prepared: Prepared;
  try {
    refuseRecordingArgs(options.playwrightArgs ?? []);
    prepared = await prepare(env, cwd, options);
  } catch (err) {
    if (!isConfigError(err)) throw err;
    console.error(err.message);
    return { exitCode: 2, message: err.message, htmlReports: [] };
  }
  const { settings } = prepared;
  const paths = reportPaths(resolve(cwd, settings.reportsDir));
  clean(paths);

  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const run = runForwardingSignals(process.execPath, [cli, ...playwrightArgs(settings, options)], {
    cwd,
    env: childEnv(env, cwd, options.overrides, prepared, paths),
  });
  // PLUGIN_SKIP_HTML_REPORT=1: the harness's own end-to-end tests run this many times and read only summary.json.
  const html = env.PLUGIN_SKIP_HTML_REPORT === '1' ? undefined : AllureGenerator.start(paths);
  const playwrightExit = await run.exit;
  const read = readSummary(paths.summaryJson);

  const htmlReports: string[] = [];
  if (html && run.interrupted()) void html.cancel();
  else if (html) {
    const shard = options.shard && `${options.shard.current}/${options.shard.total}`;
    const allure = await writeHtmlReports(paths, { ...(read.ok ? { summary: read.summary } : {}), browserPath: prepared.browserPath, ...(shard ? { shard } : {}) }, html);
    for (const problem of allure.problems) console.error(`warning: HTML report skipped: ${problem}`);
    htmlReports.push(...allure.written);
  }

  const decision = decideExitCode({
    summary: read.ok ? read.summary : null,
    ...(read.ok ? {} : { summaryProblem: read.problem }),
    playwrightExit,
    interrupted: run.interrupted(),
  });

  console.log('');
  if (read.ok) printVerdict(read.summary, run.interrupted(), paths);
  for (const report of htmlReports)
    console.log(report.startsWith(paths.allureReportSingle)
      ? `HTML report: ${report}  (single file, opens from disk)`
      : `HTML report: ${report}  (serve it: npx allure open ${paths.allureReport})`);
  if (decision.message) console.error(decision.message);
  return {
    exitCode: decision.code,
    ...(decision.message ? { message: decision.message } : {}),
    paths,
    ...(read.ok ? { summary: read.summary } : {}),
    htmlReports,
  };
}
