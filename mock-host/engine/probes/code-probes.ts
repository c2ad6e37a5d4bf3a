import { randomBytes } from 'node:crypto';
import { citeExchange } from '../../findings/evidence.ts';
import type { AuthorizationRequest } from '../authorize-url.ts';
import { completeInstall, parseCallback } from '../install.ts';
import type { HostSession } from '../session.ts';
import { freshAuthorization, type Authorize } from './authorize-port.ts';
import { probeGrant } from './probe-grant.ts';

/** RFC 6749 §4.1.2: a code is single-use. Installs normally, then replays the spent code. */
export async function probeCodeReuse(session: HostSession, authorize: Authorize): Promise<string> {
  const { sent, callback } = await freshAuthorization(session, authorize);
  await completeInstall(session, callback, sent);
  const replay = await probeGrant(session, { grant: 'authorization_code', code: callback.code, redirectUri: sent.redirectUri }, { label: 'probe: exchange the same code again' });
  if (!replay.tokens) return `the replayed code was refused (${replay.failure ?? 'no token'})`;
  session.findings.add({
    code: 'CODE_REUSE_ACCEPTED',
    message: 'the authorization code was exchanged successfully a second time',
    fix: 'Mark codes used at the first exchange and refuse them afterwards; on a replay, also revoke the tokens issued for that code (RFC 6749 §4.1.2).',
    ...citeExchange(session.recorder, replay.outcome.exchangeId),
  });
  return 'the replayed code was accepted';
}

/** RFC 6749 §3.2.1: a confidential client must authenticate. Exchanges a fresh code with a wrong secret. */
export async function probeWrongClientSecret(session: HostSession, authorize: Authorize): Promise<string> {
  const { sent, callback } = await freshAuthorization(session, authorize);
  const wrong = `wrong-${randomBytes(12).toString('hex')}`;
  session.secrets.add(wrong, 'client_secret');
  const r = await probeGrant(
    session,
    { grant: 'authorization_code', code: callback.code, redirectUri: sent.redirectUri },
    { overrides: { client_secret: wrong }, label: 'probe: exchange with a wrong client secret' },
  );
  if (!r.tokens) return confirmRefusal(session, sent, callback.code, `the wrong secret was refused (${r.outcome.response?.status ?? r.outcome.error?.kind})`);
  session.findings.add({
    code: 'CLIENT_SECRET_NOT_VERIFIED',
    message: 'the token endpoint issued tokens to a request with a wrong client_secret',
    fix: 'Verify client_secret (in constant time) for every grant; answer 401 invalid_client when it is wrong.',
    ...citeExchange(session.recorder, r.outcome.exchangeId),
  });
  return 'tokens were issued for a wrong secret';
}

/** RFC 6749 §4.1.3: the exchange's redirect_uri must equal the authorized one. */
export async function probeRedirectUriBinding(session: HostSession, authorize: Authorize): Promise<string> {
  const { sent, callback } = await freshAuthorization(session, authorize);
  const other = new URL(sent.redirectUri);
  other.pathname = `${other.pathname.replace(/\/$/, '')}-elsewhere`;
  const r = await probeGrant(
    session,
    { grant: 'authorization_code', code: callback.code, redirectUri: other.toString() },
    { label: 'probe: exchange with another redirect_uri' },
  );
  if (!r.tokens) return confirmRefusal(session, sent, callback.code, 'a different redirect_uri was refused');
  session.findings.add({
    code: 'REDIRECT_URI_NOT_BOUND',
    message: `the code authorized for ${sent.redirectUri} was exchanged with redirect_uri=${other.toString()}`,
    fix: 'Store the redirect_uri with the code and refuse an exchange whose redirect_uri differs (invalid_grant).',
    ...citeExchange(session.recorder, r.outcome.exchangeId),
  });
  return 'the code was bound to no redirect_uri';
}

/**
 * A refusal proves the rule only if the same code then works with the host's own, correct request: a token
 * endpoint that refuses everything (say, the body encoding) would otherwise pass every probe.
 */
async function confirmRefusal(session: HostSession, sent: AuthorizationRequest, code: string, refused: string): Promise<string> {
  const control = await probeGrant(session, { grant: 'authorization_code', code, redirectUri: sent.redirectUri }, { label: 'probe control: the same code, exchanged correctly' });
  if (control.tokens) return `${refused}; the same code then worked with the correct request`;
  return session.abort(`${refused}, but the correct exchange of the same code failed too (${control.failure ?? 'no token'}): the refusal proves nothing; see install-and-use`, 'inconclusive');
}

const FOREIGN_REDIRECT = 'https://conformance-attacker.invalid/collect';

/** RFC 6749 §10.6: an unregistered redirect URI must be refused before any code is sent there. */
export async function probeUnregisteredRedirect(session: HostSession, authorize: Authorize): Promise<string> {
  const sent = session.beginInstall({ redirectUri: FOREIGN_REDIRECT });
  const outcome = await authorize(sent);
  if (outcome.kind !== 'callback') return `refused (${outcome.kind === 'refused' ? `HTTP ${outcome.status}` : outcome.detail})`;
  const callback = parseCallback(outcome.url);
  session.secrets.add(callback.code, 'code');
  if (!callback.code) return 'redirected without a code';
  session.findings.add({
    code: 'REDIRECT_URI_NOT_VALIDATED',
    message: `the provider sent an authorization code to the unregistered redirect URI ${FOREIGN_REDIRECT}`,
    fix: 'Compare redirect_uri with the registered URIs by exact string match before showing login or consent; show an error page (no redirect) when it is not registered.',
  });
  return 'a code was sent to an unregistered redirect URI';
}
