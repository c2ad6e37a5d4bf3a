import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { LifecycleAbort } from '../../../mock-host/model/lifecycle-abort.ts';
import type { FindingCode } from '../../../mock-host/findings/catalog.ts';
import { loadScenarioFiles, type ScenarioFile } from '../../../scenarios/scenario-loader.ts';
import { decideOutcome } from '../../../scenarios/scenario-outcome.ts';
import { finding } from '../report/fixtures.ts';

// How a simulated scenario's outcome is decided beyond "expected seen, no unexpected error".

function expecting(...codes: FindingCode[]): ScenarioFile {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  mkdirSync(join(dir, 'simulated'));
  writeFileSync(join(dir, 'simulated', 's.yaml'), `id: s\ntitle: t\nphase: install\ntarget:\n  reference-plugin: {}\nexpect:\n  findings: [${codes.join(', ')}]\nsteps: [discover]\n`);
  const [s] = loadScenarioFiles(dir);
  if (!s) throw new Error('scenario did not load');
  return s;
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
      reason: `expected but not seen: REFRESH_TOKEN_ROTATED; the lifecycle stopped (${outcome}): no refresh token to probe`,
      seen: [],
    });
  }
});

test('a code softened below its catalog level does not count as detected', () => {
  const scenario = expecting('MANIFEST_NOT_HTTPS');
  // Every loopback target gets the info variant; the fault is about the error one (plain http on a public host).
  const loopback = finding('MANIFEST_NOT_HTTPS', 's', { severity: 'info' });
  expect(decideOutcome(scenario, [loopback], undefined)).toMatchObject({ status: 'failed', reason: 'expected but not seen: MANIFEST_NOT_HTTPS (only below its error level)' });
  expect(decideOutcome(scenario, [loopback, finding('MANIFEST_NOT_HTTPS', 's', { message: 'public' })], undefined)).toMatchObject({ status: 'passed' });
});

test('codes whose catalog level is info, or that a profile raises, count at any level they appear', () => {
  expect(decideOutcome(expecting('REFRESH_OMITS_REFRESH_TOKEN'), [finding('REFRESH_OMITS_REFRESH_TOKEN', 's')], undefined)).toMatchObject({ status: 'passed' });
  expect(decideOutcome(expecting('OPENAPI_NO_SECURITY'), [finding('OPENAPI_NO_SECURITY', 's', { severity: 'error' })], undefined)).toMatchObject({ status: 'passed' });
  expect(decideOutcome(expecting('API_SLOW'), [finding('API_SLOW', 's', { severity: 'error' })], undefined)).toMatchObject({ status: 'passed' });
});
