import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';

/** What a login script gets besides the page (PLUGIN_LOGIN_SCRIPT: `export default async (page, ctx) => {}`). */
export interface LoginContext {
  username?: string;
  password?: string;
  authorizationUrl: string;
  redirectUri: string;
  /** True once the browser has been sent to the host's callback: the script may stop. */
  callbackReached: () => boolean;
  /** Called when the strategy submits the test account's password: a sign-in from scratch (counted per run). */
  onSignIn?: () => void;
  /** Called before each press of a sign-in or allow button (the generic login's rounds). */
  onRound?: () => void;
  /**
   * `deny` (the consent-deny probe): sign in as usual, then press the consent page's deny button instead of allow.
   * A login script that honours it calls `onDeny` as it presses deny.
   */
  consent?: 'allow' | 'deny';
  /** Called when the strategy presses a deny, reject or cancel button. */
  onDeny?: () => void;
}

export type LoginScript = (page: Page, ctx: LoginContext) => Promise<void>;

export class LoginStuck extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'LoginStuck';
  }
}

const USERNAME_FIELDS = [
  'input[type="email"]',
  'input[autocomplete="username"]',
  'input[name*="user" i]',
  'input[name*="email" i]',
  'input[name*="login" i]',
  'input[id*="user" i]',
  'input[id*="email" i]',
  'input[type="text"]',
];
const PROCEED_BUTTON = /^\s*(allow|authori[sz]e|approve|accept|agree|continue|sign[ -]?in|log[ -]?in|submit|next|grant|yes|consent|confirm)\b/i;
const DENY_BUTTON = /^\s*(deny|reject|decline|cancel|don['’]?t allow|do not allow|no,? thanks)\b/i;
const MAX_PAGES = 8;

async function firstVisible(page: Page, selectors: readonly string[]): Promise<Locator | undefined> {
  for (const selector of selectors) {
    const candidates = page.locator(`${selector}:visible`);
    if ((await candidates.count()) > 0) return candidates.first();
  }
  return undefined;
}

async function denyButton(page: Page): Promise<Locator | undefined> {
  const byRole = page.getByRole('button', { name: DENY_BUTTON });
  if ((await byRole.count()) > 0) return byRole.first();
  const links = page.getByRole('link', { name: DENY_BUTTON });
  return (await links.count()) > 0 ? links.first() : undefined;
}

async function proceedButton(page: Page): Promise<Locator | undefined> {
  const byRole = page.getByRole('button', { name: PROCEED_BUTTON });
  if ((await byRole.count()) > 0) return byRole.first();
  const links = page.getByRole('link', { name: PROCEED_BUTTON });
  if ((await links.count()) > 0) return links.first();
  return firstVisible(page, ['input[type="submit"]', 'button[type="submit"]']);
}

/**
 * The generic strategy: on each page, fill a username/email and a password field when present, then press the
 * button that moves on (allow, authorize, sign in…), until the browser reaches the callback. It never presses
 * "deny" or "cancel": PROCEED_BUTTON only matches words that go forward. With `consent: 'deny'`, a page with
 * no login field and with a deny/reject/cancel button gets that button pressed instead (the consent page).
 */
export async function genericLogin(page: Page, ctx: LoginContext, navigationTimeoutMs: number): Promise<void> {
  // A button that leads nowhere would otherwise cost a navigation timeout on each of MAX_PAGES rounds (8 × 30 s,
  // past any test timeout). One round without a navigation is allowed (a two-step form can swap its fields in
  // place); a second in a row ends the login.
  let roundsWithoutNavigation = 0;
  for (let i = 0; i < MAX_PAGES && !ctx.callbackReached(); i++) {
    await page.waitForLoadState('domcontentloaded').catch(() => undefined);
    if (ctx.callbackReached()) return;
    const password = await firstVisible(page, ['input[type="password"]']);
    if (password) {
      if (!ctx.username || !ctx.password) {
        throw new LoginStuck('the page asks for a login but PLUGIN_LOGIN_USERNAME/PLUGIN_LOGIN_PASSWORD are not set', page.url());
      }
      const user = await firstVisible(page, USERNAME_FIELDS);
      if (user) await user.fill(ctx.username);
      await password.fill(ctx.password);
      ctx.onSignIn?.();
    }
    // A page with a login field is no consent page, even with a Cancel button (the first step of a two-step login).
    const deny = ctx.consent === 'deny' && !password && !(await firstVisible(page, USERNAME_FIELDS)) ? await denyButton(page) : undefined;
    if (deny) ctx.onDeny?.();
    const button = deny ?? (await proceedButton(page));
    if (!button) throw new LoginStuck('found no button to sign in or allow access', page.url());
    const navigated = page.waitForEvent('framenavigated', { timeout: navigationTimeoutMs }).catch(() => undefined);
    ctx.onRound?.();
    await button.click({ timeout: navigationTimeoutMs });
    // After Deny nothing more is pressed: whatever the server does next (a redirect, a page) is its answer.
    if (deny) {
      await navigated;
      return;
    }
    roundsWithoutNavigation = (await navigated) || ctx.callbackReached() ? 0 : roundsWithoutNavigation + 1;
    if (roundsWithoutNavigation >= 2) throw new LoginStuck('pressing the sign-in or allow button twice led nowhere (no navigation)', page.url());
  }
  if (!ctx.callbackReached()) throw new LoginStuck(`still not redirected to the host after ${MAX_PAGES} pages`, page.url());
}

export async function loadLoginScript(path: string): Promise<LoginScript> {
  const mod: unknown = await import(pathToFileURL(resolve(path)).href);
  const fn = mod && typeof mod === 'object' && 'default' in mod ? mod.default : undefined;
  if (typeof fn !== 'function') throw new LoginStuck(`${path} must export a default async function (page, ctx)`, '');
  return fn as LoginScript;
}
