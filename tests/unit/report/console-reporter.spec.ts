import { test, expect } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import ConsoleReporter from '../../../mock-host/report/console-reporter.ts';
import { TARGET_FAILURE_ANNOTATION } from '../../../mock-host/report/target-failure.ts';

/** Just the fields the reporter reads. */
function fakeTest(title: string, expectedStatus: TestCase['expectedStatus'], retries: number, annotations: TestCase['annotations'] = []): TestCase {
  return { title, expectedStatus, retries, annotations, titlePath: () => ['', 'own', 'own.spec.ts', title], parent: { project: () => ({ name: 'own' }) } } as unknown as TestCase;
}
function fakeResult(status: TestResult['status'], retry: number): TestResult {
  return { status, retry, duration: 5, attachments: [], annotations: [], errors: status === 'failed' ? [{ message: 'boom' }] : [] } as unknown as TestResult;
}

function printed(run: (reporter: ConsoleReporter) => void): string {
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => void lines.push(line);
  try {
    run(new ConsoleReporter());
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

test('a test that will be retried prints once, when final; an expected failure is final at once, and counts as Playwright counts it', () => {
  const retried = fakeTest('flaky one', 'passed', 1);
  expect(printed((r) => r.onTestEnd(retried, fakeResult('failed', 0)))).toBe('');
  expect(printed((r) => r.onTestEnd(retried, fakeResult('passed', 1)))).toContain('✓');

  // A team's own test.fail() with retries left: Playwright retries nothing, so the line must print now, as passed.
  const knownBug = printed((r) => r.onTestEnd(fakeTest('known bug', 'failed', 2), fakeResult('failed', 0)));
  expect(knownBug).toContain('known bug');
  expect(knownBug).not.toContain('failed');

  // A scenario its target failed (an expected failure to Playwright) prints failed.
  const target = printed((r) => r.onTestEnd(fakeTest('absent-refresh-token', 'failed', 2, [{ type: TARGET_FAILURE_ANNOTATION, description: 'no refresh token' }]), fakeResult('failed', 0)));
  expect(target).toContain('absent-refresh-token');
  expect(target).toContain('failed');
});
