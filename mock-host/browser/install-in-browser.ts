import type { BrowserContext } from '@playwright/test';
import { checkAuthorizePageLoads } from '../checks/authorization/authorize-page.ts';
import type { AuthorizationRequest } from '../model/authorization.ts';
import { parseCallback } from '../oauth/callback.ts';
import { completeInstall } from '../engine/install.ts';
import type { HostSession } from '../engine/session.ts';
import { authorizeInBrowser } from './authorize-in-browser.ts';
import type { ExpectedCallback } from '../server/mock-host-server.ts';

interface InstallArgs {
  session: HostSession;
  context: BrowserContext;
  hostCallback?: (sent: AuthorizationRequest) => ExpectedCallback;
  /** Gives up on an expected callback that did not come. */
  abandon?: (startUrl: string) => void;
}

/**
 * The install as a user does it: authorize in a real browser, then the host handles the callback. In production
 * mode the callback URL is the real host's, so it is caught in the browser; in local mode the mock host's own
 * callback route handles it (`hostCallback` resolves when it has).
 */
export async function installInBrowser(args: InstallArgs): Promise<void> {
  try {
    await authorizeAndExchange(args);
  } finally {
    // The code is spent (or the install is over): the next authorization of this test account may begin.
    await args.session.signInTurn?.release();
  }
}

async function authorizeAndExchange(args: InstallArgs): Promise<void> {
  const { session, context } = args;
  const sent = await session.beginInstall();
  const host = session.settings.redirect === 'local' && args.hostCallback ? args.hostCallback(sent) : undefined;
  // Settled by the host route; observed here so an abandoned install leaves no unhandled rejection.
  host?.done.catch(() => undefined);
  const outcome = await authorizeInBrowser({ session, context, sent, intercept: !host, ...(host ? { startUrl: host.startUrl } : {}) }).finally(() => {
    if (host) setTimeout(() => args.abandon?.(host.startUrl), session.profile.timeouts.browserNavigationMs).unref();
  });
  if (outcome.kind !== 'callback') {
    const client = await session.client();
    const failed = session.findings.run(checkAuthorizePageLoads, {
      ...(client.source === 'cimd' ? { cimdClientId: client.clientId } : {}),
      failure: outcome,
      redirectUri: sent.redirectUri,
      hostName: session.profile.displayName,
      ...(outcome.exchangeId ? { exchangeId: outcome.exchangeId } : {}),
    });
    return session.abort(outcome.kind === 'unreachable' ? 'the authorization page did not load' : `the authorization page answered ${outcome.status}`, 'failed', failed.map((d) => d.code));
  }
  // The route completes the install; a callback it never completes is abandoned (above) instead of waited on for ever.
  if (host) await host.done;
  else await completeInstall(session, parseCallback(outcome.url), sent, outcome.exchangeId, { diagnose: true });
}
