import { expect, test } from '@playwright/test';
import { ConsoleDigest } from '../../../mock-host/report/console-digest.ts';
import { targetFailure } from '../../../mock-host/report/target-failure.ts';
import { finding, scenario } from './fixtures.ts';

// Issue 10 item 6: the console shows each finding once with its fix, no harness frame for a target's failure, and an
// inconclusive scenario as inconclusive.
const missing = finding('REFRESH_TOKEN_MISSING', 'absent-refresh-token', { fix: 'Return a refresh_token.', profile: 'chatgpt-plugin' });
const failed = (id: string) => scenario(id, { status: 'failed', reason: '1 error finding', findings: [{ ...missing, scenario: id }] });
const test1 = (id: string, over: Partial<Parameters<ConsoleDigest['lines']>[0]> = {}) => ({
  title: `chatgpt-plugin › ${id}: title`,
  project: 'conformance',
  status: 'failed' as const,
  durationMs: 1200,
  scenario: failed(id),
  errors: ['Error: absent-refresh-token failed\n    at runScenarioTest (scenarios/fixtures.ts:145:11)'],
  ...over,
});

test('a finding several scenarios see is shown in full once, with its fix; later scenarios point at it', () => {
  const digest = new ConsoleDigest();
  const first = digest.lines(test1('absent-refresh-token')).join('\n');
  const second = digest.lines(test1('expired-token-refresh')).join('\n');
  const all = `${first}\n${second}`;
  expect(all.match(/fix: {2}Return a refresh_token\./g)).toHaveLength(1);
  expect(second).toContain('[error] REFRESH_TOKEN_MISSING: again, as shown above under absent-refresh-token');
});

test("a target's failure shows its reason and findings, never the harness's stack", () => {
  const lines = new ConsoleDigest().lines(test1('absent-refresh-token')).join('\n');
  expect(lines).toContain('✘ [conformance] chatgpt-plugin › absent-refresh-token: title (1.2s): failed: 1 error finding');
  expect(lines).not.toContain('fixtures.ts');
  expect(lines).not.toMatch(/^\s+at /m);
});

test("the harness's own failure (no scenario result) keeps its stack", () => {
  const { scenario: _none, ...selfTest } = test1('x', { project: 'self-tests' });
  const lines = new ConsoleDigest().lines(selfTest).join('\n');
  expect(lines).toContain('at runScenarioTest (scenarios/fixtures.ts:145:11)');
});

test('an inconclusive scenario is shown and counted as inconclusive, not skipped', () => {
  const digest = new ConsoleDigest();
  const inconclusive = scenario('redirect-uri-validation', { status: 'inconclusive', reason: 'the correct exchange failed too' });
  const line = digest.lines(test1('redirect-uri-validation', { status: 'skipped', scenario: inconclusive, skipReason: 'inconclusive: the correct exchange failed too' })).join('\n');
  expect(line).toContain('? [conformance] chatgpt-plugin › redirect-uri-validation: title (1.2s): inconclusive: the correct exchange failed too');
  // One that crashed before handing over its result still says so from Playwright's skip reason.
  digest.lines({ title: 'other', status: 'skipped', durationMs: 5, skipReason: 'inconclusive: no code', errors: [] });
  const totals = digest.totals(2000).join('\n');
  expect(totals).toContain('2 inconclusive');
  expect(totals).not.toContain('skipped');
});

test("targetFailure has no stack frames: no report shows a harness line for a target's failure", () => {
  const err = targetFailure('absent-refresh-token failed: REFRESH_TOKEN_MISSING');
  expect(err.stack).toBe('Error: absent-refresh-token failed: REFRESH_TOKEN_MISSING');
});
