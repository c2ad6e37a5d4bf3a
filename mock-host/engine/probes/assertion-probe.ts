import { checkClientAssertionVerified, type InvalidAssertionProbe } from '../../checks/token/client-assertion-verified.ts';
import { newClientAssertionSigner, type ClientAssertionSigner } from '../../oauth/client-assertion.ts';
import type { HostSession } from '../session.ts';
import { requestTokens } from '../token-grants.ts';
import { freshAuthorization, type Authorize } from './authorize-port.ts';

/** The same JWT with one bit of its signature flipped: header and claims intact, the signature no longer verifies. */
export function withBrokenSignature(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  if (header === undefined || payload === undefined || !signature) throw new Error('not a signed JWT');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

interface Flaw {
  flaw: string;
  assertion: (clientId: string, tokenUrl: string) => Promise<string>;
}

/** Each assertion is wrong in exactly one way (RFC 7523 §3); everything else is as the host signs it. */
function flaws(signer: ClientAssertionSigner, stranger: ClientAssertionSigner, now: number): Flaw[] {
  return [
    { flaw: 'whose signature does not verify', assertion: async (id, url) => withBrokenSignature(await signer.sign(id, url)) },
    { flaw: 'signed with a key the client never published (unknown kid)', assertion: (id, url) => stranger.sign(id, url) },
    { flaw: 'whose aud is another server', assertion: (id) => signer.sign(id, 'https://conformance-other-server.invalid/token') },
    { flaw: 'that expired ten minutes ago', assertion: (id, url) => signer.sign(id, url, { expiresAt: Math.floor(now / 1000) - 600 }) },
  ];
}

/**
 * RFC 7523 §3: where the host authenticates with private_key_jwt, a fresh code is exchanged with assertions each
 * wrong in one way (signature, key, aud, exp), until one buys tokens. An endpoint refuses a bad client before it
 * spends the code, so one code serves every attempt; a refusal proves the rule only if the same code then works with
 * a valid assertion.
 */
export async function probeClientAssertion(session: HostSession, authorize: Authorize): Promise<string> {
  const client = await session.client();
  if (client.authMethod !== 'private_key_jwt' || !client.signer) {
    const reason = `${session.profile.displayName}'s client authenticates with ${client.authMethod} here, not private_key_jwt: it sends no client assertion`;
    session.findings.skip(checkClientAssertionVerified, reason);
    return session.abort(reason, 'skipped');
  }
  const auth = session.oauth();
  const { sent, callback } = await freshAuthorization(session, authorize);
  const fields = {
    grant: 'authorization_code' as const,
    code: callback.code,
    redirectUri: sent.redirectUri,
    ...(sent.codeVerifier ? { codeVerifier: sent.codeVerifier } : {}),
    ...(sent.resource ? { resource: sent.resource } : {}),
  };
  // Real time for exp, not the host's virtual clock: the server judges it by its own.
  const probes: InvalidAssertionProbe[] = [];
  for (const { flaw, assertion } of flaws(client.signer, await newClientAssertionSigner(), Date.now())) {
    const bad = await assertion(client.clientId, auth.tokenUrl);
    session.secrets.add(bad, 'client_secret');
    const r = await requestTokens(session, fields, 'probe', { overrides: { client_assertion: bad }, label: `probe: exchange with a client assertion ${flaw}` });
    probes.push({ flaw, issued: !!r.tokens, exchangeId: r.outcome.exchangeId, curl: r.curl });
    if (r.tokens) break;
  }
  if (session.findings.run(checkClientAssertionVerified, { probes }).length) return `tokens were issued for a client assertion ${probes.at(-1)?.flaw}`;
  const refused = `${probes.length} invalid client assertions were refused`;
  const control = await requestTokens(session, fields, 'probe', { label: 'probe control: the same code with a valid assertion' });
  if (control.tokens) return `${refused}; the same code then worked with a valid assertion`;
  return session.abort(`${refused}, but the exchange with a valid assertion failed too (${control.failure ?? 'no token'}): the refusals prove nothing; see install-and-use`, 'inconclusive');
}
