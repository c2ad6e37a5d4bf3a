import { test, expect } from '@playwright/test';
import { defaultSettings } from '../../../mock-host/config/settings.ts';
import { HostSession } from '../../../mock-host/engine/session.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import { runStep } from '../../../mock-host/steps/run-step.ts';

const ORIGIN = 'http://127.0.0.1:9/mcp';

test("advance-clock moves the host's clock and a simulated target's by the same seconds (idle limits run out on both)", async () => {
  const moved: number[] = [];
  const session = new HostSession({ scenario: 'unit', profile: PROFILES['claude-code'], settings: defaultSettings({ url: ORIGIN }), origin: ORIGIN, targetClock: { advance: (s) => moved.push(s) } });
  const before = session.now();
  expect(await runStep({ action: 'advance-clock', seconds: 2400 }, { session })).toBe('clock advanced 2400 s');
  // The virtual clock also runs with real time.
  expect(session.now() - before).toBeGreaterThanOrEqual(2_400_000);
  expect(session.now() - before).toBeLessThan(2_460_000);
  expect(moved).toEqual([2400]);
});

test('advance-clock against a target without a clock moves only the host', async () => {
  const session = new HostSession({ scenario: 'unit', profile: PROFILES['claude-code'], settings: defaultSettings({ url: ORIGIN }), origin: ORIGIN });
  const before = session.now();
  await runStep({ action: 'advance-clock', seconds: 60 }, { session });
  expect(session.now() - before).toBeGreaterThanOrEqual(60_000);
  expect(session.now() - before).toBeLessThan(120_000);
});
