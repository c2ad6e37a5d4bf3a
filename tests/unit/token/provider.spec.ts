import { test, expect } from '@playwright/test';
import { detectProvider } from '../../../mock-host/checks/provider/detect-provider.ts';
import { PROVIDER_IDS, type ProviderId } from '../../../mock-host/model/provider-id.ts';
import { PROVIDER_CHECKS, type ProviderQuirkInput } from '../../../mock-host/checks/provider/provider-quirks.ts';

const checkProviderQuirks = (input: ProviderQuirkInput) => PROVIDER_CHECKS.flatMap((check) => check(input));
import { providerFixForMissingRefreshToken } from '../../../mock-host/checks/provider/refresh-token-fix.ts';
import type { FindingCode } from '../../../mock-host/findings/catalog.ts';

const DETECT: [Partial<Record<'authorizeUrl' | 'tokenUrl', string>>, ProviderId | undefined][] = [
  [{ authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth', tokenUrl: 'https://oauth2.googleapis.com/token' }, 'google'],
  [{ tokenUrl: 'https://oauth2.googleapis.com/token' }, 'google'],
  [{ authorizeUrl: 'https://dev-abc123.us.auth0.com/authorize' }, 'auth0'],
  [{ authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize' }, 'entra'],
  [{ authorizeUrl: 'https://dev-123456.okta.com/oauth2/default/v1/authorize' }, 'okta'],
  [{ authorizeUrl: 'https://acme.oktapreview.com/oauth2/v1/authorize' }, 'okta'],
  [{ authorizeUrl: 'https://www.dropbox.com/oauth2/authorize', tokenUrl: 'https://api.dropboxapi.com/oauth2/token' }, 'dropbox'],
  [{ tokenUrl: 'https://api.dropboxapi.com/oauth2/token' }, 'dropbox'],
  [{ authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize' }, 'salesforce'],
  [{ tokenUrl: 'https://acme.my.salesforce.com/services/oauth2/token' }, 'salesforce'],
  [{ authorizeUrl: 'https://github.com/login/oauth/authorize', tokenUrl: 'https://github.com/login/oauth/access_token' }, 'github'],
  [{ authorizeUrl: 'https://slack.com/oauth/v2/authorize', tokenUrl: 'https://slack.com/api/oauth.v2.access' }, 'slack'],
  [{ authorizeUrl: 'https://www.facebook.com/v19.0/dialog/oauth', tokenUrl: 'https://graph.facebook.com/v19.0/oauth/access_token' }, 'meta'],
  [{ authorizeUrl: 'https://sso.acme.io/realms/main/protocol/openid-connect/auth' }, 'keycloak'],
  [{ tokenUrl: 'https://id.acme.io/auth/realms/main/protocol/openid-connect/token' }, 'keycloak'],
  [{ authorizeUrl: 'https://acme.auth.eu-west-1.amazoncognito.com/oauth2/authorize' }, 'cognito'],
  [{ authorizeUrl: 'https://zoom.us/oauth/authorize' }, 'zoom'],
  [{ authorizeUrl: 'https://auth.atlassian.com/authorize' }, 'atlassian'],
  // Every provider by its token endpoint alone, as when only authorization_url is known.
  [{ tokenUrl: 'https://www.googleapis.com/oauth2/v4/token' }, 'google'],
  [{ tokenUrl: 'https://acme.eu.auth0.com/oauth/token' }, 'auth0'],
  [{ tokenUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token' }, 'entra'],
  [{ authorizeUrl: 'https://login.windows.net/common/oauth2/authorize' }, 'entra'],
  [{ authorizeUrl: 'https://login.microsoftonline.us/common/oauth2/v2.0/authorize' }, 'entra'],
  [{ authorizeUrl: 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize' }, 'entra'],
  [{ tokenUrl: 'https://acme.okta-emea.com/oauth2/default/v1/token' }, 'okta'],
  [{ authorizeUrl: 'https://test.salesforce.com/services/oauth2/authorize' }, 'salesforce'],
  [{ tokenUrl: 'https://slack.com/api/openid.connect.token' }, 'slack'],
  [{ tokenUrl: 'https://graph.facebook.com/v19.0/oauth/access_token' }, 'meta'],
  [{ tokenUrl: 'https://acme.auth.us-east-1.amazoncognito.com/oauth2/token' }, 'cognito'],
  [{ tokenUrl: 'https://zoom.us/oauth/token' }, 'zoom'],
  [{ tokenUrl: 'https://auth.atlassian.com/oauth/token' }, 'atlassian'],
  // Host names are compared case-insensitively.
  [{ authorizeUrl: 'https://ACCOUNTS.GOOGLE.COM/o/oauth2/v2/auth' }, 'google'],
  // A proxy on the plugin's own domain for the token endpoint: the authorization side still tells the provider.
  [{ authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth', tokenUrl: 'https://api.plugin.example/oauth/token' }, 'google'],
  [{ authorizeUrl: 'https://auth.plugin.example/authorize', tokenUrl: 'https://auth.plugin.example/token' }, undefined],
  [{ authorizeUrl: 'https://evil-okta.com/authorize' }, undefined],
  [{ authorizeUrl: 'https://github.com/settings/apps' }, undefined],
  // Look-alikes and other services of the same companies are not their OAuth endpoints.
  [{ authorizeUrl: 'https://www.googleapis.com/drive/v3/files' }, undefined],
  [{ authorizeUrl: 'https://slack.com/apps' }, undefined],
  [{ authorizeUrl: 'https://notslack.com/oauth/v2/authorize' }, undefined],
  [{ authorizeUrl: 'https://auth0.com.evil.example/authorize' }, undefined],
  [{ authorizeUrl: 'https://salesforce.com.evil.example/services/oauth2/authorize' }, undefined],
  // The simulated providers run on loopback: only PLUGIN_PROVIDER can name them (Keycloak's path is the exception).
  [{ authorizeUrl: 'http://127.0.0.1:40001/o/oauth2/v2/auth', tokenUrl: 'http://127.0.0.1:40001/token' }, undefined],
  [{ authorizeUrl: 'http://127.0.0.1:40001/realms/main/protocol/openid-connect/auth' }, 'keycloak'],
  [{ authorizeUrl: 'not a url' }, undefined],
  [{}, undefined],
];

test('detectProvider recognises the real hostnames and nothing else', () => {
  for (const [urls, expected] of DETECT) expect(detectProvider(urls), JSON.stringify(urls)).toBe(expected);
});

test('an explicit provider wins over detection', () => {
  expect(detectProvider({ authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth' }, 'keycloak')).toBe('keycloak');
  expect(detectProvider({ authorizeUrl: 'https://login.example.com/authorize' }, 'okta')).toBe('okta');
});

test('every provider has a refresh-token fix', () => {
  for (const p of PROVIDER_IDS) expect(providerFixForMissingRefreshToken(p).length).toBeGreaterThan(30);
  expect(providerFixForMissingRefreshToken('dropbox')).toContain('token_access_type=offline');
});

const NO_REFRESH = JSON.stringify({ access_token: 'provider-access-token-1', token_type: 'Bearer', expires_in: 3599 });
const WITH_REFRESH = JSON.stringify({ access_token: 'provider-access-token-1', token_type: 'Bearer', expires_in: 3599, refresh_token: 'provider-refresh-1' });

interface QuirkCase {
  name: string;
  input: ProviderQuirkInput;
  codes: FindingCode[];
  says?: string[];
  fixSays?: string[];
}

const QUIRKS: QuirkCase[] = [
  { name: 'Google without access_type', input: { provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth', scope: 'openid email' }, codes: ['PROVIDER_GOOGLE_OFFLINE_ACCESS'], says: ['no access_type parameter'] },
  { name: 'Google with access_type=online', input: { provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=online', scope: 'email' }, codes: ['PROVIDER_GOOGLE_OFFLINE_ACCESS'], says: ['access_type=online'] },
  { name: 'Google with offline access', input: { provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline&prompt=consent', scope: 'email' }, codes: [] },
  { name: 'Google offline with consent, no refresh token anyway', input: { provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline&prompt=consent%20select_account', scope: 'email', tokenResponseBody: NO_REFRESH }, codes: [] },
  { name: 'Google offline without prompt=consent, first install (refresh token issued)', input: { provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline', scope: 'email', tokenResponseBody: WITH_REFRESH }, codes: [] },
  {
    name: 'Google offline without prompt=consent, reinstall (no refresh token)',
    input: { provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline', scope: 'email', tokenResponseBody: NO_REFRESH },
    codes: ['PROVIDER_GOOGLE_OFFLINE_ACCESS'],
    says: ['access_type=offline but no prompt parameter', 'only the first time'],
  },
  { name: 'Google offline with prompt=select_account, reinstall', input: { provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline&prompt=select_account', scope: 'email', tokenResponseBody: NO_REFRESH }, codes: ['PROVIDER_GOOGLE_OFFLINE_ACCESS'], says: ['prompt=select_account'] },
  { name: 'Google offline without prompt, failed exchange (no evidence)', input: { provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline', scope: 'email', tokenResponseBody: JSON.stringify({ error: 'invalid_grant' }) }, codes: [] },
  { name: 'Auth0 without offline_access', input: { provider: 'auth0', authorizeUrl: 'https://acme.us.auth0.com/authorize', scope: 'openid profile email' }, codes: ['PROVIDER_AUTH0_OFFLINE_ACCESS'], says: ['scope "openid profile email"', 'no audience'] },
  { name: 'Auth0 with offline_access', input: { provider: 'auth0', authorizeUrl: 'https://acme.us.auth0.com/authorize?audience=https://api.acme.io', scope: 'openid offline_access' }, codes: [] },
  { name: 'Entra without offline_access', input: { provider: 'entra', authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', scope: 'User.Read' }, codes: ['PROVIDER_ENTRA_OFFLINE_ACCESS'] },
  { name: 'Entra with offline_access in client_url query', input: { provider: 'entra', authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?scope=offline_access%20User.Read', scope: '' }, codes: [] },
  { name: 'Okta with an empty scope', input: { provider: 'okta', authorizeUrl: 'https://dev-1.okta.com/oauth2/default/v1/authorize', scope: '' }, codes: ['PROVIDER_OKTA_OFFLINE_ACCESS'], says: ['an empty scope'] },
  { name: 'Okta with offline_access', input: { provider: 'okta', authorizeUrl: 'https://dev-1.okta.com/oauth2/default/v1/authorize', scope: 'openid offline_access' }, codes: [] },
  {
    name: 'Auth0 with offline_access, exchange without refresh token (API does not allow offline access)',
    input: { provider: 'auth0', authorizeUrl: 'https://acme.us.auth0.com/authorize', scope: 'notes:read offline_access', tokenResponseBody: NO_REFRESH },
    codes: ['PROVIDER_AUTH0_OFFLINE_ACCESS'],
    says: ['Allow Offline Access'],
  },
  {
    name: 'Okta with offline_access, exchange without refresh token (no Refresh Token grant)',
    input: { provider: 'okta', authorizeUrl: 'https://dev-1.okta.com/oauth2/default/v1/authorize', scope: 'openid offline_access', tokenResponseBody: NO_REFRESH },
    codes: ['PROVIDER_OKTA_OFFLINE_ACCESS'],
    says: ['Refresh Token grant'],
  },
  { name: 'Okta with offline_access, failed exchange (no evidence)', input: { provider: 'okta', authorizeUrl: 'https://dev-1.okta.com/oauth2/default/v1/authorize', scope: 'openid offline_access', tokenResponseBody: JSON.stringify({ error: 'invalid_grant' }) }, codes: [] },
  {
    name: 'Google behind an MCP server: the fix is the metadata the host reads, not a client_url',
    input: { provider: 'google', protocol: 'mcp', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth', scope: 'openid email' },
    codes: ['PROVIDER_GOOGLE_OFFLINE_ACCESS'],
    says: ['no access_type parameter'],
    fixSays: ['authorization_endpoint'],
  },
  {
    name: 'Entra behind an MCP server without offline_access: hosts ask for it only when the metadata lists it',
    input: { provider: 'entra', protocol: 'mcp', authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', scope: 'notes:read' },
    codes: ['PROVIDER_ENTRA_OFFLINE_ACCESS'],
    fixSays: ['scopes_supported'],
  },
  { name: 'Entra with offline_access, no refresh token: no console switch to name', input: { provider: 'entra', authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', scope: 'openid offline_access', tokenResponseBody: NO_REFRESH }, codes: [] },
  { name: 'Dropbox online', input: { provider: 'dropbox', authorizeUrl: 'https://www.dropbox.com/oauth2/authorize', scope: '' }, codes: ['PROVIDER_DROPBOX_OFFLINE'] },
  { name: 'Dropbox offline', input: { provider: 'dropbox', authorizeUrl: 'https://www.dropbox.com/oauth2/authorize?token_access_type=offline', scope: '' }, codes: [] },
  { name: 'Salesforce api only', input: { provider: 'salesforce', authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize', scope: 'api' }, codes: ['PROVIDER_SALESFORCE_REFRESH_SCOPE'] },
  { name: 'Salesforce with refresh_token scope', input: { provider: 'salesforce', authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize', scope: 'api refresh_token' }, codes: [] },
  { name: 'a refresh token already issued silences the switch checks', input: { provider: 'auth0', authorizeUrl: 'https://acme.us.auth0.com/authorize', scope: 'openid', tokenResponseBody: WITH_REFRESH }, codes: [] },
  { name: 'GitHub token endpoint', input: { provider: 'github', authorizeUrl: 'https://github.com/login/oauth/authorize', scope: 'repo' }, codes: ['PROVIDER_GITHUB_FORM_RESPONSE'] },
  { name: 'GitHub behind a JSON proxy', input: { provider: 'github', authorizeUrl: 'https://github.com/login/oauth/authorize', tokenUrl: 'https://api.plugin.example/github/token', scope: 'repo' }, codes: [] },
  {
    name: 'GitHub behind a proxy that answers JSON',
    input: { provider: 'github', authorizeUrl: 'https://github.com/login/oauth/authorize', tokenUrl: 'https://api.plugin.example/github/token', scope: 'repo', tokenResponseBody: JSON.stringify({ access_token: 'gho_abc', token_type: 'bearer', scope: 'repo' }) },
    codes: [],
  },
  {
    // GitHub Enterprise Server, or a simulated GitHub on loopback: the host name says nothing, the answer does.
    name: 'GitHub on an unrecognised host answering form-encoded',
    input: { provider: 'github', authorizeUrl: 'https://github.acme.io/login/oauth/authorize', tokenUrl: 'https://github.acme.io/login/oauth/access_token', scope: 'repo', tokenResponseBody: 'access_token=gho_abc&token_type=bearer&scope=repo' },
    codes: ['PROVIDER_GITHUB_FORM_RESPONSE'],
    says: ['https://github.acme.io/login/oauth/access_token answered the code exchange form-encoded'],
  },
  {
    name: 'Slack nested user token',
    input: {
      provider: 'slack',
      authorizeUrl: 'https://slack.com/oauth/v2/authorize',
      tokenUrl: 'https://slack.com/api/oauth.v2.access',
      scope: '',
      tokenResponseBody: JSON.stringify({ ok: true, authed_user: { id: 'U1', access_token: 'xoxp-1-2-3-abcdef' } }),
    },
    codes: ['PROVIDER_SLACK_NESTED_TOKEN'],
    says: ['authed_user.access_token'],
  },
  {
    name: 'Slack nested user token from an unrecognised host',
    input: {
      provider: 'slack',
      authorizeUrl: 'http://127.0.0.1:40001/oauth/v2/authorize',
      tokenUrl: 'http://127.0.0.1:40001/api/oauth.v2.access',
      scope: '',
      tokenResponseBody: JSON.stringify({ ok: true, authed_user: { id: 'U1', access_token: 'xoxp-1-2-3-abcdef' } }),
    },
    codes: ['PROVIDER_SLACK_NESTED_TOKEN'],
    says: ['http://127.0.0.1:40001/api/oauth.v2.access returned the user token at authed_user.access_token'],
  },
  { name: 'Slack behind a flattening proxy', input: { provider: 'slack', authorizeUrl: 'https://slack.com/oauth/v2/authorize', tokenUrl: 'https://api.plugin.example/slack/token', scope: '', tokenResponseBody: JSON.stringify({ access_token: 'xoxp-1', token_type: 'Bearer' }) }, codes: [] },
  { name: 'Slack with a top-level token', input: { provider: 'slack', authorizeUrl: 'https://slack.com/oauth/v2/authorize', scope: 'chat:write', tokenResponseBody: JSON.stringify({ ok: true, access_token: 'xoxb-1-2-abcdef' }) }, codes: [] },
  { name: 'Meta', input: { provider: 'meta', authorizeUrl: 'https://www.facebook.com/v19.0/dialog/oauth', scope: 'email', tokenResponseBody: NO_REFRESH }, codes: ['PROVIDER_META_NO_REFRESH'] },
  {
    name: 'Keycloak session-bound refresh token',
    input: { provider: 'keycloak', authorizeUrl: 'https://sso.acme.io/realms/main/protocol/openid-connect/auth', scope: 'openid', tokenResponseBody: JSON.stringify({ access_token: 'kc-access-1', refresh_expires_in: 1800, refresh_token: 'kc-refresh-1' }) },
    codes: ['PROVIDER_KEYCLOAK_SESSION_BOUND'],
    says: ['1800 s (30 min)'],
    fixSays: ['Request the offline_access scope'],
  },
  {
    name: 'Keycloak session-bound although offline_access was asked for (client scope not assigned)',
    input: { provider: 'keycloak', authorizeUrl: 'https://sso.acme.io/realms/main/protocol/openid-connect/auth', scope: 'notes:read offline_access', tokenResponseBody: JSON.stringify({ access_token: 'kc-access-1', refresh_expires_in: 1800, refresh_token: 'kc-refresh-1' }) },
    codes: ['PROVIDER_KEYCLOAK_SESSION_BOUND'],
    fixSays: ['assign the offline_access client scope'],
  },
  {
    name: 'Keycloak offline token (refresh_expires_in 0)',
    input: { provider: 'keycloak', authorizeUrl: 'https://sso.acme.io/realms/main/protocol/openid-connect/auth', scope: 'openid offline_access', tokenResponseBody: JSON.stringify({ refresh_expires_in: 0 }) },
    codes: [],
  },
  {
    name: 'Keycloak 30-day refresh',
    input: { provider: 'keycloak', authorizeUrl: 'https://sso.acme.io/realms/main/protocol/openid-connect/auth', scope: 'openid', tokenResponseBody: JSON.stringify({ refresh_expires_in: 2_592_000 }) },
    codes: [],
  },
  { name: 'Cognito has no §6 quirk', input: { provider: 'cognito', authorizeUrl: 'https://acme.auth.eu-west-1.amazoncognito.com/oauth2/authorize', scope: 'openid' }, codes: [] },
];

for (const c of QUIRKS) {
  test(`provider quirk: ${c.name} → ${c.codes.join(', ') || 'none'}`, () => {
    const drafts = checkProviderQuirks({ ...c.input, exchangeId: 'x7' });
    expect(drafts.map((d) => d.code)).toEqual(c.codes);
    for (const d of drafts) {
      expect(d.evidence).toEqual(['x7']);
      expect(d.fix.length).toBeGreaterThan(30);
    }
    for (const s of c.says ?? []) expect(drafts[0]?.message).toContain(s);
    for (const s of c.fixSays ?? []) expect(drafts[0]?.fix).toContain(s);
  });
}

test('a quirk draft without an exchange id carries no evidence', () => {
  const [d] = checkProviderQuirks({ provider: 'meta', authorizeUrl: 'https://www.facebook.com/dialog/oauth', scope: '' });
  expect(d?.evidence).toBeUndefined();
});
