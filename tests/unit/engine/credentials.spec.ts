import { test, expect } from '@playwright/test';
import { isExpired, storedCredentials } from '../../../mock-host/model/credentials.ts';

const META = { source: 'exchange', generation: 0, refreshTokenKeptFromBefore: false } as const;

test('expiry is anchored to the host clock at receipt', () => {
  const c = storedCredentials({ accessToken: 'a', expiresInSeconds: 60 }, 1_000, META);
  expect(c.expiresAt).toBe(61_000);
  expect(isExpired(c, 60_999)).toBe(false);
  expect(isExpired(c, 61_000)).toBe(true);
});

test('without expires_in the token never expires, unless the profile assumes a lifetime', () => {
  const forever = storedCredentials({ accessToken: 'a' }, 0, META);
  expect(forever.expiresAt).toBeUndefined();
  expect(isExpired(forever, Number.MAX_SAFE_INTEGER)).toBe(false);
  const assumed = storedCredentials({ accessToken: 'a' }, 0, META, 3600);
  expect(assumed.expiresAt).toBe(3_600_000);
  // A real expires_in always wins over the assumption.
  expect(storedCredentials({ accessToken: 'a', expiresInSeconds: 5 }, 0, META, 3600).expiresAt).toBe(5_000);
});
