import type { BrowserContext, Page, Request, Response } from '@playwright/test';
import { checkLoginAutomated } from '../checks/authorization/login.ts';
import type { AuthorizationRequest } from '../model/authorization.ts';
import type { AuthorizeOutcome } from '../engine/probes/authorize-port.ts';
import type { HostSession } from '../engine/session.ts';
import { genericLogin, loadLoginScript, LoginStuck, type LoginContext } from './login-strategy.ts';

export type { AuthorizeOutcome };

interface CallbackWatch {
  reached: () => boolean;
  url: Promise<string>;
  /** The recorded hop of the callback navigation. */
  exchangeId: () => string | undefined;
  /** The last recorded hop: where a stuck login ended. */
  lastHop: () => string | undefined;
  dispose: () => void;
}

/**
 * Records every main-frame navigation of the browser as an exchange (the authorization page, each redirect hop, the
 * login and consent pages, the callback), and waits for the browser to be sent to the redirect URI, whichever way it
 * gets there (link, form, 302 hop, script).
 */
function watchNavigation(session: HostSession, context: BrowserContext, redirectUri: string, purpose: string): CallbackWatch {
  let reached = false;
  let callbackId: string | undefined;
  let lastId: string | undefined;
  let resolveUrl!: (url: string) => void;
  const url = new Promise<string>((r) => (resolveUrl = r));
  const isMainNavigation = (request: Request): boolean => {
    try {
      return request.isNavigationRequest() && request.frame().parentFrame() === null;
    } catch {
      // A request of a page that is already closing has no frame to ask.
      return false;
    }
  };
  const record = (request: Request, seen: { status?: number; location?: string; error?: string; what: string }): string => {
    lastId = session.recorder.recordBrowserHop({
      method: request.method(),
      url: request.url(),
      ...(seen.status !== undefined ? { status: seen.status } : {}),
      ...(seen.location ? { location: seen.location } : {}),
      ...(seen.error ? { error: seen.error } : {}),
      label: `browser (${purpose}): ${seen.what}`,
      phase: 'install',
    });
    return lastId;
  };
  // A server's 302 to the callback never reaches route(); the request event still fires for it.
  const onRequest = (request: Request): void => {
    if (reached || !isMainNavigation(request) || !request.url().startsWith(redirectUri)) return;
    reached = true;
    const codes = new URL(request.url()).searchParams.getAll('code');
    for (const code of codes) session.secrets.add(code, 'code');
    if (codes.length) session.metrics.codeCallbacks++;
    callbackId = record(request, { what: 'sent to the callback' });
    resolveUrl(request.url());
  };
  const onResponse = (response: Response): void => {
    const request = response.request();
    if (!isMainNavigation(request) || request.url().startsWith(redirectUri)) return;
    const status = response.status();
    record(request, { status, location: response.headers().location, what: status >= 300 && status < 400 ? `redirect ${status}` : `page ${status}` });
  };
  const onFailed = (request: Request): void => {
    if (!isMainNavigation(request) || request.url().startsWith(redirectUri)) return;
    record(request, { error: request.failure()?.errorText ?? 'failed', what: 'navigation failed' });
  };
  context.on('request', onRequest);
  context.on('response', onResponse);
  context.on('requestfailed', onFailed);
  return {
    reached: () => reached,
    url,
    exchangeId: () => callbackId,
    lastHop: () => lastId,
    dispose: () => {
      context.off('request', onRequest);
      context.off('response', onResponse);
      context.off('requestfailed', onFailed);
    },
  };
}

const CAUGHT_PAGE = '<!doctype html><title>plugin-conformance</title><p>Callback received by the mock host.</p>';

/**
 * Opens the authorization URL in a real browser and gets through login and consent (generic strategy or the
 * user's login script) until the browser is sent to `sent.redirectUri`. With `intercept`, that navigation is
 * answered inside the browser and never leaves the machine; without it, it reaches the mock host's own route.
 */
export async function authorizeInBrowser(args: {
  session: HostSession;
  context: BrowserContext;
  sent: AuthorizationRequest;
  intercept: boolean;
  /** Where the browser starts (the mock host's install start, which redirects to the authorization request). */
  startUrl?: string;
  purpose?: string;
  /** `deny`: press the consent page's deny button (the consent-deny probe). */
  consent?: 'allow' | 'deny';
  /**
   * A probe whose request the server should refuse: a login that gets stuck (an error page without buttons) is then
   * the refusal, not LOGIN_AUTOMATION_FAILED. The same holds once Deny was pressed.
   */
  expectRefusal?: boolean;
}): Promise<AuthorizeOutcome> {
  const { session, context, sent, intercept } = args;
  const callbackPattern = `${new URL(sent.redirectUri).origin}/**`;
  const fulfil = (route: { fulfill: (r: { status: number; contentType: string; body: string }) => Promise<void> }) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: CAUGHT_PAGE });
  if (intercept) await context.route(callbackPattern, fulfil);
  const started = performance.now();
  const signInsBefore = session.metrics.signIns;
  const watcher = watchNavigation(session, context, sent.redirectUri, args.purpose ?? 'install');
  const page = await context.newPage();
  const timeout = session.profile.timeouts.browserNavigationMs;
  page.setDefaultTimeout(timeout);
  let waitedMs = 0;
  try {
    // The page is ready before the account's sign-in turn is taken: the turn covers the authorization alone.
    const waitedFrom = performance.now();
    await session.signInTurn?.take();
    waitedMs = performance.now() - waitedFrom;
    const opened = await openPage(page, args.startUrl ?? sent.url, watcher);
    if (opened) return opened;
    let deniedConsent = false;
    if (!watcher.reached()) {
      const onDeny = args.consent === 'deny' ? () => (deniedConsent = true) : undefined;
      const stuck = await logIn(session, page, sent, watcher, { ...(onDeny ? { onDeny } : {}), tolerateStuck: () => !!args.expectRefusal || deniedConsent });
      if (stuck) return { ...stuck, ...(args.consent === 'deny' ? { deniedConsent } : {}) };
    }
    const url = await watcher.url;
    const exchangeId = watcher.exchangeId();
    return { kind: 'callback', url, ...(exchangeId ? { exchangeId } : {}), ...(args.consent === 'deny' ? { deniedConsent } : {}) };
  } finally {
    // A callback the host's own route answers must reach it: closing the page at the callback's request event (a
    // login script may return right then) can cancel it before it leaves the browser, and the install would wait for
    // a callback that never comes. The route completes the install before it answers; its page is waited for.
    if (!intercept && watcher.reached()) await page.waitForURL((u) => u.href.startsWith(sent.redirectUri), { waitUntil: 'domcontentloaded', timeout }).catch(() => undefined);
    watcher.dispose();
    // The page goes first: closing it cancels a navigation still waiting on a server that never answers, and
    // unroute() waits for every intercepted request in flight, so the other order hangs on such a server.
    await page.close().catch(() => undefined);
    if (intercept) await context.unroute(callbackPattern, fulfil).catch(() => undefined);
    const ms = performance.now() - started - waitedMs;
    session.metrics.browserMs += ms;
    session.metrics.turnWaitMs += waitedMs;
    if (session.metrics.signIns > signInsBefore) session.metrics.fastestSignInMs = Math.min(ms, session.metrics.fastestSignInMs ?? ms);
  }
}

/** Loads the authorization page; returns an outcome only when it refused or failed before any login. */
async function openPage(page: Page, url: string, watcher: CallbackWatch): Promise<AuthorizeOutcome | undefined> {
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  } catch (err) {
    if (watcher.reached()) return undefined;
    const lastHop = watcher.lastHop();
    return { kind: 'unreachable', detail: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err), ...(lastHop ? { exchangeId: lastHop } : {}) };
  }
  if (watcher.reached() || !response || response.status() < 400) return undefined;
  const text = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 400);
  const lastHop = watcher.lastHop();
  return { kind: 'refused', status: response.status(), text, ...(lastHop ? { exchangeId: lastHop } : {}) };
}

/** Gets through login and consent; a stuck login the caller tolerates comes back as an outcome instead of a finding. */
async function logIn(
  session: HostSession,
  page: Page,
  sent: AuthorizationRequest,
  watcher: CallbackWatch,
  options: { onDeny?: () => void; tolerateStuck: () => boolean },
): Promise<Extract<AuthorizeOutcome, { kind: 'unreachable' }> | undefined> {
  const { onDeny } = options;
  const { login } = session.settings;
  const timeout = session.profile.timeouts.browserNavigationMs;
  const ctx: LoginContext = {
    ...(login.username ? { username: login.username } : {}),
    ...(login.password ? { password: login.password } : {}),
    authorizationUrl: sent.url,
    redirectUri: sent.redirectUri,
    callbackReached: watcher.reached,
    onSignIn: () => {
      session.metrics.signIns++;
      session.emit({ type: 'signed-in' });
    },
    onRound: () => {
      session.metrics.loginRounds++;
    },
    ...(onDeny ? { consent: 'deny' as const, onDeny } : {}),
  };
  try {
    if (login.script) await (await loadLoginScript(login.script))(page, ctx);
    else await genericLogin(page, ctx, timeout);
    await Promise.race([watcher.url, page.waitForTimeout(timeout)]);
    if (!watcher.reached()) throw new LoginStuck('the login finished but the browser never reached the callback', page.url());
  } catch (err) {
    // Navigating to an intercepted or unresolvable callback host can make Playwright throw after the callback was seen.
    if (watcher.reached()) return undefined;
    if (options.tolerateStuck()) {
      const lastHop = watcher.lastHop();
      const reason = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
      return { kind: 'unreachable', detail: `the browser stopped at ${pageWithoutQuery(page.url())}: ${reason}`, ...(lastHop ? { exchangeId: lastHop } : {}) };
    }
    return loginFailed(session, page, err, watcher.lastHop());
  }
}

async function loginFailed(session: HostSession, page: Page, err: unknown, lastHop: string | undefined): Promise<never> {
  const reason = err instanceof LoginStuck ? err.message : err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
  session.findings.run(checkLoginAutomated, { stuckAt: pageWithoutQuery(page.url()), reason, ...(lastHop ? { exchangeId: lastHop } : {}) });
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
