import { test, expect } from '@playwright/test';
import { openScenarioContext, scenarioContextOptions, type SavedSignIn } from '../../../scenarios/scenario-browser-state.ts';

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

/** A browser whose contexts hand out `state` and note what they were opened with and whether they were closed. */
function fakeBrowser(state: () => Promise<SavedSignIn>) {
  const opened: { options: unknown; closed: boolean }[] = [];
  return {
    opened,
    newContext: async (options: unknown) => {
      const entry = { options, closed: false };
      opened.push(entry);
      return { storageState: state, close: async () => void (entry.closed = true) } as never;
    },
  };
}

test('the first browser that reaches the callback is kept for the later returning users of its host, and only it', async () => {
  const browser = fakeBrowser(async () => saved);
  const signIns = new Map<string, SavedSignIn>();
  const args = { login: {}, signIns, host: 'chatgpt-app' } as const;

  const stuck = await openScenarioContext(browser, { ...args, signIn: 'reuse' });
  await stuck.close({ codeCallbacks: 0 });
  expect(signIns.size).toBe(0);
  const first = await openScenarioContext(browser, { ...args, signIn: 'fresh' });
  await first.close({ codeCallbacks: 1 });
  expect(signIns.get('chatgpt-app')).toBe(saved);
  const later = await openScenarioContext(browser, { ...args, signIn: 'reuse' });
  await later.close({ codeCallbacks: 1 });
  expect(browser.opened.map((o) => o.options)).toEqual([{}, {}, { storageState: saved }]);
  expect(browser.opened.every((o) => o.closed)).toBe(true);
});

test('a browser whose state cannot be read is still closed', async () => {
  const browser = fakeBrowser(async () => Promise.reject(new Error('Target closed')));
  const scenario = await openScenarioContext(browser, { login: {}, signIn: 'reuse', signIns: new Map(), host: 'chatgpt-plugin' });
  await expect(scenario.close({ codeCallbacks: 1 })).rejects.toThrow('Target closed');
  expect(browser.opened[0]?.closed).toBe(true);
});
