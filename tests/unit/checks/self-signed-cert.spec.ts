import { X509Certificate } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { selfSignedCertificate } from '../../../examples/hostile-plugin/self-signed-cert.ts';

test('the hostile plugin\'s runtime certificate is valid DER whatever its random serial', () => {
  // A serial whose first byte masked to zero was one in 256 an "illegal padding" that TLS set-up refused.
  for (let i = 0; i < 1500; i++) {
    const cert = new X509Certificate(selfSignedCertificate().cert);
    expect(cert.subjectAltName).toBe('IP Address:127.0.0.1');
    expect(BigInt(`0x${cert.serialNumber}`)).toBeGreaterThan(0n);
  }
});
