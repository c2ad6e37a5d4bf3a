import { test, expect } from '@playwright/test';
import { EventLog } from '../../../mock-host/events/event-log.ts';
import { scenarioContextOptions, signedInToCallback } from '../../../scenarios/scenario-browser-state.ts';

// The browser each scenario test opens (scenarios/fixtures.ts): PLUGIN_STORAGE_STATE reaches it, whatever else holds.
const saved = { cookies: [], origins: [{ origin: 'http://127.0.0.1:1', localStorage: [{ name: 'signed-in', value: 'yes' }] }] };

test('PLUGIN_STORAGE_STATE is the browser state of every scenario, returning user or fresh sign-in', () => {
  const login = { storageState: '/home/me/state.json' };
  expect(scenarioContextOptions({ login, signIn: 'reuse', saved })).toEqual({ storageState: '/home/me/state.json' });
  expect(scenarioContextOptions({ login, signIn: 'fresh', saved })).toEqual({ storageState: '/home/me/state.json' });
  expect(scenarioContextOptions({ login, signIn: 'fresh', saved: undefined })).toEqual({ storageState: '/home/me/state.json' });
});

test('without it a returning user gets the run\'s saved sign-in, a fresh sign-in an empty browser', () => {
  expect(scenarioContextOptions({ login: {}, signIn: 'reuse', saved })).toEqual({ storageState: saved });
  expect(scenarioContextOptions({ login: {}, signIn: 'fresh', saved })).toEqual({});
  expect(scenarioContextOptions({ login: { username: 'u', password: 'p' }, signIn: 'reuse', saved: undefined })).toEqual({});
});

test('a browser that reached the callback with a code is kept as the sign-in, whatever the token endpoint did next', () => {
  const log = new EventLog(() => 0);
  log.emit({ type: 'discovered', authType: 'oauth', operations: 1 });
  expect(signedInToCallback(log)).toBe(false);
  // Consent denied: the callback carries an error, no code.
  log.emit({ type: 'callback-received', state: 's1', hasCode: false, error: 'access_denied' });
  expect(signedInToCallback(log)).toBe(false);
  // The code came back; no credentials-stored follows (the token answer was unusable): still signed in.
  log.emit({ type: 'callback-received', state: 's2', hasCode: true, error: null });
  expect(signedInToCallback(log)).toBe(true);
});
