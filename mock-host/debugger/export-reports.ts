import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allureEnvironment } from '../report/allure-environment.ts';
import { reportPaths } from '../report/report-paths.ts';
import { writeSummaryFiles } from '../report/write-summary.ts';
import { generateAllureReports } from '../report/allure-html.ts';
import { sessionAllureFiles } from './allure-session.ts';
import { sessionResult, sessionSummary, type DebuggedSession } from './session-result.ts';
import { redactDeep } from './redact-deep.ts';
import type { DebuggerView } from './wire/view.ts';

export type SessionExport = NonNullable<DebuggerView['lastExport']>;

/**
 * Writes the session as a run's reports into `dir`: summary.json, summary.md and junit.xml (the same writer as a
 * run), the Allure results, and with `html` the Allure HTML reports (scripts/allure-report.ts). A failed HTML report
 * is a problem to show, as in a run, not a failed export.
 */
export async function exportSession(run: DebuggedSession, options: { dir: string; html: boolean }): Promise<SessionExport> {
  const paths = reportPaths(options.dir);
  const redact = (text: string) => run.session.secrets.redact(text);
  const result = sessionResult(run);
  const summary = writeSummaryFiles(sessionSummary(run, result), paths);
  rmSync(paths.allureResults, { recursive: true, force: true });
  mkdirSync(paths.allureResults, { recursive: true });
  const files = sessionAllureFiles({
    result,
    steps: run.steps.map((record) => (record.note === undefined ? record : { ...record, note: redact(record.note) })),
    exchanges: run.session.recorder.exchanges(),
    findings: redactDeep([...run.session.findings.list()], redact),
    started: run.startedAt.getTime(),
  });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(paths.allureResults, name), body);
  const written = [paths.summaryJson, paths.summaryMarkdown, paths.junitXml, paths.allureResults];
  const problems: string[] = [];
  if (options.html) {
    const html = await generateAllureReports(paths, allureEnvironment({ summary }));
    written.push(...html.written);
    problems.push(...html.problems);
  }
  return { dir: options.dir, files: written.map((path) => relative(options.dir, path)), verdict: summary.verdict, problems: problems.map(redact) };
}
