import { test, expect } from '@playwright/test';
import { buildSummary } from '../../../mock-host/report/build-summary.ts';
import { decideExitCode } from '../../../mock-host/report/exit-code.ts';
import { finding, META, scenario } from './fixtures.ts';

const pass = buildSummary([scenario('lifecycle')], META);
const fail = buildSummary([scenario('lifecycle', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'lifecycle')] })], META);
const ok = { code: 0, signal: null } as const;
const testsFailed = { code: 1, signal: null } as const;

test.describe('decideExitCode', () => {
  test('a pass verdict from a clean Playwright run exits 0', () => {
    expect(decideExitCode({ summary: pass, playwrightExit: ok })).toEqual({ code: 0 });
  });

  test('a fail verdict exits 1 whatever Playwright returned', () => {
    for (const playwrightExit of [ok, testsFailed]) {
      const decision = decideExitCode({ summary: fail, playwrightExit });
      expect(decision.code).toBe(1);
      expect(decision.message).toContain('Verdict: fail\n  - 1 finding at or above --fail-on error: REFRESH_TOKEN_MISSING (error) in lifecycle');
    }
  });

  test('a pass verdict with a failing Playwright run blames the harness self-tests', () => {
    const decision = decideExitCode({ summary: pass, playwrightExit: testsFailed });
    expect(decision.code).toBe(1);
    expect(decision.message).toContain("the harness's own tests failed");
  });

  test('a missing summary exits 1 and says why', () => {
    const decision = decideExitCode({ summary: null, summaryProblem: 'reports/summary.json was not written', playwrightExit: testsFailed });
    expect(decision.code).toBe(1);
    expect(decision.message).toContain('reports/summary.json was not written');
    expect(decision.message).toContain('code 1');
  });

  test('a killed or interrupted run exits 1 even with a pass verdict', () => {
    expect(decideExitCode({ summary: pass, playwrightExit: { code: null, signal: 'SIGKILL' } })).toMatchObject({ code: 1, message: expect.stringContaining('SIGKILL') });
    expect(decideExitCode({ summary: pass, playwrightExit: ok, interrupted: true })).toMatchObject({ code: 1, message: expect.stringContaining('interrupted') });
  });
});
