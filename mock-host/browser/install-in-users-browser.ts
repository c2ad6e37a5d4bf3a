import type { HostSession } from '../engine/session.ts';
import type { MockHostServer } from '../server/mock-host-server.ts';

/** The user's own browser, as the debugger reaches it: the page that asked for the install is told where to go. */
export interface UserBrowser {
  /** The install is ready: send the browser to `startUrl` (the mock host's start, then the authorization page). */
  open(startUrl: string): void;
  /** The install is over (completed, refused or abandoned): nothing is waiting for the browser any more. */
  closed(): void;
}

/**
 * The install as the user does it by hand: their own browser signs in at the target and comes back to the mock
 * host's own callback route, which checks the callback and exchanges the code exactly as in a run with
 * PLUGIN_REDIRECT=local. The harness sees the browser only where it touches the mock host (the start and the
 * callback): those two hops are recorded; the pages in between are the target's and the user's.
 */
export async function installInUsersBrowser(args: { session: HostSession; mockHost: MockHostServer; browser: UserBrowser }): Promise<void> {
  const { session, mockHost, browser } = args;
  if (session.settings.redirect !== 'local') {
    return session.abort("an install in your own browser needs the mock host's own callback (PLUGIN_REDIRECT=local)", 'inconclusive');
  }
  const sent = await session.beginInstall();
  const expected = mockHost.expectCallback(session, sent, { recordHops: true });
  // A state outlives its TTL after this long: a sign-in abandoned in the browser must not hold the debugger for ever.
  const giveUp = setTimeout(() => mockHost.abandon(expected.startUrl, 'the browser did not come back to the callback before the state expired'), session.profile.flow.authorization.stateTtlSeconds * 1000);
  giveUp.unref();
  try {
    await session.signInTurn?.take();
    browser.open(expected.startUrl);
    await expected.done;
  } finally {
    clearTimeout(giveUp);
    browser.closed();
    await session.signInTurn?.release();
  }
}
