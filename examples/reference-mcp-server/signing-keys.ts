import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

export const ACCESS_TOKEN_ALG = 'ES256';

/** The AS's access-token signing key: generated at start, never persisted, published at jwks_uri. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicJwk: Readonly<Record<string, unknown>>;
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomBytes(8).toString('hex');
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: ACCESS_TOKEN_ALG, use: 'sig' };
  return { kid, privateKey, publicKey, publicJwk };
}
