import { randomBytes } from 'node:crypto';
import { checkInsecureRedirectRefused } from '../../checks/registration/insecure-redirect.ts';
import { checkUnknownClientRefused } from '../../checks/registration/unknown-client.ts';
import { registerClient } from '../../oauth/dcr.ts';
import { registerWithBackoff } from '../../oauth/register-with-backoff.ts';
import type { HostSession } from '../session.ts';
import { requestTokens } from '../token-grants.ts';

/**
 * RFC 6749 §5.2: a token request with a client_id the authorization server never issued (as after it forgot a
 * dynamically registered client) must get 401 invalid_client, the only answer that makes Claude register again.
 * No browser: an unknown client is refused before its code is looked at.
 */
export async function probeUnknownClient(session: HostSession): Promise<string> {
  const auth = session.oauth();
  const clientId = `conformance-unknown-${randomBytes(8).toString('hex')}`;
  const code = `conformance-probe-${randomBytes(16).toString('hex')}`;
  session.secrets.add(code, 'code');
  const r = await requestTokens(
    session,
    { grant: 'authorization_code', code, redirectUri: session.redirectUri(), ...(auth.resource ? { resource: auth.resource } : {}) },
    'probe',
    // A client the server never issued needs none of the host's: the probe registers nothing.
    { client: { clientId, authMethod: 'none' }, label: 'probe: token request with an unknown client_id' },
  );
  const status = r.outcome.response?.status;
  session.findings.run(checkUnknownClientRefused, {
    clientId,
    ...(status !== undefined ? { status } : {}),
    ...(r.rejection?.error ? { error: r.rejection.error } : {}),
    ...(r.outcome.error ? { failure: r.outcome.error.message } : {}),
    exchangeId: r.outcome.exchangeId,
    curl: r.curl,
  });
  return status === undefined ? `no answer (${r.outcome.error?.message ?? 'unknown'})` : `HTTP ${status}${r.rejection?.error ? ` ${r.rejection.error}` : ''}`;
}

/** A non-loopback http:// redirect URI: a name that can never resolve, so nothing is ever sent there. */
const INSECURE_REDIRECT = 'http://conformance-insecure.invalid/callback';

/**
 * RFC 7591 §5, RFC 9700 §4.1: dynamic registration refuses a redirect URI that is neither https nor loopback. Only
 * where the authorization server advertises a registration endpoint; the body is the host's own with that URI.
 */
export async function probeDcrInsecureRedirect(session: HostSession): Promise<string> {
  const endpoint = session.oauth().server?.registrationEndpoint;
  if (!endpoint) {
    session.findings.skip(checkInsecureRedirectRefused, 'the authorization server advertises no registration_endpoint');
    return session.abort('the authorization server advertises no registration_endpoint: there is no dynamic registration to probe', 'skipped');
  }
  const dcrBody = session.profile.flow.client.registrationBody;
  const body = dcrBody ? dcrBody(INSECURE_REDIRECT) : { client_name: 'plugin-conformance probe', redirect_uris: [INSECURE_REDIRECT], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  const budgetMs = session.profile.timeouts.discoveryMs;
  // Never a kept client: the probe is about what this registration gets.
  const register = () => registerClient(session.recorder, { endpoint, body, userAgent: 'plugin-conformance', timeoutMs: budgetMs, maxBodyBytes: session.profile.limits.maxBodyBytes });
  const answer = await registerWithBackoff(session, register, budgetMs, `the probe could not learn whether ${INSECURE_REDIRECT} would be registered`);
  session.findings.run(checkInsecureRedirectRefused, {
    redirectUri: INSECURE_REDIRECT,
    ...(answer.status !== undefined ? { status: answer.status } : {}),
    clientIssued: !!answer.client,
    exchangeId: answer.outcome.exchangeId,
    curl: session.recorder.curlOf(answer.outcome.exchangeId),
  });
  if (answer.status === undefined) return `the registration endpoint did not answer (${answer.outcome.error?.message ?? 'unknown'})`;
  return answer.client ? `registered ${INSECURE_REDIRECT} (HTTP ${answer.status})` : `refused ${INSECURE_REDIRECT} (HTTP ${answer.status})`;
}
