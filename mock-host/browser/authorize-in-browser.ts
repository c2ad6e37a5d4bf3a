import type { BrowserContext, Page, Request } from 'playwright';
import type { AuthorizationRequest } from '../engine/authorize-url.ts';
import type { AuthorizeOutcome } from '../engine/probes/authorize-port.ts';
import type { HostSession } from '../engine/session.ts';
import { genericLogin, loadLoginScript, LoginStuck, type LoginContext } from './login-strategy.ts';

export type { AuthorizeOutcome };


/** Waits for the browser to be sent to the redirect URI, whichever way it gets there (link, form, 302 hop). */
function watchForCallback(context: BrowserContext, redirectUri: string): { reached: () => boolean; url: Promise<string>; dispose: () => void } {
  let reached = false;
  let resolveUrl!: (url: string) => void;
  const url = new Promise<string>((r) => (resolveUrl = r));
  // A server's 302 to the callback never reaches route(); the request event still fires for it.
  const onRequest = (request: Request): void => {
    if (!reached && request.isNavigationRequest() && request.url().startsWith(redirectUri)) {
      reached = true;
      resolveUrl(request.url());
    }
  };
  context.on('request', onRequest);
  return { reached: () => reached, url, dispose: () => context.off('request', onRequest) };
}

const CAUGHT_PAGE = '<!doctype html><title>plugin-conformance</title><p>Callback received by the mock host.</p>';

/**
 * Opens the authorization URL in a real browser and gets through login and consent (generic strategy or the
 * user's login script) until the browser is sent to `sent.redirectUri`. With `intercept`, that navigation is
 * answered inside the browser and never leaves the machine; without it, it reaches the mock host's own route.
 */
export async function authorizeInBrowser(args: { session: HostSession; context: BrowserContext; sent: AuthorizationRequest; intercept: boolean }): Promise<AuthorizeOutcome> {
  const { session, context, sent, intercept } = args;
  const callbackPattern = `${new URL(sent.redirectUri).origin}/**`;
  const fulfil = (route: { fulfill: (r: { status: number; contentType: string; body: string }) => Promise<void> }) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: CAUGHT_PAGE });
  if (intercept) await context.route(callbackPattern, fulfil);
  const watcher = watchForCallback(context, sent.redirectUri);
  const page = await context.newPage();
  const timeout = session.profile.timeouts.browserNavigationMs;
  page.setDefaultTimeout(timeout);
  try {
    const opened = await openPage(page, sent.url, watcher.reached);
    if (opened) return opened;
    if (!watcher.reached()) await logIn(session, page, sent, watcher);
    return { kind: 'callback', url: await watcher.url };
  } finally {
    watcher.dispose();
    // The page goes first: closing it cancels a navigation still waiting on a server that never answers, and
    // unroute() waits for every intercepted request in flight, so the other order hangs on such a server.
    await page.close().catch(() => undefined);
    if (intercept) await context.unroute(callbackPattern, fulfil).catch(() => undefined);
  }
}

/** Loads the authorization page; returns an outcome only when it refused or failed before any login. */
async function openPage(page: Page, url: string, reached: () => boolean): Promise<AuthorizeOutcome | undefined> {
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  } catch (err) {
    if (reached()) return undefined;
    return { kind: 'unreachable', detail: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err) };
  }
  if (reached() || !response || response.status() < 400) return undefined;
  const text = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 400);
  return { kind: 'refused', status: response.status(), text };
}

async function logIn(session: HostSession, page: Page, sent: AuthorizationRequest, watcher: ReturnType<typeof watchForCallback>): Promise<void> {
  const { login } = session.settings;
  const timeout = session.profile.timeouts.browserNavigationMs;
  const ctx: LoginContext = {
    ...(login.username ? { username: login.username } : {}),
    ...(login.password ? { password: login.password } : {}),
    authorizationUrl: sent.url,
    redirectUri: sent.redirectUri,
    callbackReached: watcher.reached,
  };
  try {
    if (login.script) await (await loadLoginScript(login.script))(page, ctx);
    else await genericLogin(page, ctx, timeout);
    await Promise.race([watcher.url, page.waitForTimeout(timeout)]);
    if (!watcher.reached()) throw new LoginStuck('the login finished but the browser never reached the callback', page.url());
  } catch (err) {
    // Navigating to an intercepted or unresolvable callback host can make Playwright throw after the callback was seen.
    if (watcher.reached()) return;
    await loginFailed(session, page, err);
  }
}

async function loginFailed(session: HostSession, page: Page, err: unknown): Promise<never> {
  const reason = err instanceof LoginStuck ? err.message : err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
  session.findings.add({
    code: 'LOGIN_AUTOMATION_FAILED',
    message: `the harness could not get through login and consent at ${pageWithoutQuery(page.url())}: ${reason}`,
    fix: 'Not a plugin fault. Set PLUGIN_LOGIN_USERNAME and PLUGIN_LOGIN_PASSWORD for a test account, or PLUGIN_LOGIN_SCRIPT (a module that logs in), or PLUGIN_STORAGE_STATE (a saved logged-in browser state) for providers that block automation.',
  });
  const screenshot = await page.screenshot({ mask: [page.locator('input[type="password"]')], timeout: 5_000 }).catch(() => undefined);
  return session.abort(
    `login automation failed: ${reason}`,
    'inconclusive',
    ['LOGIN_AUTOMATION_FAILED'],
    screenshot ? [{ name: 'stuck login page (passwords masked)', contentType: 'image/png', body: screenshot }] : [],
  );
}

function pageWithoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'an unknown page';
  }
}
