import { test, expect } from '@playwright/test';
import { defaultSettings } from '../../../mock-host/config/settings.ts';
import { secondAccount } from '../../../mock-host/engine/probes/second-user-probe.ts';
import { HostSession } from '../../../mock-host/engine/session.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import { settingsRuleOut } from '../../../mock-host/steps/run-step.ts';
import { runScenario } from '../../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../../scenarios/scenario-loader.ts';

// Nothing listens on port 9: a step that ran would record an exchange (refused), so none recorded proves none ran.
const ORIGIN = 'http://127.0.0.1:9/mcp';
const first = { username: 'demo@example.com', password: 'pw1' };

test('the second test account: missing, the same as the first, the first unnamed, or both accounts', () => {
  expect(secondAccount({ login: first, secondLogin: {} })).toEqual({ missing: expect.stringContaining('no second test account') });
  expect(secondAccount({ login: first, secondLogin: { username: 'second@example.com' } })).toEqual({ missing: expect.stringContaining('no second test account') });
  expect(secondAccount({ login: first, secondLogin: { username: 'Demo@Example.com', password: 'pw2' } })).toEqual({ missing: expect.stringContaining('is the same account') });
  expect(secondAccount({ login: {}, secondLogin: { username: 'second@example.com', password: 'pw2' } })).toEqual({ missing: expect.stringContaining('has no PLUGIN_LOGIN_USERNAME') });
  expect(secondAccount({ login: first, secondLogin: { username: 'second@example.com', password: 'pw2' } })).toEqual({
    username1: 'demo@example.com',
    login: { username: 'second@example.com', password: 'pw2' },
  });
});

test('settings rule out only steps that need what they lack, and only for the hosts the probe is about', () => {
  const without = new HostSession({ scenario: 'unit', profile: PROFILES['chatgpt-app'], settings: defaultSettings({ url: ORIGIN, login: first, secondLogin: {} }), origin: ORIGIN });
  const withSecond = new HostSession({
    scenario: 'unit',
    profile: PROFILES['chatgpt-app'],
    settings: defaultSettings({ url: ORIGIN, login: first, secondLogin: { username: 'second@example.com', password: 'pw2' } }),
    origin: ORIGIN,
  });
  const legacy = new HostSession({ scenario: 'unit', profile: PROFILES['chatgpt-plugin'], settings: defaultSettings({ url: ORIGIN, login: first, secondLogin: {} }), origin: ORIGIN });
  const steps = [{ action: 'discover' as const }, { action: 'install' as const }, { action: 'probe-rs-second-user' as const }];
  expect(settingsRuleOut(steps, without)).toContain('no second test account');
  expect(settingsRuleOut(steps, withSecond)).toBeUndefined();
  expect(settingsRuleOut(steps.slice(0, 2), without)).toBeUndefined();
  // A legacy host's probe skips for its own reason (not an MCP server), in the step.
  expect(settingsRuleOut(steps, legacy)).toBeUndefined();
});

test('mcp-user-separation without a second account is skipped before it discovers or installs anything', async () => {
  const scenario = loadScenarioFiles().find((s) => s.id === 'mcp-user-separation');
  if (!scenario) throw new Error('scenario mcp-user-separation is missing');
  const session = new HostSession({ scenario: scenario.id, profile: PROFILES['claude-connector'], settings: defaultSettings({ url: ORIGIN, login: first, secondLogin: {} }), origin: ORIGIN });
  const steps: string[] = [];
  try {
    const result = await runScenario({ scenario, session, reporting: { step: (title, body) => (steps.push(title), body()), attach: async () => undefined } });
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('no second test account: set PLUGIN_LOGIN_USERNAME_2');
    expect(steps).toEqual([]);
    expect(session.recorder.exchanges()).toEqual([]);
    expect(result.timing).toMatchObject({ browserMs: 0, signIns: 0 });
  } finally {
    await session.dispose();
  }
});
