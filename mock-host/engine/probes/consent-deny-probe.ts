import { checkConsentDenyHonoured } from '../../checks/authorization/consent-deny.ts';
import { parseCallback } from '../../oauth/callback.ts';
import type { HostSession } from '../session.ts';
import type { Authorize } from './authorize-port.ts';

/**
 * RFC 6749 §4.1.2.1: the harness signs in, then presses the consent page's deny button; the callback must carry
 * error=access_denied and no code. Without a deny button (no consent page, or consent remembered) it skips.
 */
export async function probeConsentDeny(session: HostSession, authorizeDenying: Authorize): Promise<string> {
  const sent = await session.beginInstall();
  const outcome = await authorizeDenying(sent);
  if (outcome.kind === 'unreachable' && outcome.deniedConsent) {
    // Deny led to a page of the server's own instead of the callback: no code went anywhere.
    session.consumeState(sent.state);
    session.findings.run(checkConsentDenyHonoured, { codeSent: false, ...(outcome.exchangeId ? { exchangeId: outcome.exchangeId } : {}) });
    return `Deny was honoured: no redirect to the host (${outcome.detail})`;
  }
  if (outcome.kind !== 'callback') {
    return session.abort(`the authorization for this probe did not reach the callback (${outcome.kind === 'refused' ? `HTTP ${outcome.status}` : outcome.detail}); see install-and-use`, 'inconclusive');
  }
  const callback = parseCallback(outcome.url);
  for (const code of callback.codes) session.secrets.add(code, 'code');
  session.consumeState(sent.state);
  if (!outcome.deniedConsent) {
    const reason = 'the sign-in found no deny, reject or cancel button on any page (no consent page, consent already remembered, or a login script that does not press deny)';
    session.findings.skip(checkConsentDenyHonoured, reason);
    return session.abort(reason, 'skipped');
  }
  session.findings.run(checkConsentDenyHonoured, { codeSent: !!callback.code, error: callback.error, ...(outcome.exchangeId ? { exchangeId: outcome.exchangeId } : {}) });
  return callback.code ? 'a code came back after Deny' : `Deny was honoured (error=${callback.error ?? 'none'})`;
}
