import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { HARNESS_ROOT, harnessFile } from '../harness-root.ts';
import { allureEnvironment, writeAllureEnvironment, type EnvironmentFacts } from './allure-environment.ts';
import { writeDetectionMatrixResult } from './detection-matrix-allure.ts';
import { reportPaths, type ReportPaths } from './report-paths.ts';
import { allureEvidenceLinks, injectVerdictPanel, renderVerdictPanel } from './verdict-panel.ts';

export interface AllureOutcome {
  /** index.html files that were written. */
  written: string[];
  /** What went wrong, for a warning; a missing HTML report never changes the verdict. */
  problems: string[];
  durationMs: number;
}

/** Where `allure generate` with ALLURE_REPORTS=both writes, one subfolder per report (allurerc.mjs). */
function partialOutput(paths: ReportPaths): string {
  return join(paths.dir, 'allure-reports.partial');
}

/**
 * One `allure generate` that reads the results once and renders both reports (allurerc.mjs, ALLURE_REPORTS=both),
 * as a process that loads Allure first and generates when told (allure-generate.mjs). A run starts it with its
 * scenarios, so loading Allure (about a second) is off the path from the last result to the exit.
 */
export class AllureGenerator {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #done: Promise<string | undefined>;
  readonly #paths: ReportPaths;

  private constructor(paths: ReportPaths) {
    this.#paths = paths;
    this.#child = spawn(process.execPath, [harnessFile('mock-host/report/allure-generate.mjs'), 'generate', '--config', harnessFile('allurerc.mjs')], {
      cwd: HARNESS_ROOT,
      env: { ...process.env, PLUGIN_REPORTS_DIR: resolve(paths.dir), ALLURE_REPORTS: 'both' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const child = this.#child;
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    // A generator given up before it was told (cancel()) or one that died early: its stdin may be gone.
    child.stdin.on('error', () => undefined);
    this.#done = new Promise((done) => {
      child.on('error', (err) => done(`allure could not start: ${err.message}`));
      child.on('close', (code, signal) => {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        done(code === 0 ? undefined : `allure generate ${how}:\n${log.trim().split('\n').slice(-15).join('\n')}`);
      });
    });
  }

  /** Starts Allure loading, for a run whose results are not in yet. */
  static start(paths: ReportPaths): AllureGenerator {
    return new AllureGenerator(paths);
  }

  /** Generates from the results now in place; resolves to a problem, or undefined once both reports are written. */
  generate(): Promise<string | undefined> {
    // Allure 3 writes into a subfolder when the output already exists, leaving a stale index.html on top.
    const paths = this.#paths;
    for (const dir of [partialOutput(paths), paths.allureReport, paths.allureReportSingle]) rmSync(dir, { recursive: true, force: true });
    this.#child.stdin.end('generate\n');
    return this.#done;
  }

  /** The run ends without HTML reports: the waiting process exits without generating (resolves when it has). */
  async cancel(): Promise<void> {
    this.#child.stdin.end();
    await this.#done;
  }
}

/** Moves one report out of the partial output into its folder; a problem if Allure did not write it. */
function moveIntoPlace(paths: ReportPaths, report: string, failed: string | undefined): string | undefined {
  const from = join(partialOutput(paths), basename(report));
  const index = join(from, 'index.html');
  if (!existsSync(index)) return failed ?? `allure generate wrote no ${index}`;
  // The results registry Allure keeps beside its reports: each report had its own copy when rendered alone.
  const registry = join(partialOutput(paths), 'test-results.json');
  if (existsSync(registry)) copyFileSync(registry, join(from, 'test-results.json'));
  renameSync(from, report);
  return undefined;
}

/**
 * Builds both HTML reports from <reports>/allure-results: the served multi-file one and the single file.
 * `environment` (allure-environment.ts) becomes the report's environment section; `generator` is one the run
 * started ahead (otherwise one starts now).
 */
export async function generateAllureReports(paths: ReportPaths = reportPaths(), environment?: Record<string, string>, generator?: AllureGenerator): Promise<AllureOutcome> {
  const started = Date.now();
  if (!existsSync(paths.allureResults) || readdirSync(paths.allureResults).length === 0) {
    void generator?.cancel();
    return { written: [], problems: [`no Allure results in ${paths.allureResults}`], durationMs: 0 };
  }
  if (environment) writeAllureEnvironment(paths.allureResults, environment);
  // One process for both: starting Allure and reading the results is most of the cost of each.
  const failed = await (generator ?? AllureGenerator.start(paths)).generate();
  const written: string[] = [];
  const problems: string[] = [];
  for (const report of [paths.allureReport, paths.allureReportSingle]) {
    const problem = moveIntoPlace(paths, report, failed);
    if (problem) problems.push(problem);
    else written.push(join(report, 'index.html'));
  }
  rmSync(partialOutput(paths), { recursive: true, force: true });
  return { written, problems: [...new Set(problems)], durationMs: Date.now() - started };
}

/**
 * The HTML reports of a finished run: the fault → code matrix of the simulated scenarios as one more test (a shard
 * holds only part of it, so `merge` writes it from the merged summary), the environment section, then both reports.
 */
export async function writeHtmlReports(paths: ReportPaths, facts: EnvironmentFacts, generator?: AllureGenerator): Promise<AllureOutcome> {
  if (facts.summary && !facts.shard) writeDetectionMatrixResult(paths.allureResults, facts.summary);
  const outcome = await generateAllureReports(paths, allureEnvironment(facts), generator);
  // The report opens on the answer: the verdict and every error and warning with its fix and evidence link.
  if (facts.summary && !facts.shard) {
    const panel = renderVerdictPanel(facts.summary, allureEvidenceLinks(paths.allureResults));
    for (const index of outcome.written) injectVerdictPanel(index, panel);
  }
  return outcome;
}
