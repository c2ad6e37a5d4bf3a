import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';

/** The harness's own key for private_key_jwt (RFC 7523), published in the JWKS of its copy of the host's document. */
export interface ClientAssertionSigner {
  kid: string;
  jwks: { keys: JWK[] };
  /**
   * A fresh assertion for one token request: iss = sub = client_id, aud as given, a new jti, exp five minutes on
   * (a probe may pass an `expiresAt` in epoch seconds, in the past, instead).
   */
  sign(clientId: string, audience: string, options?: { expiresAt?: number }): Promise<string>;
}

export async function newClientAssertionSigner(): Promise<ClientAssertionSigner> {
  // Loaded here: only a private_key_jwt client signs, and jose's modules would otherwise load with every host.
  const { exportJWK, generateKeyPair, SignJWT } = await import('jose');
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `conformance-${randomUUID().slice(0, 8)}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    kid,
    jwks: { keys: [jwk] },
    sign: (clientId, audience, options = {}) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(audience)
        .setJti(randomUUID())
        .setIssuedAt(options.expiresAt !== undefined ? options.expiresAt - 300 : undefined)
        .setExpirationTime(options.expiresAt ?? '5m')
        .sign(privateKey),
  };
}
