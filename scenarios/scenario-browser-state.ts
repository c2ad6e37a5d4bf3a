import type { Browser, BrowserContext, BrowserContextOptions } from '@playwright/test';
import type { Settings } from '../mock-host/config/settings.ts';
import type { HostSession } from '../mock-host/engine/session.ts';

export type SavedSignIn = Exclude<BrowserContextOptions['storageState'], undefined | string>;

/**
 * The browser a scenario starts in: the user's PLUGIN_STORAGE_STATE (already logged in, for providers that block
 * automation) always; otherwise, for a returning user (`sign-in: reuse`), the run's saved sign-in for this host;
 * otherwise a fresh browser.
 */
export function scenarioContextOptions(args: { login: Settings['login']; signIn: 'fresh' | 'reuse'; saved: SavedSignIn | undefined }): Pick<BrowserContextOptions, 'storageState'> {
  const storageState = args.login.storageState ?? (args.signIn === 'reuse' ? args.saved : undefined);
  return storageState ? { storageState } : {};
}

/**
 * A scenario's browser, opened as scenarioContextOptions says. `close` keeps its state as the host's sign-in for the
 * later returning users of `signIns` when none is kept yet and this browser got through login and consent to the
 * host's callback with a code (its session's `codeCallbacks`), by an install or a probe, whatever
 * the token endpoint did next. A target whose token answers fail every scenario still has a working login, and
 * signing in afresh for each scenario would only make its run slower.
 */
export async function openScenarioContext(
  browser: Pick<Browser, 'newContext'>,
  args: { login: Settings['login']; signIn: 'fresh' | 'reuse'; signIns: Map<string, SavedSignIn> | undefined; host: string },
): Promise<{ context: BrowserContext; close: (metrics: Pick<HostSession['metrics'], 'codeCallbacks'>) => Promise<void> }> {
  const { signIns, host } = args;
  const context = await browser.newContext(scenarioContextOptions({ login: args.login, signIn: args.signIn, saved: signIns?.get(host) }));
  return {
    context,
    close: async (metrics) => {
      try {
        if (signIns && !signIns.has(host) && metrics.codeCallbacks > 0) signIns.set(host, await context.storageState());
      } finally {
        await context.close();
      }
    },
  };
}
