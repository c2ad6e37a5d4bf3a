import type { BrowserContext, Page, Request } from 'playwright';
import type { AuthorizationRequest } from '../engine/authorize-url.ts';
import { completeInstall, parseCallback } from '../engine/install.ts';
import type { HostSession } from '../engine/session.ts';
import { genericLogin, loadLoginScript, LoginStuck, type LoginContext } from './login-strategy.ts';

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

/**
 * The install as a user does it: open the authorization URL in a real browser, get through login and consent, and
 * let the host handle the callback. In production mode the callback URL is the real host's, so it is caught in the
 * browser (and never leaves the machine); in local mode the mock host's own callback route handles it.
 */
export async function installInBrowser(args: {
  session: HostSession;
  context: BrowserContext;
  /** Local mode: resolves once the mock host's callback route has completed the install. */
  hostCallback?: (sent: AuthorizationRequest) => Promise<void>;
}): Promise<void> {
  const { session, context } = args;
  const sent = session.beginInstall();
  const production = session.settings.redirect === 'production';
  const callbackOrigin = new URL(sent.redirectUri).origin;
  if (production) {
    await context.route(`${callbackOrigin}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>plugin-conformance</title><p>Callback received by the mock host.</p>' }),
    );
  }
  const watcher = watchForCallback(context, sent.redirectUri);
  const hostDone = !production && args.hostCallback ? args.hostCallback(sent) : undefined;
  const page = await context.newPage();
  const timeout = session.profile.timeouts.browserNavigationMs;
  page.setDefaultTimeout(timeout);
  try {
    await openAuthorizationPage(session, page, sent, watcher.reached);
    const { login } = session.settings;
    const ctx: LoginContext = {
      ...(login.username ? { username: login.username } : {}),
      ...(login.password ? { password: login.password } : {}),
      authorizationUrl: sent.url,
      redirectUri: sent.redirectUri,
      callbackReached: watcher.reached,
    };
    if (!watcher.reached()) {
      try {
        if (login.script) await (await loadLoginScript(login.script))(page, ctx);
        else await genericLogin(page, ctx, timeout);
        await Promise.race([watcher.url, page.waitForTimeout(timeout)]);
        if (!watcher.reached()) throw new LoginStuck('the login script finished but the browser never reached the callback', page.url());
      } catch (err) {
        if (watcher.reached()) {
          // Navigating to a blocked callback host makes Playwright throw after the callback was already seen.
        } else {
          return await loginFailed(session, page, err);
        }
      }
    }
    if (hostDone) await hostDone;
    else await completeInstall(session, parseCallback(await watcher.url), sent);
  } finally {
    watcher.dispose();
    if (production) await context.unroute(`${callbackOrigin}/**`).catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

async function openAuthorizationPage(session: HostSession, page: Page, sent: AuthorizationRequest, reached: () => boolean): Promise<void> {
  let response;
  try {
    response = await page.goto(sent.url, { waitUntil: 'domcontentloaded' });
  } catch (err) {
    if (reached()) return;
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    session.findings.add({
      code: 'AUTHORIZE_UNREACHABLE',
      message: `the authorization page did not load: ${detail}`,
      fix: "Make client_url (the browser authorization page) reachable over HTTPS from users' browsers.",
    });
    session.abort('the authorization page did not load', 'failed', ['AUTHORIZE_UNREACHABLE']);
  }
  if (reached() || !response || response.status() < 400) return;
  const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 4000);
  if (/redirect[_ ]uri/i.test(text)) {
    session.findings.add({
      code: 'REDIRECT_URI_REJECTED',
      message: `the authorization page answered ${response.status()} and names the redirect URI: "${text.replace(/\s+/g, ' ').slice(0, 160)}"`,
      fix: `Register exactly ${sent.redirectUri} as a redirect URI of the OAuth client (${session.profile.displayName} uses it verbatim).`,
    });
    session.abort('the provider refused the redirect URI', 'failed', ['REDIRECT_URI_REJECTED']);
  }
  session.findings.add({
    code: 'AUTHORIZE_UNREACHABLE',
    message: `the authorization page answered ${response.status()} without redirecting: "${text.replace(/\s+/g, ' ').slice(0, 160)}"`,
    fix: 'Serve the authorization page at client_url for GET requests with the parameters the host sends.',
  });
  session.abort(`the authorization page answered ${response.status()}`, 'failed', ['AUTHORIZE_UNREACHABLE']);
}

async function loginFailed(session: HostSession, page: Page, err: unknown): Promise<never> {
  const reason = err instanceof LoginStuck ? err.message : err instanceof Error ? err.message.split('\n')[0] : String(err);
  session.findings.add({
    code: 'LOGIN_AUTOMATION_FAILED',
    message: `the harness could not get through login and consent at ${safeUrl(page.url())}: ${reason}`,
    fix: 'Not a plugin fault. Set PLUGIN_LOGIN_USERNAME and PLUGIN_LOGIN_PASSWORD for a test account, or PLUGIN_LOGIN_SCRIPT (a module that logs in), or PLUGIN_STORAGE_STATE (a saved logged-in browser state) for providers that block automation.',
  });
  const screenshot = await page.screenshot({ mask: [page.locator('input[type="password"]')], timeout: 5_000 }).catch(() => undefined);
  return session.abort(`login automation failed: ${reason}`, 'inconclusive', ['LOGIN_AUTOMATION_FAILED'], screenshot ? [{ name: 'stuck login page', contentType: 'image/png', body: screenshot }] : []);
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'an unknown page';
  }
}
