import { checkClientAssertionVerified } from '../../checks/token/client-assertion-verified.ts';
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

/**
 * RFC 7523 §3: where the host authenticates with private_key_jwt, a fresh code is exchanged with an assertion
 * whose signature is broken; tokens for it mean the assertion is not verified. A refusal proves the rule only if
 * the same code then works with a valid assertion.
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
  const broken = withBrokenSignature(await client.signer.sign(client.clientId, auth.tokenUrl));
  session.secrets.add(broken, 'client_secret');
  const fields = {
    grant: 'authorization_code' as const,
    code: callback.code,
    redirectUri: sent.redirectUri,
    ...(sent.codeVerifier ? { codeVerifier: sent.codeVerifier } : {}),
    ...(sent.resource ? { resource: sent.resource } : {}),
  };
  const r = await requestTokens(session, fields, 'probe', { overrides: { client_assertion: broken }, label: 'probe: exchange with a client assertion whose signature is broken' });
  const probe = { flaw: 'whose signature does not verify', issued: !!r.tokens, exchangeId: r.outcome.exchangeId, curl: r.curl };
  if (session.findings.run(checkClientAssertionVerified, { probes: [probe] }).length) return 'tokens were issued for a client assertion with a broken signature';
  const refused = `the broken assertion was refused (${r.outcome.response?.status ?? r.outcome.error?.kind})`;
  const control = await requestTokens(session, fields, 'probe', { label: 'probe control: the same code with a valid assertion' });
  if (control.tokens) return `${refused}; the same code then worked with a valid assertion`;
  return session.abort(`${refused}, but the exchange with a valid assertion failed too (${control.failure ?? 'no token'}): the refusal proves nothing; see install-and-use`, 'inconclusive');
}
