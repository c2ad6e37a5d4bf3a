import type { Finding } from '../findings/finding.ts';
import type { ScenarioResult } from './scenario-result.ts';

/** One test as the console shows it; plain data, so the digest is testable without a run. */
export interface ConsoleTest {
  /** "chatgpt-plugin › absent-refresh-token: …" as Playwright titles it. */
  title: string;
  project?: string;
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  durationMs: number;
  /** The scenario's own result, when the test is a scenario that got to hand it over. */
  scenario?: ScenarioResult;
  /** Why Playwright skipped it ("inconclusive: …" for an inconclusive scenario). */
  skipReason?: string;
  /** Playwright's errors, stacks included: shown only for the harness's own failures. */
  errors: readonly string[];
}

const MARK: Record<string, string> = { passed: '✓', failed: '✘', inconclusive: '?', skipped: '-', timedOut: '✘', interrupted: '✘' };

const seconds = (ms: number) => (ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`);

function findingKey(f: Finding): string {
  return `${f.code}\u0000${f.message}\u0000${f.severity}\u0000${f.profile ?? ''}`;
}

function fullFinding(f: Finding): string[] {
  return [
    `    [${f.severity}] ${f.code}: ${f.title}${f.behind ? ` (behind ${f.behind}: the host stops there first)` : ''}`,
    `      seen: ${f.message}`,
    `      fix:  ${f.fix}`,
    ...(f.reproduce ? [`      reproduce: ${f.reproduce}`] : []),
  ];
}

/**
 * The console of a run, each finding once: a scenario's findings in full (with the fix) the first time the run
 * meets them, one line naming where they were shown after that; a target's failure as its reason (the findings say
 * why), never a stack of the harness's own frames; an inconclusive scenario as inconclusive, not skipped. The
 * harness's own failures (a self-test, a crash) keep Playwright's error and stack: there the stack is the news.
 */
export class ConsoleDigest {
  readonly #shown = new Map<string, string>();
  readonly #counts = { passed: 0, failed: 0, skipped: 0, inconclusive: 0 };

  lines(test: ConsoleTest): string[] {
    const s = test.scenario;
    const status = s ? s.status : test.status === 'skipped' && test.skipReason?.startsWith('inconclusive') ? 'inconclusive' : test.status;
    const counted = status === 'timedOut' || status === 'interrupted' ? 'failed' : status;
    this.#counts[counted]++;
    const project = test.project ? `[${test.project}] ` : '';
    const why = s?.reason ?? (test.status === 'skipped' ? test.skipReason?.replace(/^(inconclusive|skipped): /, '') : undefined);
    const out = [`  ${MARK[status] ?? '?'} ${project}${test.title} (${seconds(test.durationMs)})${status === 'passed' ? '' : `: ${status}`}${why && status !== 'passed' ? `: ${why}` : ''}`];
    if (s) {
      // Findings of the simulated bench are deliberate: their lines in summary.md and the report suffice.
      if (s.kind === 'conformance') {
        for (const f of s.findings.filter((x) => x.severity !== 'info')) {
          const key = findingKey(f);
          const first = this.#shown.get(key);
          if (first) out.push(`    [${f.severity}] ${f.code}: again, as shown above under ${first}`);
          else {
            this.#shown.set(key, s.id);
            out.push(...fullFinding(f));
          }
        }
        const infos = s.findings.filter((x) => x.severity === 'info').length;
        if (infos) out.push(`    (${infos} info finding${infos > 1 ? 's' : ''} in the report)`);
      } else if (s.status === 'failed') {
        out.push(...s.findings.flatMap(fullFinding));
      }
    } else if (test.status === 'failed' || test.status === 'timedOut') {
      // No scenario result: the harness's own test or a crash. Its stack is what a maintainer needs.
      for (const error of test.errors) out.push(...error.split('\n').map((l) => `    ${l}`));
    }
    return out;
  }

  /** The closing count, in Playwright's words ("5 passed") so scripts reading either console agree. */
  totals(durationMs: number): string[] {
    const c = this.#counts;
    return [
      '',
      ...(c.failed ? [`  ${c.failed} failed`] : []),
      ...(c.inconclusive ? [`  ${c.inconclusive} inconclusive`] : []),
      ...(c.skipped ? [`  ${c.skipped} skipped`] : []),
      `  ${c.passed} passed (${seconds(durationMs)})`,
    ];
  }
}
