import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { ConsoleDigest } from './console-digest.ts';
import { SCENARIO_RESULT_ATTACHMENT, scenarioResultSchema, type ScenarioResult } from './scenario-result.ts';
import { readFileSync } from 'node:fs';
import { reportedStatus } from './target-failure.ts';

function scenarioOf(result: TestResult): ScenarioResult | undefined {
  const attachment = result.attachments.find((a) => a.name === SCENARIO_RESULT_ATTACHMENT);
  if (!attachment) return undefined;
  try {
    const text = attachment.body ? attachment.body.toString('utf8') : readFileSync(attachment.path ?? '', 'utf8');
    const parsed = scenarioResultSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The harness's console in place of Playwright's list reporter: the scenarios' live progress as the workers print
 * it, one line per test, each finding once with its fix (ConsoleDigest), and no failure dump of harness frames,
 * attachments and error-context files for a failure that is the target's.
 */
export default class ConsoleReporter implements Reporter {
  readonly #digest = new ConsoleDigest();

  printsToStdio(): boolean {
    return true;
  }

  onStdOut(chunk: string | Buffer): void {
    process.stdout.write(chunk);
  }

  onStdErr(chunk: string | Buffer): void {
    process.stderr.write(chunk);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // A retried test prints when it is final: Playwright retries only what did not end as expected.
    if (result.status !== test.expectedStatus && result.status !== 'skipped' && result.status !== 'interrupted' && result.retry < test.retries) return;
    const status = reportedStatus(test, result);
    const scenario = scenarioOf(result);
    const lines = this.#digest.lines({
      title: test.titlePath().slice(3).join(' › ') || test.title,
      ...(test.parent.project()?.name ? { project: test.parent.project()?.name ?? '' } : {}),
      status,
      durationMs: result.duration,
      ...(scenario ? { scenario } : {}),
      ...(() => {
        const reason = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip' && a.description)?.description;
        return reason ? { skipReason: reason } : {};
      })(),
      errors: result.errors.map((e) => e.stack ?? e.message ?? String(e.value ?? '')),
    });
    console.log(lines.join('\n'));
  }

  onEnd(result: FullResult): void {
    console.log(this.#digest.totals(result.duration).join('\n'));
  }
}
