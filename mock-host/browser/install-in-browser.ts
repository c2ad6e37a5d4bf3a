import type { BrowserContext } from 'playwright';
import type { AuthorizationRequest } from '../engine/authorize-url.ts';
import { completeInstall, parseCallback } from '../engine/install.ts';
import type { HostSession } from '../engine/session.ts';
import { authorizeInBrowser, type AuthorizeOutcome } from './authorize-in-browser.ts';

/**
 * The install as a user does it: authorize in a real browser, then the host handles the callback. In production
 * mode the callback URL is the real host's, so it is caught in the browser; in local mode the mock host's own
 * callback route handles it (`hostCallback` resolves when it has).
 */
export async function installInBrowser(args: {
  session: HostSession;
  context: BrowserContext;
  hostCallback?: (sent: AuthorizationRequest) => Promise<void>;
}): Promise<void> {
  const { session, context } = args;
  const sent = session.beginInstall();
  const hostDone = session.settings.redirect === 'local' && args.hostCallback ? args.hostCallback(sent) : undefined;
  // Settled by the host route; observed here so an abandoned install leaves no unhandled rejection.
  hostDone?.catch(() => undefined);
  const outcome = await authorizeInBrowser({ session, context, sent, intercept: !hostDone });
  if (outcome.kind !== 'callback') return reportAuthorizePageProblem(session, sent, outcome);
  if (hostDone) await hostDone;
  else await completeInstall(session, parseCallback(outcome.url), sent);
}

function reportAuthorizePageProblem(session: HostSession, sent: AuthorizationRequest, outcome: Exclude<AuthorizeOutcome, { kind: 'callback' }>): never {
  if (outcome.kind === 'unreachable') {
    return session.failWith({
      code: 'AUTHORIZE_UNREACHABLE',
      message: `the authorization page did not load: ${outcome.detail}`,
      fix: "Make client_url (the browser authorization page) reachable over HTTPS from users' browsers.",
    }, 'the authorization page did not load');
  }
  if (/redirect[_ ]uri/i.test(outcome.text)) {
    return session.failWith({
      code: 'REDIRECT_URI_REJECTED',
      message: `the authorization page answered ${outcome.status} and names the redirect URI: "${outcome.text.slice(0, 160)}"`,
      fix: `Register exactly ${sent.redirectUri} as a redirect URI of the OAuth client (${session.profile.displayName} uses it verbatim).`,
    }, 'the provider refused the redirect URI');
  }
  return session.failWith({
    code: 'AUTHORIZE_UNREACHABLE',
    message: `the authorization page answered ${outcome.status} without redirecting: "${outcome.text.slice(0, 160)}"`,
    fix: 'Serve the authorization page at client_url for GET requests with the parameters the host sends.',
  }, `the authorization page answered ${outcome.status}`);
}
