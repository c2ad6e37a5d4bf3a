import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
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

function allureCli(): string {
  // The package exports no ./cli.js, so go through its main entry (dist/index.js) to its directory.
  return join(dirname(createRequire(import.meta.url).resolve('allure')), '..', 'cli.js');
}

function generate(paths: ReportPaths, singleFile: boolean): Promise<string | undefined> {
  const output = singleFile ? paths.allureReportSingle : paths.allureReport;
  // Allure 3 writes into a subfolder when the output already exists, leaving a stale index.html on top.
  rmSync(output, { recursive: true, force: true });
  return new Promise((done) => {
    const child = spawn(process.execPath, [allureCli(), 'generate', '--config', harnessFile('allurerc.mjs')], {
      cwd: HARNESS_ROOT,
      env: { ...process.env, PLUGIN_REPORTS_DIR: resolve(paths.dir), ALLURE_SINGLE_FILE: singleFile ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    child.on('error', (err) => done(`allure could not start: ${err.message}`));
    child.on('close', (code, signal) => {
      const index = join(output, 'index.html');
      if (code === 0 && existsSync(index)) return done(undefined);
      const how = signal ? `was killed by ${signal}` : code === 0 ? `wrote no ${index}` : `exited with code ${code}`;
      done(`allure generate${singleFile ? ' (single file)' : ''} ${how}:\n${log.trim().split('\n').slice(-15).join('\n')}`);
    });
  });
}

/**
 * Builds both HTML reports from <reports>/allure-results: the served multi-file one and the single file.
 * `environment` (allure-environment.ts) becomes the report's environment section.
 */
export async function generateAllureReports(paths: ReportPaths = reportPaths(), environment?: Record<string, string>): Promise<AllureOutcome> {
  const started = Date.now();
  if (!existsSync(paths.allureResults) || readdirSync(paths.allureResults).length === 0)
    return { written: [], problems: [`no Allure results in ${paths.allureResults}`], durationMs: 0 };
  if (environment) writeAllureEnvironment(paths.allureResults, environment);
  // Both read the same results and write different folders, so they can run side by side.
  const [multi, single] = await Promise.all([generate(paths, false), generate(paths, true)]);
  const written: string[] = [];
  const problems: string[] = [];
  if (multi) problems.push(multi);
  else written.push(join(paths.allureReport, 'index.html'));
  if (single) problems.push(single);
  else written.push(join(paths.allureReportSingle, 'index.html'));
  return { written, problems, durationMs: Date.now() - started };
}

/**
 * The HTML reports of a finished run: the fault → code matrix of the simulated scenarios as one more test (a shard
 * holds only part of it, so `merge` writes it from the merged summary), the environment section, then both reports.
 */
export async function writeHtmlReports(paths: ReportPaths, facts: EnvironmentFacts): Promise<AllureOutcome> {
  if (facts.summary && !facts.shard) writeDetectionMatrixResult(paths.allureResults, facts.summary);
  const outcome = await generateAllureReports(paths, allureEnvironment(facts));
  // The report opens on the answer: the verdict and every error and warning with its fix and evidence link.
  if (facts.summary && !facts.shard) {
    const panel = renderVerdictPanel(facts.summary, allureEvidenceLinks(paths.allureResults));
    for (const index of outcome.written) injectVerdictPanel(index, panel);
  }
  return outcome;
}
