import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636 §4.1: 32 random bytes, base64url: 43 characters from the unreserved set. */
export function newCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/** RFC 7636 §4.2 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
