import { test, expect } from '@playwright/test';
import { applyGate } from '../../../mock-host/gate/apply-gate.ts';
import { buildSummary } from '../../../mock-host/report/build-summary.ts';
import { escapeXml, renderJunitXml } from '../../../mock-host/report/summary-junit.ts';
import { finding, META, scenario } from './fixtures.ts';

const results = [
  scenario('absent-refresh-token', {
    status: 'failed',
    reason: '1 error finding(s): REFRESH_TOKEN_MISSING',
    findings: [finding('REFRESH_TOKEN_MISSING', 'absent-refresh-token', { message: 'no refresh_token <in> "body"', reproduce: 'curl -X POST https://p.example/token' })],
  }),
  scenario('discovery', { findings: [finding('MANIFEST_CONTENT_TYPE', 'discovery')] }),
  scenario('expired-access-token', { status: 'skipped', reason: 'needs PLUGIN_URL' }),
  scenario('no-refresh-token', { kind: 'simulated', findings: [finding('REFRESH_TOKEN_MISSING', 'no-refresh-token')], expected: ['REFRESH_TOKEN_MISSING'], seen: ['REFRESH_TOKEN_MISSING'] }),
];
const gate = { failOn: 'error' as const, today: '2026-11-22' };

/** The XML of one scenario's testcase, up to the next testcase. */
function testcase(xml: string, id: string): string {
  return xml.split('<testcase').find((chunk) => chunk.includes(` name="${id}:`)) ?? '';
}

test('one testcase per scenario; a failure carries its findings with fix and reproduction', () => {
  const xml = renderJunitXml(applyGate(buildSummary(results, META), gate));
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="plugin-conformance" tests="4" failures="1" errors="0" skipped="1"')).toBe(true);
  const failed = testcase(xml, 'absent-refresh-token');
  expect(failed).toContain('<failure message="REFRESH_TOKEN_MISSING: 1 error finding(s): REFRESH_TOKEN_MISSING" type="REFRESH_TOKEN_MISSING">');
  expect(failed).toContain('[error] REFRESH_TOKEN_MISSING: The token expires but no refresh token is issued');
  expect(failed).toContain('seen: no refresh_token &lt;in&gt; &quot;body&quot;');
  expect(failed).toContain('fix:  fix REFRESH_TOKEN_MISSING');
  expect(failed).toContain('reproduce: curl -X POST https://p.example/token');
  expect(testcase(xml, 'discovery')).toContain('<system-out>[warning] MANIFEST_CONTENT_TYPE');
  expect(testcase(xml, 'expired-access-token')).toContain('<skipped message="skipped: needs PLUGIN_URL"/>');
  expect(xml).toContain('<testsuite name="simulated targets (harness self-check)" tests="1" failures="0"');
  expect(xml).toContain('<property name="verdict" value="fail"/>');
});

test('JUnit agrees with the gate: accepted findings pass, stale entries fail a baseline testcase, warnings fail with --fail-on warning', () => {
  const summary = buildSummary(results, META);
  const accepted = renderJunitXml(
    applyGate(summary, { ...gate, baseline: { file: 'b.json', entries: [{ code: 'REFRESH_TOKEN_MISSING', reason: 'known' }, { code: 'API_SLOW', reason: 'gone' }] } }),
  );
  expect(testcase(accepted, 'absent-refresh-token')).toContain('<system-out>[error, accepted] REFRESH_TOKEN_MISSING');
  expect(accepted).toContain('<testcase classname="plugin-conformance.baseline" name="baseline: b.json"');
  expect(accepted).toContain('<failure message="1 stale baseline entry: API_SLOW" type="STALE_BASELINE">');
  expect(accepted).toMatch(/<testsuites [^>]*failures="1"/);

  const strict = renderJunitXml(applyGate(summary, { ...gate, failOn: 'warning' }));
  expect(testcase(strict, 'discovery')).toContain('<failure message="MANIFEST_CONTENT_TYPE" type="MANIFEST_CONTENT_TYPE">');
});

test('escapeXml drops characters XML cannot hold and escapes markup', () => {
  expect(escapeXml('a\u0000b\u001bc <&> "\' \t\n')).toBe('abc &lt;&amp;&gt; &quot;&apos; \t\n');
});
