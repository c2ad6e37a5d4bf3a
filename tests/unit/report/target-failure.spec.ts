import { test, expect } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { HARNESS_REPORTERS, isTargetFailure, markTargetFailure, onlyHarnessReporters, reportedStatus, TARGET_FAILURE_ANNOTATION } from '../../../mock-host/report/target-failure.ts';

type Annotation = TestCase['annotations'][number];
const harnessOnly = { reporter: [[HARNESS_REPORTERS.console], [HARNESS_REPORTERS.allure, {}], [HARNESS_REPORTERS.summary, {}]] as [string, unknown][] };

function fakeTestInfo(reporter: [string, unknown][]) {
  const calls = { fail: 0 };
  return { calls, info: { annotations: [] as Annotation[], fail: () => void calls.fail++, config: { reporter } } as unknown as Parameters<typeof markTargetFailure>[0] };
}
const ended = (expectedStatus: TestCase['expectedStatus'], status: TestResult['status'], annotations: Annotation[] = []) => ({
  test: { expectedStatus, annotations },
  result: { status, annotations: [] },
});
const targetFailed: Annotation[] = [{ type: TARGET_FAILURE_ANNOTATION, description: 'REFRESH_TOKEN_MISSING' }];

test('a target failure is marked expected when only the harness reporters read the run', () => {
  const { calls, info } = fakeTestInfo(harnessOnly.reporter);
  markTargetFailure(info, 'no refresh token');
  expect(calls.fail).toBe(1);
  expect(info.annotations).toEqual([{ type: TARGET_FAILURE_ANNOTATION, description: 'no refresh token' }]);
});

test("with any of Playwright's own reporters (list, html) the failure stays unexpected, so they count it failed", () => {
  for (const extra of ['list', 'html', 'line', '/elsewhere/mock-host/report/summary-reporter.ts']) {
    const { calls, info } = fakeTestInfo([...harnessOnly.reporter, [extra, undefined]]);
    markTargetFailure(info, 'no refresh token');
    expect(calls.fail, extra).toBe(0);
    expect(info.annotations, extra).toEqual([]);
  }
  expect(onlyHarnessReporters(harnessOnly)).toBe(true);
  expect(onlyHarnessReporters({ reporter: [['list', undefined]] })).toBe(false);
});

test("the reports show a target's failure failed, and any other test.fail() as Playwright counts it", () => {
  const target = ended('failed', 'failed', targetFailed);
  expect(isTargetFailure(target.test, target.result)).toBe(true);
  expect(reportedStatus(target.test, target.result)).toBe('failed');
  // A team's own test.fail(): failing is passing, passing is failing; a timeout stays one.
  for (const [status, shown] of [['failed', 'passed'], ['passed', 'failed'], ['timedOut', 'timedOut'], ['skipped', 'skipped']] as const) {
    const own = ended('failed', status);
    expect(isTargetFailure(own.test, own.result)).toBe(false);
    expect(reportedStatus(own.test, own.result), status).toBe(shown);
  }
  // An ordinary test, and a target's failure that timed out instead (the harness broke): Playwright's status.
  for (const status of ['passed', 'failed', 'timedOut', 'skipped', 'interrupted'] as const) expect(reportedStatus(ended('passed', status).test, ended('passed', status).result)).toBe(status);
  const timedOut = ended('failed', 'timedOut', targetFailed);
  expect(isTargetFailure(timedOut.test, timedOut.result)).toBe(false);
});
