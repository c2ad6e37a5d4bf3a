import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/** The harness's own key for private_key_jwt (RFC 7523), published in the JWKS of its copy of the host's document. */
export interface ClientAssertionSigner {
  kid: string;
  jwks: { keys: JWK[] };
  /** A fresh assertion for one token request: iss = sub = client_id, aud as given, a new jti, exp five minutes on. */
  sign(clientId: string, audience: string): Promise<string>;
}

export async function newClientAssertionSigner(): Promise<ClientAssertionSigner> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `conformance-${randomUUID().slice(0, 8)}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    kid,
    jwks: { keys: [jwk] },
    sign: (clientId, audience) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(audience)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey),
  };
}
