import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ConfigError } from '../../../mock-host/config/config-error.ts';
import { LifecycleAbort } from '../../../mock-host/model/lifecycle-abort.ts';
import { loadScenarioFiles, type ScenarioFile } from '../../../scenarios/scenario-loader.ts';
import { decideOutcome } from '../../../scenarios/scenario-outcome.ts';
import { finding } from '../report/fixtures.ts';

// `expect: {findings: [], none: true}`: a fixed variant whose target must come out clean.

function load(expectYaml: string): ScenarioFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  mkdirSync(join(dir, 'simulated'));
  writeFileSync(join(dir, 'simulated', 's.yaml'), `id: s\ntitle: t\nphase: install\ntarget:\n  reference-plugin: {}\n${expectYaml}steps: [discover]\n`);
  return loadScenarioFiles(dir);
}

function loadError(expectYaml: string): string {
  try {
    load(expectYaml);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

test('"findings: []" with "none: true" loads as a scenario that expects a clean target', () => {
  const [s] = load('expect:\n  findings: []\n  none: true\n');
  expect(s?.simulated).toMatchObject({ expected: [], expectsClean: true });
});

test('a list of codes still loads as before, not expecting a clean target', () => {
  const [s] = load('expect:\n  findings: [TOKEN_NO_EXPIRY]\n');
  expect(s?.simulated).toMatchObject({ expected: ['TOKEN_NO_EXPIRY'], expectations: [{ code: 'TOKEN_NO_EXPIRY', severity: 'warning' }], allowed: [], expectsClean: false });
});

test('an empty list without "none: true", and codes with it, are refused', () => {
  for (const bad of ['expect:\n  findings: []\n', 'expect:\n  findings: [TOKEN_NO_EXPIRY]\n  none: true\n']) {
    expect(loadError(bad)).toMatch(/s\.yaml:\d+: expect\.findings: list at least one expected finding code, or write "findings: \[\]" with "none: true"/);
  }
  expect(loadError('expect:\n  findings: []\n  none: false\n')).toContain('expect.none');
});

test.describe('the outcome of a scenario that expects a clean target', () => {
  const [clean] = load('expect:\n  findings: []\n  none: true\n');
  const [fixed] = load('expect:\n  findings: [TOKEN_NO_EXPIRY]\n');
  if (!clean || !fixed) throw new Error('scenarios did not load');

  const [allowing] = load('expect:\n  findings: []\n  allow: [MANIFEST_NOT_HTTPS@info]\n  none: true\n');
  if (!allowing) throw new Error('scenario did not load');

  test('an info finding fails it, unless the file allows it', () => {
    const infos = [finding('MANIFEST_NOT_HTTPS', 's', { severity: 'info' })];
    expect(decideOutcome(clean, infos, undefined)).toMatchObject({ status: 'failed', reason: 'unexpected findings: MANIFEST_NOT_HTTPS@info' });
    expect(decideOutcome(allowing, infos, undefined)).toEqual({ status: 'passed', seen: ['MANIFEST_NOT_HTTPS'] });
    expect(decideOutcome(allowing, [...infos, finding('REFRESH_OMITS_REFRESH_TOKEN', 's')], undefined)).toMatchObject({ status: 'failed', reason: 'unexpected findings: REFRESH_OMITS_REFRESH_TOKEN@info' });
  });

  test('a warning fails it, and fails a scenario with expected codes too', () => {
    const warning = [finding('PROVIDER_KEYCLOAK_SESSION_BOUND', 's')];
    expect(decideOutcome(clean, warning, undefined)).toMatchObject({ status: 'failed', reason: 'unexpected findings: PROVIDER_KEYCLOAK_SESSION_BOUND@warning' });
    expect(decideOutcome(fixed, [finding('TOKEN_NO_EXPIRY', 's'), ...warning], undefined)).toMatchObject({ status: 'failed', reason: 'unexpected findings: PROVIDER_KEYCLOAK_SESSION_BOUND@warning' });
  });

  test('an error fails it', () => {
    expect(decideOutcome(clean, [finding('PROVIDER_GOOGLE_OFFLINE_ACCESS', 's')], undefined)).toMatchObject({ status: 'failed', reason: 'unexpected findings: PROVIDER_GOOGLE_OFFLINE_ACCESS@error' });
  });

  test('a lifecycle that stopped fails it even without findings', () => {
    expect(decideOutcome(clean, [], new LifecycleAbort('the refresh failed', 'failed'))).toMatchObject({ status: 'failed', reason: 'expected a clean run, but the lifecycle stopped: the refresh failed' });
  });

  test('so does a stop the harness could not get past', () => {
    expect(decideOutcome(clean, [], new LifecycleAbort('needs a login', 'inconclusive'))).toMatchObject({ status: 'failed', reason: 'expected a clean run, but the lifecycle stopped: needs a login' });
  });
});
