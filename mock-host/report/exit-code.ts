import type { Summary } from './summary-schema.ts';

export interface PlaywrightExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ExitDecisionInput {
  /** The parsed summary.json, or null when it is missing or invalid (then `summaryProblem` says why). */
  summary: Summary | null;
  summaryProblem?: string;
  playwrightExit: PlaywrightExit;
  /** The run script itself got SIGINT/SIGTERM (Ctrl-C, a cancelled CI job). */
  interrupted?: boolean;
}

export interface ExitDecision {
  code: 0 | 1;
  /** Why the run fails, for stderr; absent on success. */
  message?: string;
}

/**
 * DESIGN.md: 0 only for a complete run whose verdict is pass. Exit 2 (bad input) is decided before Playwright
 * starts, so it never reaches here. A pass verdict from a partial run must not turn into a green CI job.
 */
export function decideExitCode({ summary, summaryProblem, playwrightExit, interrupted = false }: ExitDecisionInput): ExitDecision {
  if (interrupted) return { code: 1, message: 'The run was interrupted; the results are incomplete.' };
  if (playwrightExit.signal)
    return { code: 1, message: `Playwright was killed by ${playwrightExit.signal}; the results are incomplete.` };
  if (!summary) {
    const why = summaryProblem ?? 'summary.json is missing';
    return { code: 1, message: `No usable summary: ${why}. Playwright exited with code ${playwrightExit.code ?? 'unknown'}; see its output above.` };
  }
  // The gate decided the verdict and says why; a summary without its reasons is not one this harness wrote.
  if (summary.verdict === 'fail') return { code: 1, message: `Verdict: fail\n  - ${(summary.gate?.reasons ?? ['(no reason recorded)']).join('\n  - ')}` };
  // A scenario failed by its target is an expected failure to Playwright (target-failure.ts), so with a pass verdict
  // (its findings accepted by the baseline, or --fail-on never) Playwright exits 0 unless the harness itself broke.
  if (playwrightExit.code !== 0)
    return {
      code: 1,
      message:
        `The target passed, but Playwright exited with code ${playwrightExit.code ?? 'unknown'}: the harness's own tests ` +
        'failed (or no test matched / the run stopped early). See the Playwright output above.',
    };
  return { code: 0 };
}
