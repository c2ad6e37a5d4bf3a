import { defineCheck } from '../../findings/check.ts';
import { cite } from '../../findings/evidence.ts';

/** One endpoint the AS metadata advertises, and what a cheap request to it got. */
export interface EndpointAnswer {
  /** The metadata member (revocation_endpoint, jwks_uri…). */
  member: string;
  url: string;
  status?: number;
  failure?: string;
  exchangeId: string;
  /** The recorder's reproduction of the request. */
  curl?: string;
}

const missing = (e: EndpointAnswer): boolean => e.status === 404 || e.status === undefined;

/** RFC 8414 §2: what the metadata advertises exists. A 404 or no answer at all means it does not. */
export const checkAdvertisedEndpointsExist = defineCheck<{ endpoints: readonly EndpointAnswer[] }>(
  { id: 'as-advertised-endpoints-exist', codes: ['AS_ADVERTISED_ENDPOINT_MISSING'] },
  ({ endpoints }) =>
    endpoints.filter(missing).map((e) => ({
      code: 'AS_ADVERTISED_ENDPOINT_MISSING' as const,
      message: `the metadata advertises ${e.member} ${e.url}, which ${e.status === 404 ? 'answers 404' : `could not be reached (${e.failure ?? 'no answer'})`}`,
      fix: `Serve ${e.member} at the advertised URL, or remove it from the metadata${e.member === 'revocation_endpoint' ? ' (ChatGPT calls the revocation endpoint when a user disconnects)' : ''}.`,
      ...cite({ id: e.exchangeId, ...(e.curl ? { curl: e.curl } : {}) }),
    })),
);
