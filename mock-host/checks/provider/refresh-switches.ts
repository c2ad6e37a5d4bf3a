import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import { quirkDraft, type ProviderQuirkInput } from './quirk-input.ts';
import { providerFixForMissingRefreshToken } from './refresh-token-fix.ts';
import { hasTopLevelRefreshToken, topLevelJsonFields } from './token-body-fields.ts';
import { describeEndpoint, parseUrl, scopeItems } from './provider-urls.ts';

/**
 * Providers that issue refresh tokens only when the client asks for them: an authorization-URL parameter
 * (Google, Dropbox) or a scope (Auth0, Entra, Okta, Salesforce). Without the switch users lose access at the
 * first expiry.
 */
export const checkRefreshSwitches = defineCheck<ProviderQuirkInput>({ id: 'provider-refresh-switch-set', codes: ['PROVIDER_AUTH0_OFFLINE_ACCESS', 'PROVIDER_DROPBOX_OFFLINE', 'PROVIDER_ENTRA_OFFLINE_ACCESS', 'PROVIDER_GOOGLE_OFFLINE_ACCESS', 'PROVIDER_OKTA_OFFLINE_ACCESS', 'PROVIDER_SALESFORCE_REFRESH_SCOPE'] }, (input) => {
  // A refresh token in the exchange proves the switch is on somewhere (a proxy, a tenant rule): nothing to report.
  if (hasTopLevelRefreshToken(input.tokenResponseBody)) return [];
  const url = parseUrl(input.authorizeUrl);
  const query = url?.searchParams;
  const where = url ? describeEndpoint(url) : input.authorizeUrl;
  // The scope may be in the manifest or baked into client_url's query; either reaches the provider.
  const scopes = scopeItems(input.scope, query?.get('scope'));
  const shownScope = input.scope.trim() === '' ? 'an empty scope' : `scope "${input.scope}"`;
  const fix = providerFixForMissingRefreshToken(input.provider, input.protocol);
  const missingScope = (needed: readonly string[]): boolean => !needed.some((s) => scopes.has(s));

  switch (input.provider) {
    case 'google': {
      const accessType = query?.get('access_type');
      if (accessType === 'offline') return googleSkippedConsent(input, where);
      return [
        quirkDraft(input, {
          code: 'PROVIDER_GOOGLE_OFFLINE_ACCESS',
          message: `the Google authorization URL ${where} ${accessType ? `has access_type=${accessType}` : 'has no access_type parameter'}, so Google returns no refresh_token`,
          fix,
        }),
      ];
    }
    case 'dropbox': {
      const accessType = query?.get('token_access_type');
      if (accessType === 'offline') return [];
      return [
        quirkDraft(input, {
          code: 'PROVIDER_DROPBOX_OFFLINE',
          message: `the Dropbox authorization URL ${where} ${accessType ? `has token_access_type=${accessType}` : 'has no token_access_type parameter'}, so Dropbox issues only short-lived access tokens and no refresh_token`,
          fix,
        }),
      ];
    }
    case 'auth0':
    case 'entra':
    case 'okta': {
      if (!missingScope(['offline_access'])) return offlineAccessIgnored(input, where);
      const code = ({ auth0: 'PROVIDER_AUTH0_OFFLINE_ACCESS', entra: 'PROVIDER_ENTRA_OFFLINE_ACCESS', okta: 'PROVIDER_OKTA_OFFLINE_ACCESS' } as const)[input.provider];
      const name = ({ auth0: 'Auth0', entra: 'Microsoft Entra', okta: 'Okta' } as const)[input.provider];
      const audience = input.provider === 'auth0' && !query?.has('audience') ? '; the authorization URL also has no audience parameter' : '';
      return [quirkDraft(input, { code, message: `${name} (${where}) is asked for ${shownScope}, without offline_access, so it issues no refresh_token${audience}`, fix })];
    }
    case 'salesforce': {
      if (!missingScope(['refresh_token', 'offline_access'])) return [];
      return [
        quirkDraft(input, {
          code: 'PROVIDER_SALESFORCE_REFRESH_SCOPE',
          message: `Salesforce (${where}) is asked for ${shownScope}, without refresh_token or offline_access, so it issues no refresh_token`,
          fix,
        }),
      ];
    }
    default:
      return [];
  }
});

// Asked for offline_access and still no refresh token: the switch that is off lives in the provider's console.
const CONSOLE_SWITCH = {
  auth0: { code: 'PROVIDER_AUTH0_OFFLINE_ACCESS', name: 'Auth0', off: '"Allow Offline Access" is off on the Auth0 API (it is off by default), so Auth0 accepts offline_access and silently issues no refresh_token', fix: 'Turn on "Allow Offline Access" in the Auth0 API\'s settings (Applications → APIs → <your API> → Settings → Access Settings); offline_access is already requested.' },
  okta: { code: 'PROVIDER_OKTA_OFFLINE_ACCESS', name: 'Okta', off: 'the Okta application does not allow the Refresh Token grant, so Okta issues no refresh_token', fix: 'Enable the Refresh Token grant type on the Okta application (General → Grant type), and allow it in the authorization server\'s access policy rule; offline_access is already requested.' },
} as const;

/**
 * offline_access was asked for and the exchange succeeded without a refresh token: the API or application setting
 * that lets the provider issue one is off.
 */
function offlineAccessIgnored(input: ProviderQuirkInput, where: string): FindingDraft[] {
  if (input.provider !== 'auth0' && input.provider !== 'okta') return [];
  if (typeof topLevelJsonFields(input.tokenResponseBody)?.access_token !== 'string') return [];
  const { code, name, off, fix } = CONSOLE_SWITCH[input.provider];
  return [quirkDraft(input, { code, message: `${name} (${where}) was asked for offline_access and the code exchange returned no refresh_token: ${off}`, fix })];
}

/**
 * access_type=offline is not enough: Google issues the refresh token only with its consent screen, which it shows
 * the first time a user authorizes the app and afterwards only for prompt=consent. A successful exchange without a
 * refresh token (a reinstall) proves that happened.
 */
function googleSkippedConsent(input: ProviderQuirkInput, where: string): FindingDraft[] {
  // Stryker disable next-line OptionalChaining: reached only with access_type=offline read from this same URL, so it parses
  const prompt = parseUrl(input.authorizeUrl)?.searchParams.get('prompt') ?? '';
  if (prompt.split(' ').includes('consent')) return [];
  const top = topLevelJsonFields(input.tokenResponseBody);
  if (typeof top?.access_token !== 'string') return [];
  return [
    quirkDraft(input, {
      code: 'PROVIDER_GOOGLE_OFFLINE_ACCESS',
      message: `the Google authorization URL ${where} has access_type=offline but ${prompt ? `prompt=${prompt}` : 'no prompt parameter'}, and this exchange returned no refresh_token: Google issues one only when its consent screen is shown, which without prompt=consent happens only the first time a user authorizes the app, so reinstalls get none`,
      fix: providerFixForMissingRefreshToken('google', input.protocol),
    }),
  ];
}
