import type { ProviderId } from '../../model/provider-id.ts';
import { hostIs, hostUnder, parseUrl } from './provider-urls.ts';

export type { ProviderId } from '../../model/provider-id.ts';

// Hostnames and paths the providers really use for their authorization and token endpoints. Custom domains
// (Auth0, Okta, Keycloak behind a vanity host) cannot be recognised: set PLUGIN_PROVIDER for those.
const RULES: readonly { provider: ProviderId; matches: (url: URL) => boolean }[] = [
  { provider: 'keycloak', matches: (u) => /\/realms\/[^/]+\/protocol\/openid-connect\//.test(u.pathname) },
  {
    provider: 'google',
    matches: (u) => hostIs(u, 'accounts.google.com', 'oauth2.googleapis.com') || (hostIs(u, 'www.googleapis.com') && u.pathname.startsWith('/oauth2/')),
  },
  { provider: 'auth0', matches: (u) => u.hostname.toLowerCase().endsWith('.auth0.com') },
  {
    provider: 'entra',
    matches: (u) =>
      hostIs(u, 'login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn', 'login.windows.net') ||
      hostUnder(u, 'ciamlogin.com'),
  },
  { provider: 'okta', matches: (u) => ['.okta.com', '.oktapreview.com', '.okta-emea.com'].some((d) => u.hostname.toLowerCase().endsWith(d)) },
  { provider: 'dropbox', matches: (u) => hostIs(u, 'dropbox.com', 'www.dropbox.com', 'api.dropboxapi.com', 'api.dropbox.com') },
  {
    provider: 'salesforce',
    matches: (u) => hostIs(u, 'login.salesforce.com', 'test.salesforce.com') || u.hostname.toLowerCase().endsWith('.my.salesforce.com'),
  },
  { provider: 'github', matches: (u) => hostIs(u, 'github.com', 'www.github.com') && u.pathname.startsWith('/login/oauth/') },
  { provider: 'slack', matches: (u) => hostUnder(u, 'slack.com') && /^\/(oauth\/|api\/oauth\.|openid\/|api\/openid\.)/.test(u.pathname) },
  { provider: 'meta', matches: (u) => hostUnder(u, 'facebook.com') },
  { provider: 'cognito', matches: (u) => u.hostname.toLowerCase().endsWith('.amazoncognito.com') },
  { provider: 'zoom', matches: (u) => hostUnder(u, 'zoom.us') },
  { provider: 'atlassian', matches: (u) => hostIs(u, 'auth.atlassian.com') },
];

/**
 * The provider behind the plugin's OAuth endpoints. An explicit setting wins; otherwise the authorization URL decides
 * before the token URL, since developers often proxy only the token endpoint and the provider's switches live on
 * the authorization side.
 */
export function detectProvider(urls: { authorizeUrl?: string; tokenUrl?: string }, explicit?: ProviderId): ProviderId | undefined {
  if (explicit) return explicit;
  for (const raw of [urls.authorizeUrl, urls.tokenUrl]) {
    const url = parseUrl(raw);
    if (!url) continue;
    const rule = RULES.find((r) => r.matches(url));
    if (rule) return rule.provider;
  }
  return undefined;
}

/** Whether a token URL is the provider's own endpoint (not a proxy the developer put in front of it). */
export function isProviderTokenEndpoint(provider: ProviderId, tokenUrl: string): boolean {
  const url = parseUrl(tokenUrl);
  return !!url && RULES.some((r) => r.provider === provider && r.matches(url));
}
