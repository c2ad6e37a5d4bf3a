import { formEncode } from './form-encoding.ts';

/**
 * RFC 6749 §2.3.1: the client id and secret are form-encoded *before* base64, so a secret with `+ / : =` survives
 * (many servers and clients skip this step and fail only for such secrets).
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`, 'utf8').toString('base64')}`;
}
