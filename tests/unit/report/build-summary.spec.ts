import { test, expect } from '@playwright/test';
import { buildSummary, summarySchema } from '../../../mock-host/report/build-summary.ts';
import { finding, META, scenario } from './fixtures.ts';

test.describe('buildSummary', () => {
  test('an error finding fails the verdict', () => {
    const summary = buildSummary(
      [scenario('lifecycle', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'lifecycle')] })],
      META,
    );
    expect(summary.verdict).toBe('fail');
    expect(summary.totals).toMatchObject({ errors: 1, failed: 1 });
  });

  test('an error finding fails the verdict even when the scenario says passed', () => {
    const summary = buildSummary([scenario('discover', { findings: [finding('MANIFEST_API_DOMAIN', 'discover')] })], META);
    expect(summary.verdict).toBe('fail');
  });

  test('warnings and infos alone pass', () => {
    const summary = buildSummary(
      [scenario('discover', { findings: [finding('MANIFEST_CONTENT_TYPE', 'discover'), finding('REFRESH_TOKEN_ROTATED', 'discover')] })],
      META,
    );
    expect(summary.verdict).toBe('pass');
    expect(summary.totals).toMatchObject({ errors: 0, warnings: 1, infos: 1 });
  });

  test('a failed simulated scenario fails the verdict', () => {
    const summary = buildSummary(
      [scenario('lifecycle'), scenario('sim-no-refresh', { kind: 'simulated', status: 'failed', expected: ['REFRESH_TOKEN_MISSING'], seen: [] })],
      META,
    );
    expect(summary.verdict).toBe('fail');
    expect(summary.findings).toEqual([]);
  });

  test('simulated findings stay on their scenario line, out of the top-level findings', () => {
    const sim = scenario('sim-no-refresh', {
      kind: 'simulated',
      findings: [finding('REFRESH_TOKEN_MISSING', 'sim-no-refresh')],
      expected: ['REFRESH_TOKEN_MISSING'],
      seen: ['REFRESH_TOKEN_MISSING'],
      reason: 'fault: no refresh_token',
      checks: [{ id: 'token-response-has-refresh-token', status: 'failed', spec: 'RFC 6749 §1.5, §5.1', codes: ['REFRESH_TOKEN_MISSING'], found: ['REFRESH_TOKEN_MISSING'] }],
    });
    const summary = buildSummary([scenario('lifecycle'), sim], META);
    expect(summary.verdict).toBe('pass');
    expect(summary.findings).toEqual([]);
    expect(summary.totals.errors).toBe(0);
    expect(summary.scenarios[1]).toEqual({
      id: 'sim-no-refresh',
      title: 'Scenario sim-no-refresh',
      status: 'passed',
      durationMs: 120,
      findings: ['REFRESH_TOKEN_MISSING'],
      kind: 'simulated',
      expected: ['REFRESH_TOKEN_MISSING'],
      seen: ['REFRESH_TOKEN_MISSING'],
      reason: 'fault: no refresh_token',
      checks: [{ id: 'token-response-has-refresh-token', status: 'failed', spec: 'RFC 6749 §1.5, §5.1', codes: ['REFRESH_TOKEN_MISSING'], found: ['REFRESH_TOKEN_MISSING'] }],
    });
  });

  test('the same code and message from several scenarios is listed once, for the first scenario', () => {
    const summary = buildSummary(
      [
        scenario('a', { findings: [finding('VERIFICATION_TOKEN_MISSING', 'a')] }),
        scenario('b', { findings: [finding('VERIFICATION_TOKEN_MISSING', 'b'), finding('VERIFICATION_TOKEN_MISSING', 'b', { message: 'other' })] }),
      ],
      META,
    );
    expect(summary.findings.map((f) => [f.code, f.scenario, f.message])).toEqual([
      ['VERIFICATION_TOKEN_MISSING', 'a', 'VERIFICATION_TOKEN_MISSING seen'],
      ['VERIFICATION_TOKEN_MISSING', 'b', 'other'],
    ]);
    expect(summary.scenarios.map((s) => s.findings)).toEqual([['VERIFICATION_TOKEN_MISSING'], ['VERIFICATION_TOKEN_MISSING']]);
    expect(summary.totals.warnings).toBe(2);
  });

  test('findings are ordered error, warning, info, keeping run order within a severity', () => {
    const summary = buildSummary(
      [
        scenario('a', { findings: [finding('REFRESH_TOKEN_ROTATED', 'a'), finding('TOKEN_NO_EXPIRY', 'a')] }),
        scenario('b', { status: 'failed', findings: [finding('API_CALL_FAILED', 'b'), finding('EXPIRES_IN_NOT_NUMBER', 'b')] }),
      ],
      META,
    );
    expect(summary.findings.map((f) => f.code)).toEqual(['API_CALL_FAILED', 'TOKEN_NO_EXPIRY', 'EXPIRES_IN_NOT_NUMBER', 'REFRESH_TOKEN_ROTATED']);
  });

  test('totals count every scenario status', () => {
    const summary = buildSummary(
      [
        scenario('p'),
        scenario('f', { status: 'failed' }),
        scenario('s', { status: 'skipped', reason: 'needs PLUGIN_USER_TOKEN' }),
        scenario('i', { status: 'inconclusive', reason: 'login automation failed' }),
        scenario('sim', { kind: 'simulated' }),
      ],
      META,
    );
    expect(summary.totals).toEqual({ scenarios: 5, passed: 2, failed: 1, skipped: 1, inconclusive: 1, errors: 0, warnings: 0, infos: 0 });
    expect(summary.verdict).toBe('fail');
  });

  test('inconclusive and skipped scenarios do not fail the verdict', () => {
    const summary = buildSummary([scenario('i', { status: 'inconclusive' }), scenario('s', { status: 'skipped' })], META);
    expect(summary.verdict).toBe('pass');
  });

  test('the target comes from the first conformance scenario, else from the fallback', () => {
    const gpt = { url: 'https://api.example.com', profile: 'gpt-action', authType: 'oauth' } as const;
    const sim = scenario('sim', { kind: 'simulated', target: { url: 'http://127.0.0.1:1', profile: 'chatgpt-plugin', authType: 'oauth' } });
    expect(buildSummary([sim, scenario('c', { target: gpt })], META).target).toEqual(gpt);
    expect(buildSummary([sim], META).target).toEqual(META.fallbackTarget);
  });

  test('an empty run passes with zero totals and the meta data', () => {
    const summary = buildSummary([], META);
    expect(summary).toMatchObject({
      tool: { name: 'plugin-conformance', version: '0.1.0' },
      startedAt: '2026-11-22T10:00:00.000Z',
      durationMs: 4321,
      verdict: 'pass',
      scenarios: [],
      findings: [],
    });
  });

  test('the summary survives a JSON round trip through summarySchema', () => {
    const summary = buildSummary(
      [
        scenario('a', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'a', { reproduce: "curl -d 'grant_type=…' $TOKEN_URL" })] }),
        scenario('sim', { kind: 'simulated', expected: ['TOKEN_ERROR_WITH_200'], seen: ['TOKEN_ERROR_WITH_200'] }),
      ],
      META,
    );
    expect(summarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });

  test('summarySchema rejects what breaks the contract', () => {
    const summary = buildSummary([scenario('a')], META);
    expect(summarySchema.safeParse({ ...summary, verdict: 'ok' }).success).toBe(false);
    expect(summarySchema.safeParse({ ...summary, startedAt: 'yesterday' }).success).toBe(false);
    expect(summarySchema.safeParse({ ...summary, findings: [{ ...finding('API_SLOW', 'a'), code: 'NOT_A_CODE' }] }).success).toBe(false);
    const { totals: _omitted, ...withoutTotals } = summary;
    expect(summarySchema.safeParse(withoutTotals).success).toBe(false);
  });
});
