import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { applyGate, type GatePolicy } from '../../../mock-host/gate/apply-gate.ts';
import { baselineJsonSchema, describeEntry, type BaselineEntry } from '../../../mock-host/gate/baseline-schema.ts';
import { loadGatePolicy } from '../../../mock-host/gate/gate-policy.ts';
import { loadBaseline } from '../../../mock-host/gate/load-baseline.ts';
import { buildSummary } from '../../../mock-host/report/build-summary.ts';
import { finding, META, scenario } from '../report/fixtures.ts';

// The gate's details: a scenario's own severity, the counts and plurals of its reasons, what makes a scenario excused.
const policy = (entries?: BaselineEntry[], over: Partial<GatePolicy> = {}): GatePolicy => ({
  failOn: 'error',
  today: '2026-11-22',
  ...(entries ? { baseline: { file: '/repo/b.json', entries } } : {}),
  ...over,
});
const entry = (code: BaselineEntry['code'], over: Partial<BaselineEntry> = {}): BaselineEntry => ({ code, reason: 'known', ...over });

test('a code is judged at the scenario\'s own severity; a deduplicated one at the worst severity of that code only', () => {
  const summary = buildSummary(
    [
      scenario('a', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'a', { severity: 'error', message: 'm' })] }),
      // The same code as a warning for this host: its own finding, so a warning here.
      scenario('b', { findings: [finding('REFRESH_TOKEN_MISSING', 'b', { severity: 'warning', message: 'm' })] }),
      scenario('c', { findings: [finding('MANIFEST_CONTENT_TYPE', 'c', { message: 'w' })] }),
      // Both deduplicated into earlier scenarios: REFRESH_TOKEN_MISSING is at worst an error, MANIFEST_CONTENT_TYPE a warning.
      scenario('d', { findings: [finding('MANIFEST_CONTENT_TYPE', 'd', { message: 'w' }), finding('REFRESH_TOKEN_MISSING', 'd', { severity: 'error', message: 'm' })] }),
    ],
    META,
  );
  const gated = applyGate(summary, policy());
  expect(gated.gate?.blocking).toEqual([
    { scenario: 'a', code: 'REFRESH_TOKEN_MISSING', severity: 'error' },
    { scenario: 'd', code: 'REFRESH_TOKEN_MISSING', severity: 'error' },
  ]);
  const warned = applyGate(summary, policy(undefined, { failOn: 'warning' }));
  expect(warned.gate?.blocking).toEqual([
    { scenario: 'a', code: 'REFRESH_TOKEN_MISSING', severity: 'error' },
    { scenario: 'b', code: 'REFRESH_TOKEN_MISSING', severity: 'warning' },
    { scenario: 'c', code: 'MANIFEST_CONTENT_TYPE', severity: 'warning' },
    { scenario: 'd', code: 'MANIFEST_CONTENT_TYPE', severity: 'warning' },
    { scenario: 'd', code: 'REFRESH_TOKEN_MISSING', severity: 'error' },
  ]);
});

test('a clean run passes with no reason at all', () => {
  const gated = applyGate(buildSummary([scenario('discovery'), scenario('x', { findings: [finding('MANIFEST_CONTENT_TYPE', 'x')] })], META), policy([]));
  expect(gated.verdict).toBe('pass');
  expect(gated.gate).toEqual({ failOn: 'error', reasons: [], blocking: [], excused: [] });
});

test('the blocking count counts findings (one code in two messages is two), not scenarios or codes', () => {
  const summary = buildSummary(
    [
      scenario('a', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'a', { message: 'one' }), finding('REFRESH_TOKEN_MISSING', 'a', { message: 'two' })] }),
      scenario('b', { status: 'failed', findings: [finding('USER_MISSING_CREDENTIALS', 'b')] }),
    ],
    META,
  );
  const gated = applyGate(summary, policy([entry('USER_MISSING_CREDENTIALS')]));
  expect(gated.gate?.reasons).toEqual(['2 findings at or above --fail-on error: REFRESH_TOKEN_MISSING (error) in a']);
  expect(gated.gate?.excused).toEqual(['b']);
});

test('a failed scenario is excused only when every error code it has is accepted; its warnings do not matter', () => {
  const summary = buildSummary(
    [
      scenario('mixed', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'mixed'), finding('MANIFEST_CONTENT_TYPE', 'mixed')] }),
      scenario('two-errors', { status: 'failed', findings: [finding('USER_MISSING_CREDENTIALS', 'two-errors'), finding('MANIFEST_INVALID', 'two-errors')] }),
    ],
    META,
  );
  const gated = applyGate(summary, policy([entry('REFRESH_TOKEN_MISSING'), entry('USER_MISSING_CREDENTIALS')]));
  expect(gated.gate?.excused).toEqual(['mixed']);
  expect(gated.gate?.blocking).toEqual([{ scenario: 'two-errors', code: 'MANIFEST_INVALID', severity: 'error' }]);
  expect(gated.gate?.reasons).toEqual(['1 finding at or above --fail-on error: MANIFEST_INVALID (error) in two-errors']);
  expect(gated.verdict).toBe('fail');
});

test('several failed scenarios, lapsed entries and stale entries: counted and listed in the plural', () => {
  const summary = buildSummary(
    [
      scenario('crash-1', { status: 'failed', reason: 'timed out' }),
      scenario('crash-2', { status: 'failed' }),
      scenario('a', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'a'), finding('USER_MISSING_CREDENTIALS', 'a')] }),
    ],
    META,
  );
  const gated = applyGate(
    summary,
    policy([entry('REFRESH_TOKEN_MISSING', { expires: '2026-01-01' }), entry('USER_MISSING_CREDENTIALS', { scenario: 'a', expires: '2026-11-21' }), entry('TOKEN_NO_EXPIRY'), entry('MANIFEST_INVALID', { scenario: 'a' })]),
  );
  expect(gated.gate?.reasons).toEqual([
    '2 findings at or above --fail-on error: REFRESH_TOKEN_MISSING (error) in a; USER_MISSING_CREDENTIALS (error) in a',
    '2 failed scenarios: crash-1 (timed out); crash-2',
    'expired baseline entries no longer accept: REFRESH_TOKEN_MISSING (expired 2026-01-01), USER_MISSING_CREDENTIALS in a (expired 2026-11-21)',
    '2 stale baseline entries: TOKEN_NO_EXPIRY, MANIFEST_INVALID in a (nothing matches; remove them)',
  ]);
  expect(gated.baseline?.expired.map(describeEntry)).toEqual(['REFRESH_TOKEN_MISSING', 'USER_MISSING_CREDENTIALS in a']);
  // An entry counts through its expires day.
  const onTheDay = applyGate(summary, policy([entry('USER_MISSING_CREDENTIALS', { scenario: 'a', expires: '2026-11-22' })]));
  expect(onTheDay.gate?.blocking.map((b) => b.code)).toEqual(['REFRESH_TOKEN_MISSING']);
});

test('--fail-on never: stale entries are listed but fail nothing', () => {
  const gated = applyGate(buildSummary([scenario('discovery')], META), policy([entry('TOKEN_NO_EXPIRY')], { failOn: 'never' }));
  expect(gated.baseline?.stale).toEqual([entry('TOKEN_NO_EXPIRY')]);
  expect(gated.gate?.reasons).toEqual([]);
  expect(gated.verdict).toBe('pass');
});

test('a simulated scenario neither matches a baseline entry nor makes one stale', () => {
  const summary = buildSummary(
    [
      scenario('simulated/no-refresh', { kind: 'simulated', findings: [finding('REFRESH_TOKEN_MISSING', 'simulated/no-refresh')] }),
      scenario('refresh', { checks: [{ id: 'refresh-token-issued', status: 'passed', spec: 's', codes: ['REFRESH_TOKEN_MISSING'] }] }),
    ],
    META,
  );
  const stale = applyGate(summary, policy([entry('REFRESH_TOKEN_MISSING')]));
  expect(stale.baseline).toEqual({ file: '/repo/b.json', accepted: [], stale: [entry('REFRESH_TOKEN_MISSING')], expired: [] });
  // Only the simulated scenario checked it: nothing says the entry is stale.
  const onlySimulated = buildSummary(
    [
      scenario('simulated/clean', { kind: 'simulated', checks: [{ id: 'refresh-token-issued', status: 'passed', spec: 's', codes: ['REFRESH_TOKEN_MISSING'] }] }),
      scenario('discovery', { checks: [] }),
    ],
    META,
  );
  expect(applyGate(onlySimulated, policy([entry('REFRESH_TOKEN_MISSING')])).baseline?.stale).toEqual([]);
});

test('accepted entries list the scenarios they matched, once each', () => {
  const summary = buildSummary(
    [
      scenario('a', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'a')] }),
      scenario('b', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'b')] }),
    ],
    META,
  );
  const gated = applyGate(summary, policy([entry('REFRESH_TOKEN_MISSING')]));
  expect(gated.baseline?.accepted).toEqual([{ ...entry('REFRESH_TOKEN_MISSING'), scenarios: ['a', 'b'] }]);
  expect(gated.gate?.excused).toEqual(['a', 'b']);
  expect(gated.findings.map((f) => f.accepted)).toEqual([true]);
});

test('describeEntry and the published baseline schema', () => {
  expect(describeEntry({ code: 'API_SLOW' })).toBe('API_SLOW');
  expect(describeEntry({ code: 'API_SLOW', scenario: 'call-api' })).toBe('API_SLOW in call-api');
  const schema = baselineJsonSchema();
  expect(schema.title).toBe('plugin-conformance.baseline.json');
  expect(schema.type).toBe('object');
  expect(Object.keys(schema.properties as object)).toEqual(['$schema', 'accepted']);
});

function file(json: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'baseline-')), 'plugin-conformance.baseline.json');
  writeFileSync(path, JSON.stringify(json));
  return path;
}

test('known scenarios are checked only for scoped entries, and the message lists them all', () => {
  const unscoped = file({ accepted: [entry('API_SLOW')] });
  expect(loadBaseline(unscoped, ['a', 'b']).entries).toEqual([entry('API_SLOW')]);
  const scoped = file({ accepted: [entry('API_SLOW', { scenario: 'zzz' })] });
  expect(() => loadBaseline(scoped, ['a', 'b'])).toThrow(`baseline ${scoped}: invalid:\n  accepted.0.scenario: unknown scenario "zzz"; expected one of a, b`);
});

test('a shard\'s policy is partial; a whole run\'s is not', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'policy-'));
  expect(loadGatePolicy({ failOn: 'error' }, { startedAt: '2026-11-22T10:00:00Z', partial: true, cwd })).toEqual({ failOn: 'error', today: '2026-11-22', partial: true });
  expect(loadGatePolicy({ failOn: 'error' }, { startedAt: '2026-11-22T10:00:00Z', partial: false, cwd })).toEqual({ failOn: 'error', today: '2026-11-22' });
});

test('a failed simulated scenario without a reason is named alone', () => {
  const failed = buildSummary([scenario('simulated/x', { kind: 'simulated', status: 'failed' })], META);
  expect(applyGate(failed, policy()).gate?.reasons).toEqual(['1 failed scenario: simulated/x']);
});

test('a scenario that recorded no checks at all says nothing about an entry', () => {
  const { checks: _none, ...noChecks } = scenario('discovery');
  const gated = applyGate(buildSummary([noChecks], META), policy([entry('TOKEN_NO_EXPIRY')]));
  expect(gated.baseline?.stale).toEqual([]);
  expect(gated.verdict).toBe('pass');
});

test('every problem of a baseline file is listed, one a line', () => {
  const path = file({ accepted: [entry('API_SLOW'), entry('API_SLOW'), entry('TOKEN_NO_EXPIRY', { scenario: 'zzz' })] });
  expect(() => loadBaseline(path, ['a'])).toThrow(`baseline ${path}: invalid:\n  accepted.1: API_SLOW is listed twice\n  accepted.2.scenario: unknown scenario "zzz"; expected one of a`);
});
