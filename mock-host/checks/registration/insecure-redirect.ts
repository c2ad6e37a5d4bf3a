import { defineCheck } from '../../findings/check.ts';

/** A dynamic registration with a non-loopback http:// redirect URI, and its answer. */
export interface InsecureRegistration {
  redirectUri: string;
  status?: number;
  /** The answer named a client_id: the client exists. */
  clientIssued: boolean;
  exchangeId: string;
  curl?: string;
}

/** RFC 7591 §5, RFC 9700 §4.1: redirect URIs are https, or http only on loopback. */
export const checkInsecureRedirectRefused = defineCheck<InsecureRegistration>({ id: 'dcr-refuses-insecure-redirect', codes: ['DCR_ACCEPTS_INSECURE_REDIRECT'] }, (i) => {
  const accepted = i.status !== undefined && i.status >= 200 && i.status < 300 && i.clientIssued;
  if (!accepted) return [];
  return [
    {
      code: 'DCR_ACCEPTS_INSECURE_REDIRECT',
      message: `dynamic registration accepted the redirect URI ${i.redirectUri} (HTTP ${i.status}): codes could travel in clear text`,
      fix: 'Refuse registrations whose redirect_uris are not https (http only for 127.0.0.1, [::1] or localhost) with 400 invalid_redirect_uri.',
      evidence: [i.exchangeId],
      ...(i.curl ? { reproduce: i.curl } : {}),
    },
  ];
});
