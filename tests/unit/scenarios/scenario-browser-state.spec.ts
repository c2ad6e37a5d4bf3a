import { test, expect } from '@playwright/test';
import { scenarioContextOptions } from '../../../scenarios/scenario-browser-state.ts';

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
