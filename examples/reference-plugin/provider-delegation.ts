import type { Fault } from './faults.ts';

/**
 * Faults that still mean something when the plugin delegates OAuth to a provider: the API's and discovery's.
 * The others change the plugin's own authorization server, which then answers nobody; a list of what is allowed
 * (rather than what is not) keeps a fault added later from silently doing nothing.
 */
export const FAULTS_WITH_A_PROVIDER: ReadonlySet<Fault> = new Set<Fault>([
  'api-403-for-bad-token',
  'api-500-for-bad-token',
  'api-200-for-bad-token',
  'api-accepts-any-token',
  'api-accepts-missing-token',
  'api-401-no-challenge',
  'api-echoes-token',
  'case-sensitive-bearer',
  'accept-expired-tokens',
  'api-redirect-cross-origin',
  'huge-api-response',
  'slow-api',
  'api-rate-limited',
  'manifest-text-plain',
  'manifest-not-json',
  'manifest-missing-fields',
  'manifest-over-limits',
  'manifest-api-other-domain',
  'manifest-no-verification-token',
  'manifest-swapped-auth-urls',
  'openapi-unreachable',
  'openapi-invalid',
  'openapi-over-limits',
  'openapi-server-mismatch',
]);
