import type { AuthorizationRequest } from '../authorize-url.ts';
import { parseCallback, type CallbackParams } from '../install.ts';
import type { HostSession } from '../session.ts';

/** Where a browser authorization ended; the engine does not know about browsers, the caller supplies one. */
export type AuthorizeOutcome = { kind: 'callback'; url: string } | { kind: 'refused'; status: number; text: string } | { kind: 'unreachable'; detail: string };
export type Authorize = (sent: AuthorizationRequest) => Promise<AuthorizeOutcome>;

/** A fresh authorization (own state, own code) for a probe that will spend or misuse the code. */
export async function freshAuthorization(session: HostSession, authorize: Authorize): Promise<{ sent: AuthorizationRequest; callback: CallbackParams & { code: string } }> {
  const sent = session.beginInstall();
  const outcome = await authorize(sent);
  if (outcome.kind !== 'callback') {
    return session.abort(`the authorization for this probe did not reach the callback (${outcome.kind === 'refused' ? `HTTP ${outcome.status}` : outcome.detail}); see install-and-use`, 'inconclusive');
  }
  const callback = parseCallback(outcome.url);
  session.secrets.add(callback.code, 'code');
  if (!callback.code) return session.abort('the authorization for this probe returned no code; see install-and-use', 'inconclusive');
  return { sent, callback: { ...callback, code: callback.code } };
}
