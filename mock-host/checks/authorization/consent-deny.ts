import { defineCheck } from '../../findings/check.ts';

/** The consent page's deny button was pressed; what came back to the redirect URI. */
export interface DeniedConsent {
  /** The callback carried a code. */
  codeSent: boolean;
  /** The callback's `error`, if any. */
  error?: string | null;
  exchangeId?: string;
}

/** RFC 6749 §4.1.2.1: a user who denies access gets error=access_denied, never a code. */
export const checkConsentDenyHonoured = defineCheck<DeniedConsent>({ id: 'consent-deny-honoured', codes: ['CONSENT_DENY_IGNORED'] }, (i) =>
  i.codeSent
    ? [
        {
          code: 'CONSENT_DENY_IGNORED',
          message: `the harness pressed the consent page's deny button and the callback still carried a code${i.error ? ` (and error=${i.error})` : ''}`,
          fix: 'When the user denies consent, redirect to the redirect URI with error=access_denied (and the state) and issue no code.',
          ...(i.exchangeId ? { evidence: [i.exchangeId] } : {}),
        },
      ]
    : [],
);
