import { buildRevocationRequest, registerRevocationSecrets, type RevocationParams } from '../oauth/revocation-request.ts';
import type { HostSession } from './session.ts';

/** The user removes the app: the host forgets its tokens and tells the server nothing. */
export function disconnect(session: HostSession): string {
  if (!session.credentials) return 'nothing to forget: no tokens held';
  delete session.credentials;
  session.emit({ type: 'credentials-dropped', reason: 'disconnect' });
  return 'the host forgot its tokens';
}

/**
 * Revokes what the host holds at the authorization server's revocation endpoint (RFC 7009): the refresh token first
 * (revoking it ends the grant on most servers), then the access token; then the host forgets both. A server without
 * a revocation endpoint stops the step: there is nothing the host could send.
 */
export async function revokeTokens(session: HostSession): Promise<string> {
  const held = session.credentials;
  if (!held) return session.abort('nothing to revoke: install first', 'inconclusive');
  const endpoint = session.oauth().server?.revocationEndpoint;
  if (!endpoint) return session.abort('the authorization server advertises no revocation_endpoint (RFC 7009): use disconnect to forget the tokens without telling it', 'inconclusive');
  const client = await session.client();
  const answers: string[] = [];
  const tokens = [...(held.refreshToken ? [['refresh_token', held.refreshToken] as const] : []), ['access_token', held.accessToken] as const];
  for (const [hint, token] of tokens) {
    const params: RevocationParams = {
      endpoint,
      token,
      hint,
      clientId: client.clientId,
      ...(client.clientSecret !== undefined ? { clientSecret: client.clientSecret } : {}),
      authMethod: client.authMethod,
      ...(client.authMethod === 'private_key_jwt' && client.signer ? { clientAssertion: await client.signer.sign(client.clientId, endpoint) } : {}),
      timeoutMs: session.profile.timeouts.tokenMs,
      maxBodyBytes: session.profile.limits.maxBodyBytes,
    };
    registerRevocationSecrets(session.recorder, params);
    const outcome = await session.recorder.send(buildRevocationRequest(params));
    const status = outcome.response?.status;
    session.emit({ type: 'revocation-response', exchangeId: outcome.exchangeId, hint, ...(status !== undefined ? { status } : {}) });
    answers.push(`${hint} ${status ?? outcome.error?.kind}`);
  }
  delete session.credentials;
  session.emit({ type: 'credentials-dropped', reason: 'revoke' });
  return `revoked (${answers.join(', ')}); the host forgot its tokens`;
}
