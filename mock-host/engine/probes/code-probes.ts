import { randomBytes } from 'node:crypto';
import { checkUnregisteredRedirectRefused } from '../../checks/authorization/unregistered-redirect.ts';
import { checkClientSecretVerified, checkCodeSingleUse, checkRedirectUriBound, type ProbedGrant } from '../../checks/token/grant-probes.ts';
import type { AuthorizationRequest } from '../../model/authorization.ts';
import { parseCallback } from '../../oauth/callback.ts';
import { completeInstall } from '../install.ts';
import type { HostSession } from '../session.ts';
import { requestTokens, type GrantResult, type GrantVariation } from '../token-grants.ts';
import { freshAuthorization, type Authorize } from './authorize-port.ts';

const probed = (r: GrantResult): ProbedGrant => ({ issued: !!r.tokens, exchangeId: r.outcome.exchangeId, curl: r.curl });

function codeFields(sent: AuthorizationRequest, code: string, redirectUri = sent.redirectUri) {
  return {
    grant: 'authorization_code' as const,
    code,
    redirectUri,
    ...(sent.codeVerifier ? { codeVerifier: sent.codeVerifier } : {}),
    ...(sent.resource ? { resource: sent.resource } : {}),
  };
}

const probeExchange = (session: HostSession, sent: AuthorizationRequest, code: string, variation: GrantVariation & { redirectUri?: string }) =>
  requestTokens(session, codeFields(sent, code, variation.redirectUri), 'probe', variation);

/** RFC 6749 §4.1.2: a code is single-use. Installs normally, then replays the spent code. */
export async function probeCodeReuse(session: HostSession, authorize: Authorize): Promise<string> {
  const { sent, callback, exchangeId } = await freshAuthorization(session, authorize);
  await completeInstall(session, callback, sent, exchangeId, { diagnose: true });
  const replay = await probeExchange(session, sent, callback.code, { label: 'probe: exchange the same code again' });
  session.findings.run(checkCodeSingleUse, { replay: probed(replay) });
  return replay.tokens ? 'the replayed code was accepted' : `the replayed code was refused (${replay.failure ?? 'no token'})`;
}

/** RFC 6749 §3.2.1: a confidential client must authenticate. Exchanges a fresh code with a wrong secret. */
export async function probeWrongClientSecret(session: HostSession, authorize: Authorize): Promise<string> {
  const client = await session.client();
  if (!client.clientSecret) {
    session.findings.skip(checkClientSecretVerified, `the host's client is ${client.authMethod === 'none' ? 'public' : client.authMethod}: it has no secret`);
    return session.abort(`${session.profile.displayName} uses a client without a secret (${client.authMethod}); there is no secret to get wrong`, 'skipped');
  }
  const { sent, callback } = await freshAuthorization(session, authorize);
  const wrong = `wrong-${randomBytes(12).toString('hex')}`;
  // Made up, not a secret: the reproduction shows it as sent, so a replay sends the wrong secret too.
  session.secrets.addProbeValue(wrong);
  const r = await probeExchange(session, sent, callback.code, { overrides: { client_secret: wrong }, label: 'probe: exchange with a wrong client secret' });
  if (session.findings.run(checkClientSecretVerified, { wrongSecret: probed(r) }).length) return 'tokens were issued for a wrong secret';
  return confirmRefusal(session, sent, callback.code, `the wrong secret was refused (${r.outcome.response?.status ?? r.outcome.error?.kind})`);
}

/** RFC 6749 §4.1.3: the exchange's redirect_uri must equal the authorized one. */
export async function probeRedirectUriBinding(session: HostSession, authorize: Authorize): Promise<string> {
  const { sent, callback } = await freshAuthorization(session, authorize);
  const other = new URL(sent.redirectUri);
  other.pathname = `${other.pathname.replace(/\/$/, '')}-elsewhere`;
  const r = await probeExchange(session, sent, callback.code, { redirectUri: other.toString(), label: 'probe: exchange with another redirect_uri' });
  if (session.findings.run(checkRedirectUriBound, { authorized: sent.redirectUri, exchangedWith: other.toString(), grant: probed(r) }).length) return 'the code was bound to no redirect_uri';
  return confirmRefusal(session, sent, callback.code, 'a different redirect_uri was refused');
}

/**
 * A refusal proves the rule only if the same code then works with the host's own, correct request: a token
 * endpoint that refuses everything (say, the body encoding) would otherwise pass every probe.
 */
async function confirmRefusal(session: HostSession, sent: AuthorizationRequest, code: string, refused: string): Promise<string> {
  const control = await probeExchange(session, sent, code, { label: 'probe control: the same code, exchanged correctly' });
  if (control.tokens) return `${refused}; the same code then worked with the correct request`;
  return session.abort(
    `${refused}, but the correct exchange of the same code failed too (${control.failure ?? 'no token'}): the refusal proves nothing. Other explanations than the probed rule: the server spends a code on any failed exchange, the code expired, or another sign-in of the same account replaced it; see install-and-use`,
    'inconclusive',
  );
}

const FOREIGN_REDIRECT = 'https://conformance-attacker.invalid/collect';

/**
 * Lookalikes of the host's own callback that only a prefix or loose match accepts (FINDINGS.md §7.0): the same URL with
 * a longer path, and with an extra query parameter.
 */
export function lookalikeRedirects(own: string): string[] {
  const longer = new URL(own);
  longer.pathname = `${longer.pathname.replace(/\/+$/, '')}-conformance`;
  const query = new URL(own);
  query.searchParams.append('conformance', '1');
  return [longer.href, query.href];
}

/**
 * RFC 6749 §10.6: an unregistered redirect URI must be refused before any code is sent there: a foreign one, then
 * lookalikes of the host's own callback. Stops at the first that gets a code.
 */
export async function probeUnregisteredRedirect(session: HostSession, authorize: Authorize): Promise<string> {
  const notes: string[] = [];
  for (const redirectUri of [FOREIGN_REDIRECT, ...lookalikeRedirects(session.redirectUri())]) {
    const sent = await session.beginInstall({ redirectUri });
    const outcome = await authorize(sent);
    if (outcome.kind !== 'callback') {
      notes.push(`${redirectUri}: refused (${outcome.kind === 'refused' ? `HTTP ${outcome.status}` : outcome.detail})`);
      continue;
    }
    const callback = parseCallback(outcome.url);
    for (const code of callback.codes) session.secrets.add(code, 'code');
    session.findings.run(checkUnregisteredRedirectRefused, { redirectUri, codeSent: !!callback.code, ...(outcome.exchangeId ? { exchangeId: outcome.exchangeId } : {}) });
    if (callback.code) return `a code was sent to the unregistered redirect URI ${redirectUri}`;
    notes.push(`${redirectUri}: redirected without a code`);
  }
  return notes.join('; ');
}
