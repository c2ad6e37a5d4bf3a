import type { AuthorizationRequest, CallbackParams } from '../../model/authorization.ts';
import { parseCallback } from '../../oauth/callback.ts';
import type { HostSession } from '../session.ts';

/** Where a browser authorization ended; the engine does not know about browsers, the caller supplies one. */
export type AuthorizeOutcome =
  | { kind: 'callback'; url: string; exchangeId?: string; /** The login pressed the consent page's deny button. */ deniedConsent?: boolean }
  | { kind: 'refused'; status: number; text: string; exchangeId?: string }
  | { kind: 'unreachable'; detail: string; exchangeId?: string; deniedConsent?: boolean };
export type Authorize = (sent: AuthorizationRequest) => Promise<AuthorizeOutcome>;

/** A fresh authorization (own state, own code) for a probe that will spend or misuse the code. */
export async function freshAuthorization(session: HostSession, authorize: Authorize): Promise<{ sent: AuthorizationRequest; callback: CallbackParams & { code: string }; exchangeId?: string }> {
  const sent = await session.beginInstall();
  const outcome = await authorize(sent);
  if (outcome.kind !== 'callback') {
    return session.abort(`the authorization for this probe did not reach the callback (${outcome.kind === 'refused' ? `HTTP ${outcome.status}` : outcome.detail}); see install-and-use`, 'inconclusive');
  }
  const callback = parseCallback(outcome.url);
  for (const code of callback.codes) session.secrets.add(code, 'code');
  if (!callback.code) return session.abort('the authorization for this probe returned no code; see install-and-use', 'inconclusive');
  return { sent, callback: { ...callback, code: callback.code }, ...(outcome.exchangeId ? { exchangeId: outcome.exchangeId } : {}) };
}
