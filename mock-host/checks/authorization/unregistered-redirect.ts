import { defineCheck } from '../../findings/check.ts';

/** RFC 6749 §10.6: an unregistered redirect URI is refused before any code is sent there. */
export const checkUnregisteredRedirectRefused = defineCheck<{ redirectUri: string; codeSent: boolean; exchangeId?: string }>(
  { id: 'unregistered-redirect-uri-refused', codes: ['REDIRECT_URI_NOT_VALIDATED'] },
  (i) => {
    if (!i.codeSent) return [];
    return [
      {
        code: 'REDIRECT_URI_NOT_VALIDATED',
        message: `the provider sent an authorization code to the unregistered redirect URI ${i.redirectUri}`,
        fix: 'Compare redirect_uri with the registered URIs by exact string match before showing login or consent; show an error page (no redirect) when it is not registered.',
        ...(i.exchangeId ? { evidence: [i.exchangeId] } : {}),
      },
    ];
  },
);
