import { test, expect } from '@playwright/test';
import type { FullConfig, FullResult, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SummaryReporter from '../../../mock-host/report/summary-reporter.ts';
import { summarySchema } from '../../../mock-host/report/build-summary.ts';
import { SCENARIO_RESULT_ATTACHMENT } from '../../../mock-host/report/scenario-result.ts';
import { TARGET_FAILURE_ANNOTATION } from '../../../mock-host/report/target-failure.ts';
import { finding, scenario } from './fixtures.ts';

/** Just the fields the reporter reads; Playwright's real objects carry many more. */
function fakeTest(id: string, project: string): TestCase {
  return { id, title: id, annotations: [], parent: { project: () => ({ name: project }) } } as unknown as TestCase;
}
function fakeResult(status: TestResult['status'], attached?: unknown): TestResult {
  const attachments = attached === undefined ? [] : [{ name: SCENARIO_RESULT_ATTACHMENT, contentType: 'application/json', body: Buffer.from(JSON.stringify(attached)) }];
  return { status, duration: 5, attachments, annotations: [] } as unknown as TestResult;
}

test('the reporter writes summary.json and summary.md in declaration order, keeping the last retry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summary-reporter-'));
  try {
    const reporter = new SummaryReporter({ reportsDir: dir, print: false, configDir: '/ignored' });
    const [first, second, self] = [fakeTest('discovery', 'conformance'), fakeTest('lifecycle', 'conformance'), fakeTest('unit', 'self-tests')];
    reporter.onBegin({ projects: [] } as unknown as FullConfig, { allTests: () => [first, second, self] } as unknown as Suite);
    reporter.onTestEnd(second, fakeResult('failed', scenario('lifecycle', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'lifecycle')] })));
    reporter.onTestEnd(self, fakeResult('passed'));
    reporter.onTestEnd(first, fakeResult('failed'));
    reporter.onTestEnd(first, fakeResult('passed', scenario('discovery')));
    reporter.onEnd({ status: 'failed', startTime: new Date('2026-11-22T10:00:00Z'), duration: 999 } as FullResult);

    const summary = summarySchema.parse(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')));
    expect(summary.scenarios.map((s) => [s.id, s.status])).toEqual([['discovery', 'passed'], ['lifecycle', 'failed']]);
    expect(summary).toMatchObject({ verdict: 'fail', startedAt: '2026-11-22T10:00:00.000Z', durationMs: 999, tool: { name: 'plugin-conformance' } });
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('| error | REFRESH_TOKEN_MISSING | lifecycle |');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a fail verdict fails the Playwright run, a pass leaves it; a team test that failed as expected is no failed self-test', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'summary-reporter-'));
  const begin = (reporter: SummaryReporter, tests: TestCase[]) => reporter.onBegin({ projects: [] } as unknown as FullConfig, { allTests: () => tests } as unknown as Suite);
  const end = { status: 'passed', startTime: new Date('2026-11-22T10:00:00Z'), duration: 999 } as FullResult;
  try {
    // A scenario failed by its target: an expected failure to Playwright, which would otherwise exit 0.
    const failing = new SummaryReporter({ reportsDir: dir, print: false });
    const lifecycle = { ...fakeTest('lifecycle', 'conformance'), expectedStatus: 'failed', annotations: [{ type: TARGET_FAILURE_ANNOTATION }] } as unknown as TestCase;
    begin(failing, [lifecycle]);
    failing.onTestEnd(lifecycle, fakeResult('failed', scenario('lifecycle', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'lifecycle')] })));
    expect(await failing.onEnd(end)).toEqual({ status: 'failed' });
    expect(summarySchema.parse(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).scenarios[0]?.status).toBe('failed');
    // An interrupted run stays interrupted.
    expect(await failing.onEnd({ ...end, status: 'interrupted' })).toBeUndefined();

    const passing = new SummaryReporter({ reportsDir: dir, print: false });
    const [discovery, own] = [fakeTest('discovery', 'conformance'), { ...fakeTest('known bug', 'own'), expectedStatus: 'failed' } as unknown as TestCase];
    begin(passing, [discovery, own]);
    passing.onTestEnd(discovery, fakeResult('passed', scenario('discovery')));
    passing.onTestEnd(own, fakeResult('failed'));
    expect(await passing.onEnd(end)).toBeUndefined();
    expect(summarySchema.parse(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).selfTests).toEqual({ failed: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
