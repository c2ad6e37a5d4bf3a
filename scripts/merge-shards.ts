// `plugin-conformance merge <dir>…`: one summary.json, summary.md, junit.xml and Allure report from the reports
// dirs of several `--shard i/n` runs. The summary is rebuilt from each shard's scenario-result.json attachments with
// the same pure functions a single run uses, then gated once over the whole run (only then is a baseline entry
// that matched nothing in any shard known to be stale).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../mock-host/config/config-error.ts';
import { loadSettings, type SettingOverrides } from '../mock-host/config/settings.ts';
import { loadGatePolicy } from '../mock-host/gate/gate-policy.ts';
import { readAllureTests, type AllureTest } from '../mock-host/report/allure-results.ts';
import { allureEnvironment } from '../mock-host/report/allure-environment.ts';
import { buildSummary } from '../mock-host/report/build-summary.ts';
import { readSummary } from '../mock-host/report/read-summary.ts';
import { reportPaths, type ReportPaths } from '../mock-host/report/report-paths.ts';
import type { ScenarioResult, TargetInfo } from '../mock-host/report/scenario-result.ts';
import { scenariosOfOutcome } from '../mock-host/report/scenario-outcome.ts';
import type { Summary } from '../mock-host/report/summary-schema.ts';
import { readToolInfo } from '../mock-host/report/tool-info.ts';
import { writeSummaryFiles } from '../mock-host/report/write-summary.ts';
import { scenarioIds } from '../scenarios/scenario-loader.ts';
import { writeDetectionMatrixResult } from '../mock-host/report/detection-matrix-allure.ts';
import { generateAllureReports } from '../mock-host/report/allure-html.ts';
import type { RunOutcome } from './run-conformance.ts';

export interface MergeOptions {
  /** Each shard's reports dir (or its allure-results dir itself). */
  dirs: readonly string[];
  overrides?: SettingOverrides;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

interface Shard {
  dir: string;
  results: string;
  summary?: Summary;
}

const SCENARIO_PROJECTS = { conformance: 'conformance', simulated: 'simulated' } as const;

function findShard(dir: string): Shard {
  const nested = join(dir, 'allure-results');
  const results = existsSync(nested) ? nested : dir;
  if (!existsSync(results) || !statSync(results).isDirectory() || !readdirSync(results).some((f) => f.endsWith('-result.json')))
    throw new ConfigError(`merge: ${dir}: no Allure results (expected the --reports-dir of a shard, holding allure-results/)`);
  const read = readSummary(join(dir, 'summary.json'));
  return { dir, results, ...(read.ok ? { summary: read.summary } : {}) };
}

/** Keeps the last run of each test: a shard rerun after a flake must not count twice. */
function latestPerTest(tests: readonly AllureTest[]): AllureTest[] {
  const byKey = new Map<string, AllureTest>();
  for (const t of tests) {
    const kept = byKey.get(t.key);
    if (!kept || t.stop >= kept.stop) byKey.set(t.key, t);
  }
  return [...byKey.values()];
}

/** A single run lists scenarios in project, then file order; the merge restores that order so the two agree. */
function runOrder(results: ScenarioResult[]): ScenarioResult[] {
  const ids = scenarioIds();
  const rank = (r: ScenarioResult) => [r.kind === 'conformance' ? 0 : 1, ids.includes(r.id) ? ids.indexOf(r.id) : ids.length] as const;
  return results.sort((a, b) => {
    const [ka, ia] = rank(a);
    const [kb, ib] = rank(b);
    return ka - kb || ia - ib || a.id.localeCompare(b.id);
  });
}

function copyResults(shards: readonly Shard[], paths: ReportPaths): void {
  rmSync(paths.allureResults, { recursive: true, force: true });
  mkdirSync(paths.allureResults, { recursive: true });
  // Result and attachment files are named by UUID, so shards never collide; each shard's environment.properties
  // describes only itself and is replaced by one for the whole run.
  for (const shard of shards)
    for (const name of readdirSync(shard.results))
      if (name !== 'environment.properties') copyFileSync(join(shard.results, name), join(paths.allureResults, name));
}

function printOutcome(summary: Summary, shards: number, paths: ReportPaths, htmlReports: readonly string[]): void {
  const t = summary.totals;
  console.log(`Merged ${shards} shards. Verdict: ${summary.verdict.toUpperCase()}  (${t.scenarios} scenarios: ${t.passed} passed, ` +
    `${t.failed} failed, ${t.skipped} skipped, ${t.inconclusive} inconclusive; findings: ${t.errors} errors, ${t.warnings} warnings, ${t.infos} infos)`);
  console.log(`Summary:     ${paths.summaryJson}  (Markdown: ${paths.summaryMarkdown}, JUnit: ${paths.junitXml})`);
  for (const report of htmlReports) console.log(`HTML report: ${report}`);
}

export async function mergeShards(options: MergeOptions): Promise<RunOutcome> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  let shards: Shard[];
  let summary: Summary;
  let paths: ReportPaths;
  try {
    const settings = loadSettings(env, cwd, options.overrides);
    paths = reportPaths(resolve(cwd, settings.reportsDir));
    shards = options.dirs.map((d) => findShard(resolve(cwd, d)));
    const clash = shards.find((s) => resolve(s.results) === resolve(paths.allureResults));
    if (clash) throw new ConfigError(`merge: ${clash.dir} is also the output; pass another --reports-dir`);

    const tests = latestPerTest(shards.flatMap((s) => readAllureTests(s.results)));
    const firstTarget = shards.find((s) => s.summary)?.summary?.target;
    const fallbackTarget: TargetInfo = firstTarget ?? { url: settings.url ?? '', profile: settings.profiles[0] ?? 'chatgpt-plugin', authType: 'unknown' };
    const results: ScenarioResult[] = [];
    let failedSelfTests = 0;
    for (const t of tests) {
      const outcome = scenariosOfOutcome(t.outcome, { scenarioProjects: SCENARIO_PROJECTS, fallbackTarget });
      for (const warning of outcome.warnings) console.error(`merge: ${warning}`);
      results.push(...outcome.results);
      if (outcome.results.length === 0 && t.outcome.status === 'failed') failedSelfTests++;
    }
    const starts = tests.map((t) => t.start).filter((n) => n > 0);
    const startedAt = new Date(starts.length ? Math.min(...starts) : Date.now());
    const stop = Math.max(startedAt.getTime(), ...tests.map((t) => t.stop));
    const policy = loadGatePolicy(settings, { startedAt, cwd, knownScenarios: scenarioIds() });
    const built = buildSummary(runOrder(results), { tool: readToolInfo(), startedAt, durationMs: stop - startedAt.getTime(), fallbackTarget, policy });
    summary = { ...built, selfTests: { failed: failedSelfTests } };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return { exitCode: 2, message: err.message, htmlReports: [] };
  }

  for (const path of [paths.allureReport, paths.allureReportSingle]) rmSync(path, { recursive: true, force: true });
  summary = writeSummaryFiles(summary, paths);
  copyResults(shards, paths);
  const htmlReports: string[] = [];
  if (env.PLUGIN_SKIP_HTML_REPORT !== '1') {
    writeDetectionMatrixResult(paths.allureResults, summary);
    const allure = await generateAllureReports(paths, { ...allureEnvironment({ summary }), shards: String(shards.length) });
    for (const problem of allure.problems) console.error(`warning: HTML report skipped: ${problem}`);
    htmlReports.push(...allure.written);
  }
  printOutcome(summary, shards.length, paths, htmlReports);

  const selfTests = summary.selfTests?.failed ?? 0;
  const message =
    summary.verdict === 'fail'
      ? `Verdict: fail\n  - ${(summary.gate?.reasons ?? []).join('\n  - ')}`
      : selfTests
        ? `The target passed, but ${selfTests} harness self-test${selfTests === 1 ? '' : 's'} failed in the shards.`
        : undefined;
  if (message) console.error(message);
  return { exitCode: message ? 1 : 0, ...(message ? { message } : {}), paths, summary, htmlReports };
}
