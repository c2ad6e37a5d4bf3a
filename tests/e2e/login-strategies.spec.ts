import { expect } from '@playwright/test';
import type { BrowserContext } from '@playwright/test';
import { join } from 'node:path';
import { startReferencePlugin, type RunningReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { installInBrowser } from '../../mock-host/browser/install-in-browser.ts';
import { defaultSettings, type Settings } from '../../mock-host/config/settings.ts';
import { LifecycleAbort } from '../../mock-host/model/lifecycle-abort.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { referenceSettings } from '../../scenarios/reference-target.ts';
import { test } from '../../scenarios/fixtures.ts';
import { runs as loginScriptRuns } from './fixtures/login-script-own-account.ts';
import { scratchDir } from '../scratch-dir.ts';

let plugin: RunningReferencePlugin;
test.beforeAll(async () => {
  plugin = await startReferencePlugin({});
});
test.afterAll(async () => {
  await plugin.close();
});

async function install(settings: Settings, context: BrowserContext): Promise<HostSession> {
  const session = new HostSession({ scenario: 'login', profile: PROFILES['chatgpt-plugin'], settings, origin: plugin.url });
  await session.discover();
  await installInBrowser({ session, context });
  return session;
}

test('PLUGIN_LOGIN_SCRIPT drives login and consent', async ({ browser }) => {
  // No username or password for the generic login: only the script, which brings its own account, gets through.
  const settings = { ...referenceSettings(defaultSettings(), plugin), login: { script: 'tests/e2e/fixtures/login-script-own-account.ts' } };
  const before = loginScriptRuns.count;
  const context = await browser.newContext();
  try {
    const session = await install(settings, context);
    expect(session.credentials?.accessToken).toBeTruthy();
    expect(session.metrics.signIns).toBe(1);
    expect(loginScriptRuns.count - before).toBe(1);
  } finally {
    await context.close();
  }
});

test('an install gives the test account its sign-in turn back: a second install of the account does not wait', async ({ browser }) => {
  test.setTimeout(20_000);
  const settings = referenceSettings(defaultSettings(), plugin);
  expect(settings.url).toBeTruthy();
  const context = await browser.newContext();
  try {
    for (let i = 0; i < 2; i++) expect((await install(settings, context)).credentials?.accessToken).toBeTruthy();
  } finally {
    await context.close();
  }
});

test("an install that waits for another worker's sign-in turn counts the wait as such, not as browser time", async ({ browser }) => {
  test.setTimeout(20_000);
  const settings = referenceSettings(defaultSettings(), plugin);
  // Another worker authorizing as the same account against the same target holds the turn for a while.
  const rival = new HostSession({ scenario: 'login', profile: PROFILES['chatgpt-plugin'], settings, origin: plugin.url }).signInTurn;
  if (!rival) throw new Error('a session against a target URL has a sign-in turn');
  await rival.take();
  const context = await browser.newContext();
  try {
    const started = performance.now();
    const installing = install(settings, context);
    // The install opens its page, then waits for the turn: hold it a while longer from there.
    await context.waitForEvent('page');
    await new Promise((r) => setTimeout(r, 600));
    await rival.release();
    const session = await installing;
    const totalMs = performance.now() - started;
    expect(session.credentials?.accessToken).toBeTruthy();
    expect(session.metrics.turnWaitMs).toBeGreaterThan(400);
    expect(session.metrics.browserMs + session.metrics.turnWaitMs).toBeLessThanOrEqual(totalMs);
  } finally {
    await rival.release();
    await context.close();
  }
});

test('PLUGIN_STORAGE_STATE: an already logged-in browser only has to consent', async ({ browser }) => {
  const statePath = join(scratchDir('storage'), 'state.json');
  const first = await browser.newContext();
  await install(referenceSettings(defaultSettings(), plugin), first);
  await first.storageState({ path: statePath });
  await first.close();
  // No username or password: only the saved session cookie gets through the login.
  const settings = { ...referenceSettings(defaultSettings(), plugin), login: { storageState: statePath } };
  const context = await browser.newContext({ storageState: statePath });
  try {
    const session = await install(settings, context);
    expect(session.credentials?.accessToken).toBeTruthy();
  } finally {
    await context.close();
  }
});

test('without credentials the login is inconclusive, with a masked screenshot and a hint', async ({ browser }) => {
  const settings = { ...referenceSettings(defaultSettings(), plugin), login: {} };
  const context = await browser.newContext();
  try {
    const error = await install(settings, context).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(LifecycleAbort);
    const abort = error as LifecycleAbort;
    expect(abort.outcome).toBe('inconclusive');
    expect(abort.codes).toEqual(['LOGIN_AUTOMATION_FAILED']);
    expect(abort.attachments[0]?.contentType).toBe('image/png');
    expect(abort.message).toContain('PLUGIN_LOGIN_USERNAME');
  } finally {
    await context.close();
  }
});

test('a wrong password never reaches the callback and is inconclusive, not a plugin failure', async ({ browser }) => {
  const base = referenceSettings(defaultSettings(), plugin);
  const settings = { ...base, login: { username: base.login.username, password: 'not-the-password' } };
  const context = await browser.newContext();
  try {
    const error = await install(settings, context).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect((error as LifecycleAbort).outcome).toBe('inconclusive');
  } finally {
    await context.close();
  }
});
