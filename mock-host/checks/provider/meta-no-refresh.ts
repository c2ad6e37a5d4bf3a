import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import { quirkDraft, type ProviderQuirkInput } from './quirk-input.ts';
import { providerFixForMissingRefreshToken } from './refresh-token-fix.ts';
import { hasTopLevelRefreshToken } from './token-body-fields.ts';

/** Facebook Login never issues refresh tokens, so the host cannot renew access on its own. */
export const checkMetaNoRefresh = defineCheck<ProviderQuirkInput>({ id: 'provider-meta-refreshes', codes: ['PROVIDER_META_NO_REFRESH'] }, (input) => {
  // A refresh token means a proxy already issues its own: the fix is in place.
  if (input.provider !== 'meta' || hasTopLevelRefreshToken(input.tokenResponseBody)) return [];
  return [
    quirkDraft(input, {
      code: 'PROVIDER_META_NO_REFRESH',
      message: 'the OAuth endpoints are Facebook/Meta\'s, which issue no refresh tokens: users lose access when the access token expires (1–2 h, or ~60 days for a long-lived token)',
      fix: providerFixForMissingRefreshToken('meta'),
    }),
  ];
});
