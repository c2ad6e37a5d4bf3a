import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ConfigError } from '../../../mock-host/config/config-error.ts';
import { defaultSettings } from '../../../mock-host/config/settings.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import { withTightenedTimeouts } from '../../../mock-host/profiles/tightened-timeouts.ts';
import { loadScenarioFiles, type ScenarioFile } from '../../../scenarios/scenario-loader.ts';
import { simulatedHostProfile, simulatedHostSettings } from '../../../scenarios/simulated-host.ts';

// `host:` of a simulated scenario: the profile its expectations hold for, and time bounds shrunk for a self-test.

function load(files: Record<string, string>): ScenarioFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  mkdirSync(join(dir, 'simulated'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return loadScenarioFiles(dir);
}

const simulatedWith = (host: string) =>
  `id: s\ntitle: t\nphase: install\n${host}target:\n  reference-plugin:\n    faults: [drop-state]\nexpect:\n  findings: [STATE_NOT_RETURNED]\nsteps: [discover]\n`;

function loadError(files: Record<string, string>): string {
  try {
    load(files);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

test('without host: the chatgpt-plugin profile, whatever PLUGIN_PROFILE says', () => {
  const [s] = load({ 'simulated/s.yaml': simulatedWith('') });
  expect(s?.simulated?.host).toEqual({ profile: 'chatgpt-plugin' });
  expect(s?.simulated?.simulates).toBe('drop-state');
  const settings = simulatedHostSettings(defaultSettings({ profiles: ['gpt-action'] }), { profile: 'chatgpt-plugin' });
  expect(settings.profiles).toEqual(['chatgpt-plugin']);
});

test('a gpt-action host with its token exchange method and a tightened slow-API bound', () => {
  const [s] = load({ 'simulated/s.yaml': simulatedWith('host:\n  profile: gpt-action\n  token-exchange-method: basic_auth_header\n  slow-api-warning-ms: 800\n') });
  const host = s?.simulated?.host;
  expect(host).toEqual({ profile: 'gpt-action', tokenExchangeMethod: 'basic_auth_header', slowApiWarningMs: 800 });
  expect(s?.simulated?.simulates).toBe('drop-state; host: gpt-action, token exchange basic_auth_header, slow-API bound 800 ms');
  if (!host) throw new Error('no host');
  const base = defaultSettings({ action: { openapiUrl: 'https://mine.example/openapi.yaml', tokenExchangeMethod: 'default_post' } });
  // The target supplies the action's URLs: none of the harness's own settings leak into a simulated run.
  expect(simulatedHostSettings(base, host).action).toEqual({ tokenExchangeMethod: 'basic_auth_header' });
  const profile = simulatedHostProfile(host);
  expect(profile.id).toBe('gpt-action');
  expect(profile.timeouts).toEqual({ ...PROFILES['gpt-action'].timeouts, slowApiWarningMs: 800 });
  expect(PROFILES['gpt-action'].timeouts.slowApiWarningMs).toBe(10_000);
});

test('time bounds can only be tightened, and only actions have a token exchange method', () => {
  expect(loadError({ 'simulated/s.yaml': simulatedWith('host:\n  api-timeout-ms: 60000\n') })).toContain("host.api-timeout-ms: 60000 ms is above the chatgpt-plugin profile's 45000 ms");
  expect(loadError({ 'simulated/s.yaml': simulatedWith('host:\n  token-exchange-method: basic_auth_header\n') })).toContain('only GPT Actions have a token exchange method');
  expect(() => withTightenedTimeouts(PROFILES['chatgpt-plugin'], { slowApiWarningMs: 20_000 })).toThrow(RangeError);
  expect(() => withTightenedTimeouts(PROFILES['chatgpt-plugin'], { apiMs: 500 })).toThrow(/slowApiWarningMs 10000 ms is above apiMs 500 ms/);
});

test('a conformance scenario cannot choose the host', () => {
  const conformance = 'id: c\ntitle: t\nphase: install\nhost:\n  profile: gpt-action\nsteps: [discover]\n';
  expect(loadError({ 'c.yaml': conformance })).toContain('"host" belong in scenarios/simulated/');
});
