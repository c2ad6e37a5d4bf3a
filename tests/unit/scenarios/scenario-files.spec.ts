import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ConfigError } from '../../../mock-host/config/config-error.ts';
import { loadScenarioFiles, scenarioIds } from '../../../scenarios/scenario-loader.ts';
import { scenarioJsonSchema } from '../../../scenarios/scenario-schema.ts';

function scenarioDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  mkdirSync(join(dir, 'simulated'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function loadError(files: Record<string, string>): string {
  try {
    loadScenarioFiles(scenarioDir(files));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

test('the bundled scenario files load, six conformance scenarios among them', () => {
  const ids = loadScenarioFiles().map((s) => s.id);
  for (const id of ['discovery', 'install-and-use', 'expired-token-refresh', 'absent-refresh-token', 'token-response-shape', 'invalid-token']) expect(ids).toContain(id);
});

test('the ids read off the file names are the ids the loaded files carry, in the same order', () => {
  expect(scenarioIds()).toEqual(loadScenarioFiles().map((s) => s.id));
});

test('the ids of a folder come from its file names without parsing them, so a run that loads one kind still knows every id', () => {
  const dir = scenarioDir({ 'install-and-use.yaml': 'not: [valid' });
  mkdirSync(join(dir, 'hostile'));
  writeFileSync(join(dir, 'simulated', 'no-refresh.yaml'), ': broken');
  writeFileSync(join(dir, 'hostile', 'api-slow-drip.yaml'), '');
  expect(scenarioIds(dir)).toEqual(['install-and-use', 'simulated/no-refresh', 'hostile/api-slow-drip']);
});

test('the published JSON schema is up to date', () => {
  const published: unknown = JSON.parse(readFileSync(new URL('../../../scenarios/scenario.schema.json', import.meta.url), 'utf8'));
  expect(published).toEqual(scenarioJsonSchema());
});

test('an unknown step names the file, the line and the allowed steps', () => {
  const message = loadError({ 'x.yaml': 'id: x\ntitle: t\nphase: install\nsteps:\n  - discover\n  - fly\n' });
  expect(message).toMatch(/x\.yaml:6: steps\.1: expected a step: one of discover, install/);
});

test('broken YAML is reported with its line', () => {
  expect(loadError({ 'x.yaml': 'id: x\ntitle: [unclosed\nsteps: []\n' })).toMatch(/x\.yaml:\d+: not valid YAML/);
});

test('an id that differs from the file name is refused', () => {
  expect(loadError({ 'x.yaml': 'id: y\ntitle: t\nphase: install\nsteps: [discover]\n' })).toContain('must equal the file name "x"');
});

test('an unknown finding code in expect is refused', () => {
  const message = loadError({
    'simulated/s.yaml': 'id: s\ntitle: t\nphase: install\ntarget:\n  reference-plugin: {}\nexpect:\n  findings: [NOT_A_CODE]\nsteps: [discover]\n',
  });
  expect(message).toContain('expect.findings.0');
});

test('an unknown fault of the reference plugin is refused at load time', () => {
  const message = loadError({
    'simulated/s.yaml': 'id: s\ntitle: t\nphase: install\ntarget:\n  reference-plugin:\n    faults: [no-such-fault]\nexpect:\n  findings: [TOKEN_FIELDS_NONSTANDARD]\nsteps: [discover]\n',
  });
  expect(message).toMatch(/s\.yaml:5: invalid reference-plugin target/);
});

test('a simulated scenario without a target, and a conformance one with one, are refused', () => {
  expect(loadError({ 'simulated/s.yaml': 'id: s\ntitle: t\nphase: install\nsteps: [discover]\n' })).toContain('needs "target" and "expect"');
  expect(loadError({ 'c.yaml': 'id: c\ntitle: t\nphase: install\ntarget:\n  reference-plugin: {}\nexpect:\n  findings: [TOKEN_FIELDS_NONSTANDARD]\nsteps: [discover]\n' })).toContain(
    'belong in scenarios/simulated/',
  );
});

test('a YAML alias bomb is refused without hanging', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
  expect(loadError({ 'x.yaml': `${bomb}\nid: x\n` })).toMatch(/x\.yaml/);
});
