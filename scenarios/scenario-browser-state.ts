import type { BrowserContextOptions } from '@playwright/test';
import type { Settings } from '../mock-host/config/settings.ts';

type SavedSignIn = Exclude<BrowserContextOptions['storageState'], undefined | string>;

/**
 * The browser a scenario starts in: the user's PLUGIN_STORAGE_STATE (already logged in, for providers that block
 * automation) always; otherwise, for a returning user (`sign-in: reuse`), the run's saved sign-in for this host;
 * otherwise a fresh browser.
 */
export function scenarioContextOptions(args: { login: Settings['login']; signIn: 'fresh' | 'reuse'; saved: SavedSignIn | undefined }): Pick<BrowserContextOptions, 'storageState'> {
  const storageState = args.login.storageState ?? (args.signIn === 'reuse' ? args.saved : undefined);
  return storageState ? { storageState } : {};
}
