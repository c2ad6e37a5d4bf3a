// How a scenario failed by its target shows to Playwright, and how the harness's reporters read it back.
//
// Playwright shuts a worker down after every test that fails unexpectedly, and the next test pays for a new one
// (modules, browser, mock host: about 2.5 s on 2 cores). A target's failure is the very outcome a conformance run is
// there to report, not a broken worker, so the scenario test marks it as expected (test.fail()) and keeps its worker:
// a failing target's run takes about 60 % of the time. The harness's reporters still show it failed, so this
// is done only when they are all the run has: Playwright's own (list, html) would count the scenario as passed.
import type { TestInfo } from '@playwright/test';
import type { FullConfig, TestCase, TestResult } from '@playwright/test/reporter';
import { harnessModule } from '../harness-root.ts';

/** The reporters that read a target's failure back as failed: the console, Allure and the summary (with JUnit). */
export const HARNESS_REPORTERS = {
  console: harnessModule('mock-host/report/console-reporter'),
  allure: harnessModule('mock-host/report/allure-reporter'),
  summary: harnessModule('mock-host/report/summary-reporter'),
} as const;

/** The annotation on a scenario test whose target failed it; its description is the scenario's reason. */
export const TARGET_FAILURE_ANNOTATION = 'target failure';

/**
 * The error a scenario test throws when its target failed it: no stack frames, so no report shows a harness line
 * (scenarios/run-scenario-test.ts:…) as if the harness had broken.
 */
export function targetFailure(message: string): Error {
  const err = new Error(message);
  err.stack = `Error: ${message}`;
  return err;
}

/** Whether every reporter of the run is one of the harness's, which show a target's failure as failed. */
export function onlyHarnessReporters(config: Pick<FullConfig, 'reporter'>): boolean {
  const ours: readonly string[] = Object.values(HARNESS_REPORTERS);
  return config.reporter.every(([name]) => ours.includes(name));
}

/**
 * Called in the test just before it throws targetFailure(): when only the harness's reporters read the result, the
 * failure is marked expected, so the worker stays.
 */
export function markTargetFailure(testInfo: Pick<TestInfo, 'annotations' | 'fail' | 'config'>, reason: string): void {
  if (!onlyHarnessReporters(testInfo.config)) return;
  testInfo.annotations.push({ type: TARGET_FAILURE_ANNOTATION, description: reason });
  testInfo.fail();
}

type Ended = Pick<TestCase, 'expectedStatus' | 'annotations'>;
type EndedResult = Pick<TestResult, 'status' | 'annotations'>;

/** A scenario test that failed because of its target (and was marked so), as a reporter sees it. */
export function isTargetFailure(test: Ended, result: EndedResult): boolean {
  return result.status === 'failed' && [...result.annotations, ...test.annotations].some((a) => a.type === TARGET_FAILURE_ANNOTATION);
}

/**
 * The status the harness's reports show for a test: Playwright's, except for the other tests marked to fail (a
 * team's own test.fail()): one that failed passed, one that passed failed, as Playwright counts them. A target's
 * failure stays failed.
 */
export function reportedStatus(test: Ended, result: EndedResult): TestResult['status'] {
  if (test.expectedStatus !== 'failed' || isTargetFailure(test, result)) return result.status;
  if (result.status === 'failed') return 'passed';
  return result.status === 'passed' ? 'failed' : result.status;
}
