import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ConfigError } from '../../../mock-host/config/config-error.ts';
import { loadGatePolicy } from '../../../mock-host/gate/gate-policy.ts';
import { baselinePath, loadBaseline } from '../../../mock-host/gate/load-baseline.ts';

function file(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
  const path = join(dir, 'plugin-conformance.baseline.json');
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

function loadError(path: string, scenarios?: string[]): string {
  try {
    loadBaseline(path, scenarios);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

test('a valid baseline loads, with $schema allowed for editors', () => {
  const path = file({ $schema: './baseline.schema.json', accepted: [{ code: 'REFRESH_TOKEN_MISSING', scenario: 'discovery', reason: 'r', expires: '2027-01-31' }] });
  expect(loadBaseline(path, ['discovery']).entries).toEqual([{ code: 'REFRESH_TOKEN_MISSING', scenario: 'discovery', reason: 'r', expires: '2027-01-31' }]);
});

test('bad entries are refused with their place: unknown code, missing reason, bad date, unknown key', () => {
  const message = loadError(
    file({
      accepted: [
        { code: 'NOT_A_CODE', reason: 'r' },
        { code: 'REFRESH_TOKEN_MISSING' },
        { code: 'REFRESH_TOKEN_MISSING', reason: 'r', expires: '31/01/2027' },
        { code: 'REFRESH_TOKEN_MISSING', reason: 'r', until: '2027-01-31' },
      ],
    }),
  );
  expect(message).toContain('unknown finding code');
  expect(message).toContain('accepted[0].code');
  expect(message).toContain('accepted[1].reason');
  expect(message).toContain('expected a date as YYYY-MM-DD');
  expect(message).toContain('until');
});

test('duplicates and unknown scenarios are refused before the run rather than reported as stale after it', () => {
  const message = loadError(
    file({ accepted: [{ code: 'REFRESH_TOKEN_MISSING', reason: 'a' }, { code: 'REFRESH_TOKEN_MISSING', reason: 'b' }, { code: 'API_SLOW', scenario: 'discvery', reason: 'c' }] }),
    ['discovery', 'install-and-use'],
  );
  expect(message).toContain('REFRESH_TOKEN_MISSING is listed twice');
  expect(message).toContain('unknown scenario "discvery"; expected one of discovery, install-and-use');
});

test('a missing or broken file is bad input naming the file', () => {
  expect(loadError('/nonexistent/baseline.json')).toContain('/nonexistent/baseline.json: file not found');
  expect(loadError(file('{ nope'))).toContain('is not valid JSON');
});

test('the default baseline file is used only when present; a configured one must exist', () => {
  const path = file({ accepted: [] });
  const dir = join(path, '..');
  expect(baselinePath(undefined, dir)).toBe(path);
  expect(baselinePath(undefined, tmpdir())).toBeUndefined();
  expect(() => loadGatePolicy({ failOn: 'error', baseline: 'missing.json' }, { startedAt: '2026-11-22T23:59:00Z', cwd: dir })).toThrow(ConfigError);
  expect(loadGatePolicy({ failOn: 'warning' }, { startedAt: '2026-11-22T23:59:00Z', cwd: dir })).toEqual({
    failOn: 'warning',
    today: '2026-11-22',
    baseline: { file: path, entries: [] },
  });
});
