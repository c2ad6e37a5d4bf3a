import { test, expect } from '@playwright/test';
import { applyGate } from '../../../mock-host/gate/apply-gate.ts';
import { buildSummary } from '../../../mock-host/report/build-summary.ts';
import { decideExitCode } from '../../../mock-host/report/exit-code.ts';
import { renderSummaryMarkdown } from '../../../mock-host/report/summary-markdown.ts';
import { summarySchema } from '../../../mock-host/report/summary-schema.ts';
import { finding, META, scenario } from '../report/fixtures.ts';

const failing = buildSummary([scenario('absent-refresh-token', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'absent-refresh-token')] })], META);
const baseline = (code: 'REFRESH_TOKEN_MISSING' | 'API_SLOW') => ({ file: 'plugin-conformance.baseline.json', entries: [{ code, reason: 'provider fix due' }] });
const testsFailed = { code: 1, signal: null } as const;

test('an accepted failure exits 0 (its scenario test was an expected failure), unless Playwright failed for another test', () => {
  const accepted = applyGate(failing, { failOn: 'error', today: '2026-11-22', baseline: baseline('REFRESH_TOKEN_MISSING') });
  expect(decideExitCode({ summary: { ...accepted, selfTests: { failed: 0 } }, playwrightExit: { code: 0, signal: null } })).toEqual({ code: 0 });
  expect(decideExitCode({ summary: { ...accepted, selfTests: { failed: 1 } }, playwrightExit: testsFailed }).code).toBe(1);
  expect(decideExitCode({ summary: accepted, playwrightExit: { code: 3, signal: null } }).code).toBe(1);
});

test('a gated failure says why, one reason a line', () => {
  const stale = applyGate(failing, { failOn: 'error', today: '2026-11-22', baseline: baseline('API_SLOW') });
  const decision = decideExitCode({ summary: stale, playwrightExit: testsFailed });
  expect(decision.code).toBe(1);
  expect(decision.message).toBe(
    'Verdict: fail\n  - 1 finding at or above --fail-on error: REFRESH_TOKEN_MISSING (error) in absent-refresh-token\n' +
      '  - 1 stale baseline entry: API_SLOW (nothing matches; remove it)',
  );
});

test('the gated summary still matches the published schema, and summary.md shows policy, accepted findings and the baseline', () => {
  const accepted = applyGate(failing, { failOn: 'error', today: '2026-11-22', baseline: baseline('REFRESH_TOKEN_MISSING') });
  expect(summarySchema.parse(accepted)).toEqual(accepted);
  const md = renderSummaryMarkdown(accepted);
  expect(md).toContain('✅ **PASS**');
  expect(md).toContain('Policy: `--fail-on error`, baseline plugin-conformance.baseline.json.');
  expect(md).toContain('| error (accepted) | REFRESH_TOKEN_MISSING | absent-refresh-token |');
  expect(md).toContain('## Baseline');
  expect(md).toContain('| accepted | REFRESH_TOKEN_MISSING | absent-refresh-token | provider fix due |  |');

  const failed = renderSummaryMarkdown(applyGate(failing, { failOn: 'error', today: '2026-11-22' }));
  expect(failed.indexOf('❌ **FAIL**')).toBeLessThan(failed.indexOf('- 1 finding at or above --fail-on error'));
  expect(failed.indexOf('- 1 finding at or above')).toBeLessThan(failed.indexOf('## Findings'));
  expect(failed).not.toContain('Policy:');
});
