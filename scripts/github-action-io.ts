// The GitHub Action's plumbing, kept pure so it is testable without GitHub: action inputs → CLI arguments, and the
// run's outcome → step outputs and the job summary.
import { randomUUID } from 'node:crypto';
import { SETTING_FLAGS } from '../cli/setting-flags.ts';
import { escapeCell, renderSummaryMarkdown } from '../mock-host/report/summary-markdown.ts';
import type { RunOutcome } from './run-conformance.ts';

/** Inputs of action.yml besides the settings that are CLI flags; each is passed to the script as INPUT_<NAME>. */
export const RUN_INPUTS = ['config', 'shard'] as const;
/** Arguments for `playwright test` (after `--` on the CLI). */
export const PLAYWRIGHT_ARGS_INPUT = 'playwright-args';

/** `client-id` → `INPUT_CLIENT_ID`: how action.yml hands each input to scripts/github-action.ts. */
export function inputVariable(input: string): string {
  return `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;
}

/** Every action input that maps to a CLI flag, in action.yml order. */
export function actionInputs(): string[] {
  return [...SETTING_FLAGS.map((f) => f.flag), ...RUN_INPUTS];
}

/**
 * The CLI arguments the inputs stand for. Empty inputs are left out, so a PLUGIN_* variable set on the job (or the
 * config file) still applies: an input is a flag, and a flag only overrides what it is given.
 */
export function actionArgv(env: NodeJS.ProcessEnv): string[] {
  const argv = ['run'];
  for (const input of actionInputs()) {
    const value = env[inputVariable(input)]?.trim();
    if (value) argv.push(`--${input}`, value);
  }
  // Split on whitespace, without shell quoting: enough for `--grep @discovery --workers 1`, and no shell to escape.
  const extra = env[inputVariable(PLAYWRIGHT_ARGS_INPUT)]?.trim();
  if (extra) argv.push('--', ...extra.split(/\s+/));
  return argv;
}

/** A name upload-artifact accepts, unique per shard so matrix jobs do not collide. */
export function artifactName(requested: string | undefined, shard: string | undefined): string {
  if (requested?.trim()) return requested.trim();
  const part = shard?.trim().match(/^(\d+)\/(\d+)$/);
  return part ? `plugin-conformance-report-shard-${part[1]}-of-${part[2]}` : 'plugin-conformance-report';
}

export function stepOutputs(outcome: RunOutcome, artifact: string): Record<string, string> {
  const s = outcome.summary;
  const single = outcome.htmlReports.find((p) => outcome.paths && p.startsWith(outcome.paths.allureReportSingle));
  return {
    // `error`: no verdict, because the run could not start (exit 2) or broke before writing summary.json.
    verdict: s?.verdict ?? 'error',
    'exit-code': String(outcome.exitCode),
    errors: String(s?.totals.errors ?? 0),
    warnings: String(s?.totals.warnings ?? 0),
    infos: String(s?.totals.infos ?? 0),
    accepted: String(s?.findings.filter((f) => f.accepted).length ?? 0),
    'report-path': single ?? '',
    'report-dir': outcome.paths?.dir ?? '',
    'summary-path': s && outcome.paths ? outcome.paths.summaryJson : '',
    'summary-markdown-path': s && outcome.paths ? outcome.paths.summaryMarkdown : '',
    'junit-path': s && outcome.paths ? outcome.paths.junitXml : '',
    'artifact-name': artifact,
  };
}

/** $GITHUB_OUTPUT's multi-line form, safe for any value (a delimiter no value can contain). */
export function formatOutputs(outputs: Record<string, string>, delimiter = `ghadelimiter_${randomUUID()}`): string {
  return Object.entries(outputs)
    .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
    .join('');
}

/** The job summary: summary.md (verdict first, then the findings table), or why there is no verdict. */
export function stepSummary(outcome: RunOutcome, artifact: string): string {
  if (outcome.summary) {
    const where = outcome.htmlReports.length ? `\n_HTML report: artifact \`${artifact}\` (open \`allure-report-single/index.html\`)._\n` : '';
    return `${renderSummaryMarkdown(outcome.summary)}${where}\n`;
  }
  const why = outcome.message ?? 'the run ended without a summary';
  const title = outcome.exitCode === 2 ? 'could not start (bad input)' : 'no verdict';
  return `# plugin-conformance: ❌ ${title}\n\n${escapeCell(why).replace(/<br>/g, '\n\n')}\n\n`;
}
