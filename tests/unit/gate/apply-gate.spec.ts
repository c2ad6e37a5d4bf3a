import { test, expect } from '@playwright/test';
import { applyGate, type GatePolicy } from '../../../mock-host/gate/apply-gate.ts';
import type { BaselineEntry } from '../../../mock-host/gate/baseline-schema.ts';
import { buildSummary } from '../../../mock-host/report/build-summary.ts';
import { finding, META, scenario } from '../report/fixtures.ts';

const TODAY = '2026-11-22';
const policy = (overrides: Partial<GatePolicy> = {}, entries?: BaselineEntry[]): GatePolicy => ({
  failOn: 'error',
  today: TODAY,
  ...(entries ? { baseline: { file: '/repo/plugin-conformance.baseline.json', entries } } : {}),
  ...overrides,
});

// A plugin without refresh tokens: two scenarios fail with errors, one passes with a warning.
const failing = buildSummary(
  [
    scenario('absent-refresh-token', {
      status: 'failed',
      findings: [finding('REFRESH_TOKEN_MISSING', 'absent-refresh-token'), finding('USER_MISSING_CREDENTIALS', 'absent-refresh-token')],
    }),
    scenario('expired-token-refresh', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'expired-token-refresh')] }),
    scenario('discovery', { findings: [finding('MANIFEST_CONTENT_TYPE', 'discovery')] }),
  ],
  META,
);
const passing = buildSummary([scenario('discovery', { findings: [finding('MANIFEST_CONTENT_TYPE', 'discovery')] })], META);

test.describe('applyGate', () => {
  test('with the default policy and no baseline it keeps DESIGN.md\'s verdict', () => {
    for (const summary of [failing, passing]) expect(applyGate(summary, policy()).verdict).toBe(summary.verdict);
    const gated = applyGate(failing, policy());
    expect(gated.gate?.blocking.map((b) => `${b.code}@${b.scenario}`)).toEqual([
      'REFRESH_TOKEN_MISSING@absent-refresh-token',
      'USER_MISSING_CREDENTIALS@absent-refresh-token',
      'REFRESH_TOKEN_MISSING@expired-token-refresh',
    ]);
    expect(gated.gate?.reasons).toHaveLength(1);
    // Counted as the totals count (each finding once), listing every scenario a code blocks in.
    expect(gated.totals.errors).toBe(2);
    expect(gated.gate?.reasons[0]).toBe(
      '2 findings at or above --fail-on error: REFRESH_TOKEN_MISSING (error) in absent-refresh-token, expired-token-refresh; USER_MISSING_CREDENTIALS (error) in absent-refresh-token',
    );
    expect(gated.baseline).toBeUndefined();
    // The DESIGN.md contract fields are untouched.
    expect(gated.totals).toEqual(failing.totals);
    expect(gated.scenarios).toEqual(failing.scenarios);
  });

  test('accepted findings pass the run, are marked, and excuse the scenarios they failed', () => {
    const gated = applyGate(
      failing,
      policy({}, [
        { code: 'REFRESH_TOKEN_MISSING', reason: 'provider fix due in December' },
        { code: 'USER_MISSING_CREDENTIALS', scenario: 'absent-refresh-token', reason: 'follows from REFRESH_TOKEN_MISSING' },
      ]),
    );
    expect(gated.verdict).toBe('pass');
    expect(gated.findings.filter((f) => f.accepted).map((f) => f.code).sort()).toEqual(['REFRESH_TOKEN_MISSING', 'USER_MISSING_CREDENTIALS']);
    expect(gated.findings.find((f) => f.code === 'MANIFEST_CONTENT_TYPE')?.accepted).toBeUndefined();
    expect(gated.gate?.excused).toEqual(['absent-refresh-token', 'expired-token-refresh']);
    expect(gated.baseline?.accepted.map((e) => [e.code, e.scenarios])).toEqual([
      ['REFRESH_TOKEN_MISSING', ['absent-refresh-token', 'expired-token-refresh']],
      ['USER_MISSING_CREDENTIALS', ['absent-refresh-token']],
    ]);
  });

  test('an entry scoped to one scenario leaves the same code in another scenario failing', () => {
    const gated = applyGate(
      failing,
      policy({}, [
        { code: 'REFRESH_TOKEN_MISSING', scenario: 'absent-refresh-token', reason: 'r' },
        { code: 'USER_MISSING_CREDENTIALS', reason: 'r' },
      ]),
    );
    expect(gated.verdict).toBe('fail');
    expect(gated.gate?.blocking).toEqual([{ scenario: 'expired-token-refresh', code: 'REFRESH_TOKEN_MISSING', severity: 'error' }]);
    expect(gated.gate?.excused).toEqual(['absent-refresh-token']);
    // Only its own scenario counts as matched: the entry's accepted list names that one.
    expect(gated.baseline?.accepted.find((e) => e.code === 'REFRESH_TOKEN_MISSING')?.scenarios).toEqual(['absent-refresh-token']);
  });

  test('an entry scoped to a scenario where its code no longer appears is stale, though another scenario has the code', () => {
    // Fixed in absent-refresh-token (its check ran and found nothing), still found in expired-token-refresh.
    const moved = buildSummary(
      [
        scenario('absent-refresh-token', { checks: [{ id: 'refresh-token-issued', status: 'passed', spec: 's', codes: ['REFRESH_TOKEN_MISSING'] }] }),
        scenario('expired-token-refresh', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'expired-token-refresh')] }),
      ],
      META,
    );
    const gated = applyGate(moved, policy({}, [{ code: 'REFRESH_TOKEN_MISSING', scenario: 'absent-refresh-token', reason: 'r' }]));
    expect(gated.baseline?.stale.map((e) => [e.code, e.scenario])).toEqual([['REFRESH_TOKEN_MISSING', 'absent-refresh-token']]);
    expect(gated.baseline?.accepted).toEqual([]);
    expect(gated.gate?.blocking).toEqual([{ scenario: 'expired-token-refresh', code: 'REFRESH_TOKEN_MISSING', severity: 'error' }]);
    expect(gated.findings.find((f) => f.code === 'REFRESH_TOKEN_MISSING')?.accepted).toBeUndefined();
  });

  test('an entry that matches nothing is stale and fails the run, so a baseline only shrinks', () => {
    const gated = applyGate(passing, policy({}, [{ code: 'TOKEN_TYPE_NOT_BEARER', reason: 'fixed long ago' }]));
    expect(gated.verdict).toBe('fail');
    expect(gated.baseline?.stale.map((e) => e.code)).toEqual(['TOKEN_TYPE_NOT_BEARER']);
    expect(gated.gate?.reasons.join('\n')).toContain('1 stale baseline entry: TOKEN_TYPE_NOT_BEARER');
  });

  test('an entry is stale only where its rule was checked: a code no scenario reached keeps its entry', () => {
    const unreached = buildSummary([scenario('discovery', { findings: [finding('MANIFEST_CONTENT_TYPE', 'discovery')], checks: [] })], META);
    const gated = applyGate(unreached, policy({}, [{ code: 'TOKEN_TYPE_NOT_BEARER', reason: 'the install broke before any token response' }]));
    expect(gated.baseline?.stale).toEqual([]);
    expect(gated.verdict).toBe('pass');
    // Reached, but only in another scenario than the one the entry names: still not checked there.
    const elsewhere = buildSummary(
      [
        scenario('discovery', { checks: [] }),
        scenario('token-response-shape', { checks: [{ id: 'token-type-is-bearer', status: 'passed', spec: 'RFC 6749 §7.1', codes: ['TOKEN_TYPE_NOT_BEARER'] }] }),
      ],
      META,
    );
    expect(applyGate(elsewhere, policy({}, [{ code: 'TOKEN_TYPE_NOT_BEARER', scenario: 'discovery', reason: 'r' }])).baseline?.stale).toEqual([]);
    expect(applyGate(elsewhere, policy({}, [{ code: 'TOKEN_TYPE_NOT_BEARER', reason: 'r' }])).baseline?.stale.map((e) => e.code)).toEqual(['TOKEN_TYPE_NOT_BEARER']);
    // A check that ran and skipped says nothing either.
    const skipped = buildSummary([scenario('invalid-token', { checks: [{ id: 'api-refuses-bad-credentials-with-401', status: 'skipped', spec: 's', codes: ['API_ACCEPTS_INVALID_TOKEN'], reason: 'nothing to probe' }] })], META);
    expect(applyGate(skipped, policy({}, [{ code: 'API_ACCEPTS_INVALID_TOKEN', reason: 'r' }])).baseline?.stale).toEqual([]);
  });

  test('a shard reports stale entries without failing: another shard may match them', () => {
    const gated = applyGate(passing, policy({ partial: true }, [{ code: 'TOKEN_TYPE_NOT_BEARER', reason: 'r' }]));
    expect(gated.verdict).toBe('pass');
    expect(gated.gate?.partial).toBe(true);
    expect(gated.baseline?.stale).toHaveLength(1);
  });

  test('an expired entry accepts nothing, says so, and its finding fails again', () => {
    const gated = applyGate(
      failing,
      policy({}, [
        { code: 'REFRESH_TOKEN_MISSING', reason: 'r', expires: '2026-11-21' },
        { code: 'USER_MISSING_CREDENTIALS', reason: 'r', expires: TODAY },
      ]),
    );
    expect(gated.verdict).toBe('fail');
    expect(gated.baseline?.expired.map((e) => e.code)).toEqual(['REFRESH_TOKEN_MISSING']);
    expect(gated.baseline?.stale).toEqual([]);
    // The entry expiring today still counts.
    expect(gated.findings.find((f) => f.code === 'USER_MISSING_CREDENTIALS')?.accepted).toBe(true);
    expect(gated.gate?.reasons.join('\n')).toContain('expired baseline entry no longer accepts: REFRESH_TOKEN_MISSING (expired 2026-11-21)');
  });

  test('--fail-on warning makes warnings block; --fail-on never blocks nothing', () => {
    const warning = applyGate(passing, policy({ failOn: 'warning' }));
    expect(warning.verdict).toBe('fail');
    expect(warning.gate?.blocking).toEqual([{ scenario: 'discovery', code: 'MANIFEST_CONTENT_TYPE', severity: 'warning' }]);
    const never = applyGate(failing, policy({ failOn: 'never' }, [{ code: 'TOKEN_TYPE_NOT_BEARER', reason: 'stale, but never means never' }]));
    expect(never.verdict).toBe('pass');
    expect(never.gate?.excused).toEqual(['absent-refresh-token', 'expired-token-refresh']);
  });

  test('a scenario that failed without an error finding (a crash, a timeout) is never excused', () => {
    const crashed = buildSummary([scenario('install-and-use', { status: 'failed', reason: 'the test timed out before producing a result' })], META);
    for (const failOn of ['error', 'never'] as const) {
      const gated = applyGate(crashed, policy({ failOn }));
      expect(gated.verdict).toBe('fail');
      expect(gated.gate?.reasons).toEqual(['1 failed scenario: install-and-use (the test timed out before producing a result)']);
    }
  });

  test('a failed simulated scenario is a harness failure: findings or a baseline cannot excuse it', () => {
    const simulated = buildSummary(
      [scenario('no-refresh-token', { kind: 'simulated', status: 'failed', reason: 'expected but not seen: REFRESH_TOKEN_MISSING', findings: [] })],
      META,
    );
    expect(applyGate(simulated, policy({ failOn: 'never' })).verdict).toBe('fail');
  });
});
