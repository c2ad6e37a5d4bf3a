import { test, expect } from '@playwright/test';
import { EventLog } from '../../../mock-host/events/event-log.ts';
import { openScenarioContext, scenarioContextOptions, signedInToCallback, type SavedSignIn } from '../../../scenarios/scenario-browser-state.ts';

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
  const reached = new EventLog(() => 0);
  reached.emit({ type: 'callback-received', state: 's', hasCode: true, error: null });
  const args = { login: {}, signIns, host: 'chatgpt-app' } as const;

  const stuck = await openScenarioContext(browser, { ...args, signIn: 'reuse' });
  await stuck.close(new EventLog(() => 0));
  expect(signIns.size).toBe(0);
  const first = await openScenarioContext(browser, { ...args, signIn: 'fresh' });
  await first.close(reached);
  expect(signIns.get('chatgpt-app')).toBe(saved);
  const later = await openScenarioContext(browser, { ...args, signIn: 'reuse' });
  await later.close(reached);
  expect(browser.opened.map((o) => o.options)).toEqual([{}, {}, { storageState: saved }]);
  expect(browser.opened.every((o) => o.closed)).toBe(true);
});

test('a browser whose state cannot be read is still closed', async () => {
  const browser = fakeBrowser(async () => Promise.reject(new Error('Target closed')));
  const reached = new EventLog(() => 0);
  reached.emit({ type: 'callback-received', state: 's', hasCode: true, error: null });
  const scenario = await openScenarioContext(browser, { login: {}, signIn: 'reuse', signIns: new Map(), host: 'chatgpt-plugin' });
  await expect(scenario.close(reached)).rejects.toThrow('Target closed');
  expect(browser.opened[0]?.closed).toBe(true);
});
