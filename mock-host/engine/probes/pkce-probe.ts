import { randomBytes } from 'node:crypto';
import { checkPkceEnforced, type PkceProbe } from '../../checks/authorization/pkce-enforced.ts';
import { parseCallback } from '../../oauth/callback.ts';
import { newCodeVerifier } from '../../oauth/pkce.ts';
import type { HostSession } from '../session.ts';
import { requestTokens } from '../token-grants.ts';
import { freshAuthorization, type Authorize } from './authorize-port.ts';

/** An authorization request with the host's PKCE parameters changed; whether a code came back for it. */
async function authorizeWithout(session: HostSession, authorize: Authorize, kind: 'no-challenge' | 'plain-challenge'): Promise<PkceProbe> {
  const plain = randomBytes(32).toString('base64url');
  const parameters = kind === 'no-challenge' ? { code_challenge: null, code_challenge_method: null } : { code_challenge: plain, code_challenge_method: 'plain' };
  const sent = await session.beginInstall({ parameters });
  const outcome = await authorize(sent);
  if (outcome.kind !== 'callback') return { kind, codeIssued: false, ...(outcome.exchangeId ? { exchangeId: outcome.exchangeId } : {}) };
  const callback = parseCallback(outcome.url);
  for (const code of callback.codes) session.secrets.add(code, 'code');
  session.consumeState(sent.state);
  return { kind, codeIssued: !!callback.code, ...(outcome.exchangeId ? { exchangeId: outcome.exchangeId } : {}) };
}

/**
 * RFC 7636 §4.4, §4.6 and OAuth 2.1: an authorization request without code_challenge, then one with
 * code_challenge_method=plain, must get no code; a code issued for an S256 challenge must not be exchanged with a
 * wrong or a missing code_verifier. A refused exchange proves the rule only if the correct one then works.
 */
export async function probePkce(session: HostSession, authorize: Authorize, authorizeExpectingRefusal: Authorize): Promise<string> {
  if (session.profile.flow.authorization.pkce === 'none') {
    session.findings.skip(checkPkceEnforced, `${session.profile.displayName} sends no PKCE`);
    return session.abort(`${session.profile.displayName} sends no PKCE: nothing to probe`, 'skipped');
  }
  // A server may refuse these with an error page of its own: that is a refusal, not a stuck login.
  const probes: PkceProbe[] = [await authorizeWithout(session, authorizeExpectingRefusal, 'no-challenge'), await authorizeWithout(session, authorizeExpectingRefusal, 'plain-challenge')];
  const { sent, callback } = await freshAuthorization(session, authorize);
  const fields = { grant: 'authorization_code' as const, code: callback.code, redirectUri: sent.redirectUri, ...(sent.resource ? { resource: sent.resource } : {}) };
  const wrongVerifier = newCodeVerifier();
  session.secrets.add(wrongVerifier, 'code_verifier');
  const wrong = await requestTokens(session, { ...fields, codeVerifier: wrongVerifier }, 'probe', { label: 'probe: exchange with a wrong code_verifier' });
  probes.push({ kind: 'wrong-verifier', issued: !!wrong.tokens, exchangeId: wrong.outcome.exchangeId, curl: wrong.curl });
  let note = 'the exchange with a wrong code_verifier was accepted';
  if (!wrong.tokens) {
    const missing = await requestTokens(session, fields, 'probe', { label: 'probe: exchange without code_verifier' });
    probes.push({ kind: 'missing-verifier', issued: !!missing.tokens, exchangeId: missing.outcome.exchangeId, curl: missing.curl });
    note = missing.tokens ? 'the exchange without code_verifier was accepted' : 'a wrong and a missing code_verifier were refused';
    if (!missing.tokens) {
      const control = await requestTokens(session, { ...fields, ...(sent.codeVerifier ? { codeVerifier: sent.codeVerifier } : {}) }, 'probe', { label: 'probe control: the same code with its code_verifier' });
      if (!control.tokens) {
        session.findings.run(checkPkceEnforced, { probes });
        return session.abort(`${note}, but the correct exchange of the same code failed too (${control.failure ?? 'no token'}): the refusals prove nothing; see install-and-use`, 'inconclusive');
      }
      note += '; the same code then worked with its code_verifier';
    }
  }
  const found = session.findings.run(checkPkceEnforced, { probes });
  const authorizeNotes = probes.filter((p) => p.kind === 'no-challenge' || p.kind === 'plain-challenge').map((p) => `${p.kind}: ${'codeIssued' in p && p.codeIssued ? 'code issued' : 'refused'}`);
  return `${authorizeNotes.join(', ')}; ${note}${found.length ? '' : ' (PKCE enforced)'}`;
}
