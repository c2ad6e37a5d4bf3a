import { test, expect } from '@playwright/test';
import { applyGate, blocksAt, dayOf, type GatePolicy } from '../../../mock-host/gate/apply-gate.ts';
import type { BaselineEntry } from '../../../mock-host/gate/baseline-schema.ts';
import { buildSummary } from '../../../mock-host/report/build-summary.ts';
import { finding, META, scenario } from '../report/fixtures.ts';

// Gate rules mutation testing (npm run mutation) found unguarded.
const policy = (entries: BaselineEntry[] = [], failOn: GatePolicy['failOn'] = 'error'): GatePolicy => ({ failOn, today: '2026-11-22', baseline: { file: '/repo/b.json', entries } });

test('blocksAt: --fail-on names the least severe level that blocks; never blocks nothing', () => {
  const table = (['error', 'warning', 'never'] as const).map((failOn) => (['error', 'warning', 'info'] as const).map((s) => blocksAt(failOn, s)));
  expect(table).toEqual([
    [true, false, false],
    [true, true, false],
    [false, false, false],
  ]);
});

test('dayOf: the UTC day of a timestamp or a Date', () => {
  expect(dayOf('2026-11-22T23:59:59Z')).toBe('2026-11-22');
  expect(dayOf('2026-11-22T23:59:59-02:00')).toBe('2026-11-23');
  expect(dayOf(new Date(Date.UTC(2026, 0, 2, 0, 0, 1)))).toBe('2026-01-02');
});

test('a passing simulated scenario never blocks, whatever it found; a failed one is named with its reason', () => {
  const passing = buildSummary([scenario('simulated/no-refresh-token', { kind: 'simulated', findings: [finding('REFRESH_TOKEN_MISSING', 'simulated/no-refresh-token')] })], META);
  expect(applyGate(passing, policy()).verdict).toBe('pass');
  const failed = buildSummary([scenario('simulated/x', { kind: 'simulated', status: 'failed', reason: 'unexpected findings: API_SLOW@warning', findings: [] })], META);
  expect(applyGate(failed, policy()).gate?.reasons).toEqual(['1 failed scenario: simulated/x (unexpected findings: API_SLOW@warning)']);
});

test('an expired entry is named as lapsed only for the findings it would have accepted', () => {
  const summary = buildSummary(
    [
      scenario('absent-refresh-token', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'absent-refresh-token')] }),
      scenario('discovery', { status: 'failed', findings: [finding('MANIFEST_INVALID', 'discovery')] }),
    ],
    META,
  );
  const lapsed: BaselineEntry = { code: 'REFRESH_TOKEN_MISSING', reason: 'r', expires: '2026-01-01' };
  const unrelated: BaselineEntry = { code: 'TOKEN_NO_EXPIRY', scenario: 'discovery', reason: 'r', expires: '2026-01-01' };
  const gated = applyGate(summary, policy([lapsed, unrelated]));
  expect(gated.verdict).toBe('fail');
  expect(gated.gate?.reasons.find((r) => r.startsWith('expired'))).toBe('expired baseline entry no longer accepts: REFRESH_TOKEN_MISSING (expired 2026-01-01)');
});
