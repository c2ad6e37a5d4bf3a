import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { BEHAVIOUR_NAMES } from '../../../examples/hostile-plugin/behaviours/index.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import { loadScenarioFiles } from '../../../scenarios/scenario-loader.ts';

const hostile = loadScenarioFiles().filter((s) => s.id.startsWith('hostile/'));

test('every hostile behaviour has exactly one scenario in scenarios/hostile/, named after it, and the README lists it', () => {
  expect(hostile.map((s) => s.id.slice('hostile/'.length)).sort()).toEqual([...BEHAVIOUR_NAMES].sort());
  expect(BEHAVIOUR_NAMES.length).toBeGreaterThanOrEqual(25);
  const readme = readFileSync(new URL('../../../examples/hostile-plugin/README.md', import.meta.url), 'utf8');
  for (const name of BEHAVIOUR_NAMES) expect(readme).toContain(`| \`${name}\` |`);
});

test('hostile scenarios are simulated ones: each expects its findings and any time bound it sets only tightens the profile', () => {
  for (const s of hostile) {
    expect(s.kind, s.id).toBe('simulated');
    expect(s.simulated?.targetKind, s.id).toBe('hostile-plugin');
    const host = s.simulated?.host;
    const timeouts = PROFILES[host?.profile ?? 'chatgpt-plugin'].timeouts;
    for (const [own, bound] of [
      [host?.discoveryTimeoutMs, timeouts.discoveryMs],
      [host?.tokenTimeoutMs, timeouts.tokenMs],
      [host?.apiTimeoutMs, timeouts.apiMs],
      [host?.browserNavigationTimeoutMs, timeouts.browserNavigationMs],
    ] as const) {
      if (own !== undefined) expect(own, s.id).toBeLessThanOrEqual(bound);
    }
  }
});
