import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: codes, refresh tokens, session and request ids. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first gives equal lengths, so the expected value's length does not leak. */
export function safeEqual(actual: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(actual), digest(expected));
}

export function sha256Base64Url(value: string): string {
  return createHash('sha256').update(value, 'ascii').digest('base64url');
}
