import { checkAdvertisedEndpointsExist, type EndpointAnswer } from '../../checks/authorization-server/advertised-endpoints.ts';
import type { OutboundRequest } from '../../recorder/exchange.ts';
import type { HostSession } from '../session.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

/**
 * The cheapest request each advertised endpoint understands: it must answer (anything but 404), it need not agree.
 * POST endpoints get a POST (a GET would 404 on servers that route by method); nothing here registers or revokes.
 */
function cheapRequest(member: string, url: string): Pick<OutboundRequest, 'method' | 'url' | 'headers' | 'body'> {
  switch (member) {
    case 'revocation_endpoint':
    case 'introspection_endpoint':
      return { method: 'POST', url, headers: FORM, body: 'token=conformance-probe-not-a-token' };
    case 'registration_endpoint':
      // An invalid redirect URI: a registration endpoint refuses it (400) instead of creating a client.
      return { method: 'POST', url, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ redirect_uris: ['not a uri'] }) };
    default:
      return { method: 'GET', url, headers: { accept: 'application/json' } };
  }
}

/** RFC 8414 §2: every endpoint the authorization server metadata advertises answers something other than 404. */
export async function probeAdvertisedEndpoints(session: HostSession): Promise<string> {
  const server = session.oauth().server;
  const advertised = Object.entries(server?.advertisedEndpoints ?? {});
  if (!advertised.length) {
    session.findings.skip(checkAdvertisedEndpointsExist, 'the authorization server metadata advertises none of the endpoints probed');
    return session.abort('the authorization server metadata advertises no revocation, introspection, registration, userinfo endpoint or jwks_uri', 'skipped');
  }
  const endpoints: EndpointAnswer[] = [];
  for (const [member, url] of advertised) {
    const outcome = await session.recorder.send({
      ...cheapRequest(member, url),
      phase: 'probe',
      label: `probe: is the advertised ${member} there?`,
      timeoutMs: session.profile.timeouts.discoveryMs,
      maxBodyBytes: session.profile.limits.maxBodyBytes,
    });
    const curl = session.recorder.curlOf(outcome.exchangeId);
    endpoints.push({
      member,
      url,
      ...(outcome.response ? { status: outcome.response.status } : {}),
      ...(outcome.error ? { failure: outcome.error.message } : {}),
      exchangeId: outcome.exchangeId,
      ...(curl ? { curl } : {}),
    });
  }
  session.findings.run(checkAdvertisedEndpointsExist, { endpoints });
  return endpoints.map((e) => `${e.member}: ${e.status ?? e.failure ?? 'no answer'}`).join(', ');
}
