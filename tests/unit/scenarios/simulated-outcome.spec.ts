import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { LifecycleAbort } from '../../../mock-host/model/lifecycle-abort.ts';
import type { FindingCode } from '../../../mock-host/findings/catalog.ts';
import { loadScenarioFiles, type ScenarioFile } from '../../../scenarios/scenario-loader.ts';
import { decideOutcome } from '../../../scenarios/scenario-outcome.ts';
import { finding } from '../report/fixtures.ts';

// How a simulated scenario's outcome is decided: exactly the expected findings at their severities, plus those allowed.

function loading(expectYaml: string): ScenarioFile {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  mkdirSync(join(dir, 'simulated'));
  writeFileSync(join(dir, 'simulated', 's.yaml'), `id: s\ntitle: t\nphase: install\ntarget:\n  reference-plugin: {}\n${expectYaml}steps: [discover]\n`);
  const [s] = loadScenarioFiles(dir);
  if (!s) throw new Error('scenario did not load');
  return s;
}

function expecting(...codes: FindingCode[]): ScenarioFile {
  return loading(`expect:\n  findings: [${codes.join(', ')}]\n`);
}

test('an expected stop the harness could not get past passes: the fault is what stops it', () => {
  const outcome = decideOutcome(expecting('LOGIN_AUTOMATION_FAILED'), [finding('LOGIN_AUTOMATION_FAILED', 's')], new LifecycleAbort('login automation failed', 'inconclusive'));
  expect(outcome).toEqual({ status: 'passed', seen: ['LOGIN_AUTOMATION_FAILED'] });
});

test('an unexpected skip or inconclusive stop fails, saying why, instead of hiding a lost detection', () => {
  const scenario = expecting('REFRESH_TOKEN_ROTATED');
  for (const outcome of ['skipped', 'inconclusive'] as const) {
    expect(decideOutcome(scenario, [], new LifecycleAbort('no refresh token to probe', outcome))).toEqual({
      status: 'failed',
      reason: `expected but not seen: REFRESH_TOKEN_ROTATED@info; the lifecycle stopped (${outcome}): no refresh token to probe`,
      seen: [],
    });
  }
});

test('a code softened below its catalog level does not count as detected, and is itself unexpected', () => {
  const scenario = expecting('MANIFEST_NOT_HTTPS');
  // Every loopback target gets the info variant; the fault is about the error one (plain http on a public host).
  const loopback = finding('MANIFEST_NOT_HTTPS', 's', { severity: 'info' });
  expect(decideOutcome(scenario, [loopback], undefined)).toMatchObject({
    status: 'failed',
    reason: 'expected but not seen: MANIFEST_NOT_HTTPS@error (seen only as info); unexpected findings: MANIFEST_NOT_HTTPS@info',
  });
  expect(decideOutcome(scenario, [finding('MANIFEST_NOT_HTTPS', 's', { message: 'public' })], undefined)).toMatchObject({ status: 'passed' });
});

test('a plain code is exactly its catalog severity: a raised or softened one fails the scenario', () => {
  expect(decideOutcome(expecting('REFRESH_OMITS_REFRESH_TOKEN'), [finding('REFRESH_OMITS_REFRESH_TOKEN', 's')], undefined)).toMatchObject({ status: 'passed' });
  expect(decideOutcome(expecting('API_SLOW'), [finding('API_SLOW', 's', { severity: 'error' })], undefined)).toMatchObject({
    status: 'failed',
    reason: 'expected but not seen: API_SLOW@warning (seen only as error); unexpected findings: API_SLOW@error',
  });
  expect(decideOutcome(expecting('API_RATE_LIMITED'), [finding('API_RATE_LIMITED', 's', { severity: 'warning' })], undefined)).toMatchObject({ status: 'failed' });
});

test('CODE@severity names the one severity that passes: API_SLOW at the API timeout is an error, not a warning', () => {
  const scenario = expecting('API_SLOW@error' as FindingCode);
  expect(scenario.simulated?.expected).toEqual(['API_SLOW']);
  expect(decideOutcome(scenario, [finding('API_SLOW', 's', { severity: 'error' })], undefined)).toEqual({ status: 'passed', seen: ['API_SLOW'] });
  expect(decideOutcome(scenario, [finding('API_SLOW', 's')], undefined)).toMatchObject({
    status: 'failed',
    reason: 'expected but not seen: API_SLOW@error (seen only as warning); unexpected findings: API_SLOW@warning',
  });
  // Both levels seen: the extra warning is still unexpected.
  expect(decideOutcome(scenario, [finding('API_SLOW', 's', { severity: 'error' }), finding('API_SLOW', 's')], undefined)).toMatchObject({ status: 'failed', reason: 'unexpected findings: API_SLOW@warning' });
});

test('any finding besides the expected ones fails the scenario: a spurious warning, and an info too', () => {
  const scenario = expecting('API_CALL_FAILED');
  const expected = finding('API_CALL_FAILED', 's');
  expect(decideOutcome(scenario, [expected], undefined)).toMatchObject({ status: 'passed' });
  expect(decideOutcome(scenario, [expected, finding('API_SLOW', 's')], undefined)).toMatchObject({ status: 'failed', reason: 'unexpected findings: API_SLOW@warning' });
  expect(decideOutcome(scenario, [expected, finding('API_RATE_LIMITED', 's')], undefined)).toMatchObject({ status: 'failed', reason: 'unexpected findings: API_RATE_LIMITED@info' });
});

test('expect.allow lets a finding appear without requiring it; CODE@severity there allows that severity only', () => {
  const anyLevel = loading('expect:\n  findings: [API_CALL_FAILED]\n  allow: [MANIFEST_NOT_HTTPS]\n');
  const infoOnly = loading('expect:\n  findings: [API_CALL_FAILED]\n  allow: [MANIFEST_NOT_HTTPS@info]\n');
  const expected = finding('API_CALL_FAILED', 's');
  const loopback = finding('MANIFEST_NOT_HTTPS', 's', { severity: 'info' });
  const publicHttp = finding('MANIFEST_NOT_HTTPS', 's');
  expect(anyLevel.simulated).toMatchObject({ expected: ['API_CALL_FAILED'], allowed: [{ code: 'MANIFEST_NOT_HTTPS' }] });
  for (const s of [anyLevel, infoOnly]) {
    expect(decideOutcome(s, [expected], undefined)).toMatchObject({ status: 'passed' });
    expect(decideOutcome(s, [expected, loopback], undefined)).toMatchObject({ status: 'passed' });
  }
  expect(decideOutcome(anyLevel, [expected, publicHttp], undefined)).toMatchObject({ status: 'passed' });
  expect(decideOutcome(infoOnly, [expected, publicHttp], undefined)).toMatchObject({ status: 'failed', reason: 'unexpected findings: MANIFEST_NOT_HTTPS@error' });
});

test('an unknown code or severity in expect.findings or expect.allow is refused when the file loads', () => {
  for (const bad of ['findings: [API_SLOW@fatal]', 'findings: [NOT_A_CODE]', 'findings: [API_CALL_FAILED]\n  allow: [NOT_A_CODE@info]']) {
    expect(() => loading(`expect:\n  ${bad}\n`)).toThrow(/optionally with "@error", "@warning" or "@info"/);
  }
});
