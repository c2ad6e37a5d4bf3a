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
const MAX_PAGES = 8;

async function firstVisible(page: Page, selectors: readonly string[]): Promise<Locator | undefined> {
  for (const selector of selectors) {
    const candidates = page.locator(`${selector}:visible`);
    if ((await candidates.count()) > 0) return candidates.first();
  }
  return undefined;
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
 * "deny" or "cancel": PROCEED_BUTTON only matches words that go forward.
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
    const button = await proceedButton(page);
    if (!button) throw new LoginStuck('found no button to sign in or allow access', page.url());
    const navigated = page.waitForEvent('framenavigated', { timeout: navigationTimeoutMs }).catch(() => undefined);
    ctx.onRound?.();
    await button.click({ timeout: navigationTimeoutMs });
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
