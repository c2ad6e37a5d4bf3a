import { test, expect } from '@playwright/test';
import { detectProvider, isProviderTokenEndpoint } from '../../../mock-host/checks/provider/detect-provider.ts';
import { checkKeycloakSessionBound } from '../../../mock-host/checks/provider/keycloak-session.ts';
import { checkMetaNoRefresh } from '../../../mock-host/checks/provider/meta-no-refresh.ts';
import { describeEndpoint, hostIs, hostUnder, parseUrl, scopeItems } from '../../../mock-host/checks/provider/provider-urls.ts';
import type { ProviderQuirkInput } from '../../../mock-host/checks/provider/quirk-input.ts';
import { checkRefreshSwitches } from '../../../mock-host/checks/provider/refresh-switches.ts';
import { fixForMissingRefreshToken, providerFixForMissingRefreshToken } from '../../../mock-host/checks/provider/refresh-token-fix.ts';
import { checkGithubFormResponse, checkSlackNestedToken } from '../../../mock-host/checks/provider/response-shape-quirks.ts';
import { hasTopLevelRefreshToken, topLevelJsonFields } from '../../../mock-host/checks/provider/token-body-fields.ts';

// Whole drafts of the provider checks and the behaviour of their helpers (issue 14's mutation score).
const NO_REFRESH = JSON.stringify({ access_token: 'at-1', token_type: 'Bearer', expires_in: 3599 });
const WITH_REFRESH = JSON.stringify({ access_token: 'at-1', refresh_token: 'rt-1' });
const q = (input: Omit<ProviderQuirkInput, 'exchangeId'>): ProviderQuirkInput => ({ ...input, exchangeId: 'x7' });

test.describe('provider URL helpers', () => {
  test('parseUrl, hostIs, hostUnder, scopeItems, describeEndpoint', () => {
    expect(parseUrl(undefined)).toBeUndefined();
    expect(parseUrl('')).toBeUndefined();
    expect(parseUrl('not a url')).toBeUndefined();
    expect(parseUrl('https://a.example/x')?.href).toBe('https://a.example/x');
    const u = new URL('https://Login.Example.com/x');
    expect(hostIs(u, 'other.example', 'login.example.com')).toBe(true);
    expect(hostIs(u, 'example.com')).toBe(false);
    expect(hostUnder(new URL('https://example.com/'), 'example.com')).toBe(true);
    expect(hostUnder(u, 'example.com')).toBe(true);
    expect(hostUnder(new URL('https://evilexample.com/'), 'example.com')).toBe(false);
    expect(hostUnder(new URL('https://example.com.evil/'), 'example.com')).toBe(false);
    expect([...scopeItems('a b', 'c,d+e', null, undefined, '  f  ,,')]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(scopeItems().size).toBe(0);
    expect(describeEndpoint(new URL('https://a.example:8443/auth?secret=1#h'))).toBe('https://a.example:8443/auth');
  });

  test('token body fields', () => {
    expect(topLevelJsonFields(undefined)).toBeUndefined();
    expect(topLevelJsonFields('')).toBeUndefined();
    expect(topLevelJsonFields('{')).toBeUndefined();
    expect(topLevelJsonFields('[1]')).toBeUndefined();
    expect(topLevelJsonFields('"x"')).toBeUndefined();
    expect(topLevelJsonFields('{"a":1}')).toEqual({ a: 1 });
    expect(hasTopLevelRefreshToken(WITH_REFRESH)).toBe(true);
    expect(hasTopLevelRefreshToken(NO_REFRESH)).toBe(false);
    expect(hasTopLevelRefreshToken('{"refresh_token":""}')).toBe(false);
    expect(hasTopLevelRefreshToken('{"refresh_token":5}')).toBe(false);
    expect(hasTopLevelRefreshToken(undefined)).toBe(false);
  });

  test('detection: the token URL is read when the authorization URL says nothing; provider endpoints', () => {
    expect(detectProvider({ authorizeUrl: 'not a url', tokenUrl: 'https://oauth2.googleapis.com/token' })).toBe('google');
    expect(detectProvider({ authorizeUrl: 'https://auth.plugin.example/authorize', tokenUrl: 'https://slack.com/api/oauth.v2.access' })).toBe('slack');
    expect(detectProvider({ authorizeUrl: 'https://www.googleapis.com/oauth2/v4/token' })).toBe('google');
    expect(detectProvider({ authorizeUrl: 'https://www.googleapis.com/drive/oauth2/' })).toBeUndefined();
    expect(detectProvider({ authorizeUrl: 'https://github.com/login/oauth/authorize' })).toBe('github');
    expect(detectProvider({ authorizeUrl: 'https://gist.github.com/login/oauth/authorize' })).toBeUndefined();
    expect(detectProvider({ authorizeUrl: 'https://github.com/x/login/oauth/' })).toBeUndefined();
    expect(detectProvider({ authorizeUrl: 'https://slack.com/x/oauth/' })).toBeUndefined();
    expect(detectProvider({ authorizeUrl: 'https://acme.slack.com/openid/connect/authorize' })).toBe('slack');
    expect(detectProvider({ authorizeUrl: 'https://slack.com/api/openid.connect.token' })).toBe('slack');
    expect(detectProvider({ authorizeUrl: 'https://sso.acme.io/x/realms/main/protocol/openid-connect/auth' })).toBe('keycloak');
    expect(detectProvider({ authorizeUrl: 'https://sso.acme.io/realms//protocol/openid-connect/auth' })).toBeUndefined();
    expect(detectProvider({ authorizeUrl: 'https://facebook.com/dialog/oauth' })).toBe('meta');
    expect(detectProvider({ authorizeUrl: 'https://eu.zoom.us/oauth/authorize' })).toBe('zoom');
    expect(detectProvider({ authorizeUrl: 'https://api.atlassian.com/authorize' })).toBeUndefined();
    expect(detectProvider({ authorizeUrl: 'https://ciamlogin.com/x' })).toBe('entra');
    expect(detectProvider({ authorizeUrl: 'https://login.partner.microsoftonline.cn/x' })).toBe('entra');
    expect(detectProvider({ authorizeUrl: 'https://dropbox.com/oauth2/authorize' })).toBe('dropbox');
    expect(detectProvider({ tokenUrl: 'https://api.dropbox.com/oauth2/token' })).toBe('dropbox');
    expect(detectProvider({ authorizeUrl: 'https://www.github.com/login/oauth/authorize' })).toBe('github');
    expect(detectProvider({ authorizeUrl: 'https://ACME.OKTA.COM/x' })).toBe('okta');
    expect(detectProvider({ authorizeUrl: 'https://ACME.AUTH0.COM/x' })).toBe('auth0');
    expect(detectProvider({ authorizeUrl: 'https://X.AMAZONCOGNITO.COM/x' })).toBe('cognito');
    expect(detectProvider({ authorizeUrl: 'https://ACME.MY.SALESFORCE.COM/x' })).toBe('salesforce');
    expect(isProviderTokenEndpoint('github', 'https://github.com/login/oauth/access_token')).toBe(true);
    expect(isProviderTokenEndpoint('github', 'https://api.plugin.example/token')).toBe(false);
    expect(isProviderTokenEndpoint('google', 'https://github.com/login/oauth/access_token')).toBe(false);
    expect(isProviderTokenEndpoint('github', 'not a url')).toBe(false);
  });

  test('refresh-token fixes: the MCP variant where there is one, the provider\'s otherwise, generic without a provider', () => {
    expect(providerFixForMissingRefreshToken('google', 'mcp')).toContain('MCP hosts build the authorization URL');
    expect(providerFixForMissingRefreshToken('google')).toBe(providerFixForMissingRefreshToken('google', 'plugin'));
    expect(providerFixForMissingRefreshToken('google')).toContain('Add access_type=offline and prompt=consent');
    expect(providerFixForMissingRefreshToken('zoom', 'mcp')).toBe(providerFixForMissingRefreshToken('zoom'));
    expect(fixForMissingRefreshToken('zoom')).toBe(providerFixForMissingRefreshToken('zoom'));
    expect(fixForMissingRefreshToken(undefined)).toContain('Return a refresh_token with every access token that has expires_in');
  });
});

test.describe('refresh switches', () => {
  test('Google: whole drafts for a missing access_type and a skipped consent', () => {
    expect(checkRefreshSwitches(q({ provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=c', scope: 'email' }))).toEqual([{
      code: 'PROVIDER_GOOGLE_OFFLINE_ACCESS',
      message: 'the Google authorization URL https://accounts.google.com/o/oauth2/v2/auth has no access_type parameter, so Google returns no refresh_token',
      fix: providerFixForMissingRefreshToken('google'),
      evidence: ['x7'],
    }]);
    expect(checkRefreshSwitches(q({ provider: 'google', protocol: 'mcp', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=online', scope: 'email' }))).toEqual([{
      code: 'PROVIDER_GOOGLE_OFFLINE_ACCESS',
      message: 'the Google authorization URL https://accounts.google.com/o/oauth2/v2/auth has access_type=online, so Google returns no refresh_token',
      fix: providerFixForMissingRefreshToken('google', 'mcp'),
      evidence: ['x7'],
    }]);
    expect(checkRefreshSwitches(q({ provider: 'google', protocol: 'mcp', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline&prompt=select_account', scope: 'email', tokenResponseBody: NO_REFRESH }))).toEqual([{
      code: 'PROVIDER_GOOGLE_OFFLINE_ACCESS',
      message: 'the Google authorization URL https://accounts.google.com/o/oauth2/v2/auth has access_type=offline but prompt=select_account, and this exchange returned no refresh_token: Google issues one only when its consent screen is shown, which without prompt=consent happens only the first time a user authorizes the app, so reinstalls get none',
      fix: providerFixForMissingRefreshToken('google', 'mcp'),
      evidence: ['x7'],
    }]);
    expect(checkRefreshSwitches(q({ provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline&prompt=select_account%20consent', scope: 'email', tokenResponseBody: NO_REFRESH }))).toEqual([]);
    expect(checkRefreshSwitches(q({ provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline&prompt=consented', scope: 'email', tokenResponseBody: NO_REFRESH }))).toHaveLength(1);
    expect(checkRefreshSwitches(q({ provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline', scope: 'email' }))).toEqual([]);
    expect(checkRefreshSwitches(q({ provider: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline', scope: 'email', tokenResponseBody: '{"access_token":7}' }))).toEqual([]);
  });

  test('an unparseable authorization URL is shown as configured', () => {
    expect(checkRefreshSwitches(q({ provider: 'google', authorizeUrl: 'accounts.google.com/auth', scope: '' }))[0]?.message).toBe(
      'the Google authorization URL accounts.google.com/auth has no access_type parameter, so Google returns no refresh_token',
    );
  });

  test('Dropbox', () => {
    expect(checkRefreshSwitches(q({ provider: 'dropbox', authorizeUrl: 'https://www.dropbox.com/oauth2/authorize', scope: '' }))).toEqual([{
      code: 'PROVIDER_DROPBOX_OFFLINE',
      message: 'the Dropbox authorization URL https://www.dropbox.com/oauth2/authorize has no token_access_type parameter, so Dropbox issues only short-lived access tokens and no refresh_token',
      fix: providerFixForMissingRefreshToken('dropbox'),
      evidence: ['x7'],
    }]);
    expect(checkRefreshSwitches(q({ provider: 'dropbox', authorizeUrl: 'https://www.dropbox.com/oauth2/authorize?token_access_type=online', scope: '' }))[0]?.message).toBe(
      'the Dropbox authorization URL https://www.dropbox.com/oauth2/authorize has token_access_type=online, so Dropbox issues only short-lived access tokens and no refresh_token',
    );
    expect(checkRefreshSwitches(q({ provider: 'dropbox', authorizeUrl: 'https://www.dropbox.com/oauth2/authorize?token_access_type=offline', scope: '' }))).toEqual([]);
  });

  test('Auth0, Entra, Okta without offline_access', () => {
    expect(checkRefreshSwitches(q({ provider: 'auth0', authorizeUrl: 'https://acme.auth0.com/authorize', scope: 'openid profile' }))).toEqual([{
      code: 'PROVIDER_AUTH0_OFFLINE_ACCESS',
      message: 'Auth0 (https://acme.auth0.com/authorize) is asked for scope "openid profile", without offline_access, so it issues no refresh_token; the authorization URL also has no audience parameter',
      fix: providerFixForMissingRefreshToken('auth0'),
      evidence: ['x7'],
    }]);
    expect(checkRefreshSwitches(q({ provider: 'auth0', authorizeUrl: 'https://acme.auth0.com/authorize?audience=https://api', scope: 'openid' }))[0]?.message).toBe(
      'Auth0 (https://acme.auth0.com/authorize) is asked for scope "openid", without offline_access, so it issues no refresh_token',
    );
    expect(checkRefreshSwitches(q({ provider: 'entra', protocol: 'mcp', authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', scope: '  ' }))).toEqual([{
      code: 'PROVIDER_ENTRA_OFFLINE_ACCESS',
      message: 'Microsoft Entra (https://login.microsoftonline.com/common/oauth2/v2.0/authorize) is asked for an empty scope, without offline_access, so it issues no refresh_token',
      fix: providerFixForMissingRefreshToken('entra', 'mcp'),
      evidence: ['x7'],
    }]);
    expect(checkRefreshSwitches(q({ provider: 'okta', authorizeUrl: 'https://dev-1.okta.com/oauth2/default/v1/authorize', scope: 'openid' }))).toEqual([{
      code: 'PROVIDER_OKTA_OFFLINE_ACCESS',
      message: 'Okta (https://dev-1.okta.com/oauth2/default/v1/authorize) is asked for scope "openid", without offline_access, so it issues no refresh_token',
      fix: providerFixForMissingRefreshToken('okta'),
      evidence: ['x7'],
    }]);
  });

  test('offline_access asked for and ignored: the console switch', () => {
    expect(checkRefreshSwitches(q({ provider: 'auth0', authorizeUrl: 'https://acme.auth0.com/authorize', scope: 'openid offline_access', tokenResponseBody: NO_REFRESH }))).toEqual([{
      code: 'PROVIDER_AUTH0_OFFLINE_ACCESS',
      message: 'Auth0 (https://acme.auth0.com/authorize) was asked for offline_access and the code exchange returned no refresh_token: "Allow Offline Access" is off on the Auth0 API (it is off by default), so Auth0 accepts offline_access and silently issues no refresh_token',
      fix: 'Turn on "Allow Offline Access" in the Auth0 API\'s settings (Applications → APIs → <your API> → Settings → Access Settings); offline_access is already requested.',
      evidence: ['x7'],
    }]);
    expect(checkRefreshSwitches(q({ provider: 'okta', authorizeUrl: 'https://dev-1.okta.com/authorize?scope=offline_access', scope: '', tokenResponseBody: NO_REFRESH }))).toEqual([{
      code: 'PROVIDER_OKTA_OFFLINE_ACCESS',
      message: 'Okta (https://dev-1.okta.com/authorize) was asked for offline_access and the code exchange returned no refresh_token: the Okta application does not allow the Refresh Token grant, so Okta issues no refresh_token',
      fix: 'Enable the Refresh Token grant type on the Okta application (General → Grant type), and allow it in the authorization server\'s access policy rule; offline_access is already requested.',
      evidence: ['x7'],
    }]);
    expect(checkRefreshSwitches(q({ provider: 'okta', authorizeUrl: 'https://dev-1.okta.com/authorize', scope: 'offline_access' }))).toEqual([]);
    expect(checkRefreshSwitches(q({ provider: 'entra', authorizeUrl: 'https://login.microsoftonline.com/x', scope: 'offline_access', tokenResponseBody: NO_REFRESH }))).toEqual([]);
  });

  test('Salesforce, and providers without a switch', () => {
    expect(checkRefreshSwitches(q({ provider: 'salesforce', authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize', scope: 'api' }))).toEqual([{
      code: 'PROVIDER_SALESFORCE_REFRESH_SCOPE',
      message: 'Salesforce (https://login.salesforce.com/services/oauth2/authorize) is asked for scope "api", without refresh_token or offline_access, so it issues no refresh_token',
      fix: providerFixForMissingRefreshToken('salesforce'),
      evidence: ['x7'],
    }]);
    expect(checkRefreshSwitches(q({ provider: 'salesforce', authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize', scope: 'api offline_access' }))).toEqual([]);
    expect(checkRefreshSwitches(q({ provider: 'salesforce', authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize', scope: 'api,refresh_token' }))).toEqual([]);
    expect(checkRefreshSwitches(q({ provider: 'zoom', authorizeUrl: 'https://zoom.us/oauth/authorize', scope: '' }))).toEqual([]);
    expect(checkRefreshSwitches(q({ provider: 'okta', authorizeUrl: 'https://dev-1.okta.com/authorize', scope: 'openid', tokenResponseBody: WITH_REFRESH }))).toEqual([]);
  });
});

test.describe('response shape quirks', () => {
  const fix = 'Put a small token endpoint on your own domain that forwards to GitHub with Accept: application/json and answers the host with RFC 6749 JSON (400 for errors); point authorization_url at it.';

  test('GitHub: its own endpoint, a form-encoding look-alike, a JSON proxy', () => {
    expect(checkGithubFormResponse(q({ provider: 'github', authorizeUrl: 'https://github.com/login/oauth/authorize', scope: 'repo' }))).toEqual([{
      code: 'PROVIDER_GITHUB_FORM_RESPONSE',
      message: 'the token endpoint is GitHub\'s own (https://github.com/login/oauth/access_token), which answers application/x-www-form-urlencoded unless the request sends Accept: application/json, and reports errors such as bad_verification_code with HTTP 200',
      fix,
      evidence: ['x7'],
    }]);
    expect(checkGithubFormResponse(q({ provider: 'github', authorizeUrl: 'https://ghe.acme.io/login/oauth/authorize', tokenUrl: 'https://ghe.acme.io/login/oauth/access_token', scope: 'repo', tokenResponseBody: 'access_token=gho_1&token_type=bearer' }))).toEqual([{
      code: 'PROVIDER_GITHUB_FORM_RESPONSE',
      message: 'the token endpoint https://ghe.acme.io/login/oauth/access_token answered the code exchange form-encoded, as GitHub\'s own does: it answers application/x-www-form-urlencoded unless the request sends Accept: application/json, and reports errors such as bad_verification_code with HTTP 200',
      fix,
      evidence: ['x7'],
    }]);
    expect(checkGithubFormResponse(q({ provider: 'github', authorizeUrl: 'https://github.com/login/oauth/authorize', tokenUrl: 'https://github.com/login/oauth/access_token', scope: 'repo', tokenResponseBody: '{"access_token":"gho_1"}' }))[0]?.message).toContain('GitHub\'s own (https://github.com/login/oauth/access_token)');
    expect(checkGithubFormResponse(q({ provider: 'github', authorizeUrl: 'https://github.com/login/oauth/authorize', tokenUrl: 'https://proxy.example/token', scope: 'repo', tokenResponseBody: '{"access_token":"gho_1"}' }))).toEqual([]);
    expect(checkGithubFormResponse(q({ provider: 'slack', authorizeUrl: 'https://github.com/login/oauth/authorize', scope: 'repo' }))).toEqual([]);
  });

  test('Slack: nested user token, the oauth.v2 endpoint, a flattening proxy', () => {
    const fix2 = 'Put a token endpoint on your domain that calls oauth.v2.access and answers with authed_user\'s access_token, refresh_token and expires_in at the top level; point authorization_url at it.';
    const nested = JSON.stringify({ ok: true, authed_user: { access_token: 'xoxp-1' } });
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'https://slack.com/oauth/v2/authorize', scope: '', tokenResponseBody: nested }))).toEqual([{
      code: 'PROVIDER_SLACK_NESTED_TOKEN',
      message: 'Slack oauth.v2.access returned the user token at authed_user.access_token and no top-level access_token, so the host stores nothing',
      fix: fix2,
      evidence: ['x7'],
    }]);
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'https://slack.com/oauth/v2/authorize', tokenUrl: 'https://proxy.example/slack', scope: '', tokenResponseBody: nested }))[0]?.message).toBe(
      'the token endpoint https://proxy.example/slack returned the user token at authed_user.access_token and no top-level access_token, so the host stores nothing',
    );
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'https://slack.com/oauth/v2/authorize', tokenUrl: 'https://slack.com/api/oauth.v2.access', scope: '' }))).toEqual([{
      code: 'PROVIDER_SLACK_NESTED_TOKEN',
      message: 'the token endpoint is Slack oauth.v2.access, which returns user tokens under authed_user instead of at the top level where the host reads them',
      fix: fix2,
      evidence: ['x7'],
    }]);
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'https://slack.com/oauth/v2/authorize', scope: '' }))).toHaveLength(1);
    // Slack's older oauth.access, a proxy, and answers whose authed_user carries no token are not this quirk.
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'https://slack.com/oauth/authorize', tokenUrl: 'https://slack.com/api/oauth.access', scope: '' }))).toEqual([]);
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'https://slack.com/oauth/v2/authorize', tokenUrl: 'https://proxy.example/api/oauth.v2.access', scope: '' }))).toEqual([]);
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'x', tokenUrl: 'https://proxy.example/t', scope: '', tokenResponseBody: JSON.stringify({ ok: true, authed_user: { id: 'U1' } }) }))).toEqual([]);
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'x', tokenUrl: 'https://proxy.example/t', scope: '', tokenResponseBody: JSON.stringify({ ok: true, authed_user: null }) }))).toEqual([]);
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'x', tokenUrl: 'https://proxy.example/t', scope: '', tokenResponseBody: JSON.stringify({ ok: true, authed_user: 'access_token' }) }))).toEqual([]);
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'x', tokenUrl: 'https://proxy.example/t', scope: '', tokenResponseBody: JSON.stringify({ access_token: 5, authed_user: { access_token: 'xoxp-1' } }) }))).toHaveLength(1);
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'x', scope: '', tokenResponseBody: JSON.stringify({ access_token: 'xoxb-1', authed_user: { access_token: 'xoxp-1' } }) }))).toEqual([]);
    expect(checkSlackNestedToken(q({ provider: 'github', authorizeUrl: 'x', scope: '', tokenResponseBody: nested }))).toEqual([]);
  });
});

test.describe('Meta and Keycloak', () => {
  test('Meta issues no refresh tokens, unless a proxy already does', () => {
    expect(checkMetaNoRefresh(q({ provider: 'meta', authorizeUrl: 'https://www.facebook.com/dialog/oauth', scope: '' }))).toEqual([{
      code: 'PROVIDER_META_NO_REFRESH',
      message: 'the OAuth endpoints are Facebook/Meta\'s, which issue no refresh tokens: users lose access when the access token expires (1–2 h, or ~60 days for a long-lived token)',
      fix: providerFixForMissingRefreshToken('meta'),
      evidence: ['x7'],
    }]);
    expect(checkMetaNoRefresh(q({ provider: 'meta', authorizeUrl: 'x', scope: '', tokenResponseBody: WITH_REFRESH }))).toEqual([]);
    expect(checkMetaNoRefresh(q({ provider: 'google', authorizeUrl: 'x', scope: '' }))).toEqual([]);
  });

  test('Keycloak session-bound refresh tokens: the bounds, the duration, the two fixes', () => {
    const kc = (refreshExpiresIn: unknown, scope = 'openid') => checkKeycloakSessionBound(q({ provider: 'keycloak', authorizeUrl: 'x', scope, tokenResponseBody: JSON.stringify({ refresh_expires_in: refreshExpiresIn }) }));
    const noOffline = 'Request the offline_access scope (offline tokens outlive the SSO session; MCP hosts ask for it when the metadata lists it in scopes_supported), or raise "SSO Session Idle" and "SSO Session Max" in the realm settings.';
    expect(kc(1800)).toEqual([{
      code: 'PROVIDER_KEYCLOAK_SESSION_BOUND',
      message: 'Keycloak\'s refresh_expires_in is 1800 s (30 min): the refresh token is bound to the SSO session and stops working after that much idle time, so users who come back later must sign in again',
      fix: noOffline,
      evidence: ['x7'],
    }]);
    expect(kc('36000', 'openid  offline_access')).toEqual([{
      code: 'PROVIDER_KEYCLOAK_SESSION_BOUND',
      message: 'Keycloak\'s refresh_expires_in is 36000 s (10 h): the refresh token is bound to the SSO session and stops working after that much idle time, so users who come back later must sign in again',
      fix: 'offline_access was requested and Keycloak still bound the refresh token to the SSO session: assign the offline_access client scope to the client (Client scopes tab) and give users the offline_access role, or raise "SSO Session Idle" and "SSO Session Max" in the realm settings.',
      evidence: ['x7'],
    }]);
    expect(kc(3600)[0]?.message).toContain('3600 s (1 h)');
    expect(kc(3599)[0]?.message).toContain('3599 s (60 min)');
    expect(kc(5400)[0]?.message).toContain('5400 s (1.5 h)');
    expect(kc(90)[0]?.message).toContain('90 s (1.5 min)');
    expect(kc(' 600 ')[0]?.message).toContain('600 s (10 min)');
    expect(kc(1)).toHaveLength(1);
    expect(kc(86_399)).toHaveLength(1);
    expect(kc(86_400)).toEqual([]);
    expect(kc(0)).toEqual([]);
    expect(kc(-5)).toEqual([]);
    expect(kc('12a')).toEqual([]);
    expect(kc('a12')).toEqual([]);
    expect(kc(null)).toEqual([]);
    expect(checkKeycloakSessionBound(q({ provider: 'keycloak', authorizeUrl: 'x', scope: '' }))).toEqual([]);
    expect(checkKeycloakSessionBound(q({ provider: 'okta', authorizeUrl: 'x', scope: '', tokenResponseBody: JSON.stringify({ refresh_expires_in: 1800 }) }))).toEqual([]);
  });
});

test.describe('mutation survivors: unparseable URLs, several domains', () => {
  test('Dropbox and Auth0 with an authorization URL that does not parse', () => {
    expect(checkRefreshSwitches(q({ provider: 'dropbox', authorizeUrl: 'dropbox/authorize', scope: '' }))[0]?.message).toBe(
      'the Dropbox authorization URL dropbox/authorize has no token_access_type parameter, so Dropbox issues only short-lived access tokens and no refresh_token',
    );
    expect(checkRefreshSwitches(q({ provider: 'auth0', authorizeUrl: 'auth0/authorize', scope: 'openid' }))[0]?.message).toBe(
      'Auth0 (auth0/authorize) is asked for scope "openid", without offline_access, so it issues no refresh_token; the authorization URL also has no audience parameter',
    );
  });

  test('Slack with a token URL that does not parse, answering a nested token', () => {
    const nested = JSON.stringify({ ok: true, authed_user: { access_token: 'xoxp-1' } });
    expect(checkSlackNestedToken(q({ provider: 'slack', authorizeUrl: 'x', tokenUrl: 'not a url', scope: '', tokenResponseBody: nested }))[0]?.message).toBe(
      'the token endpoint not a url returned the user token at authed_user.access_token and no top-level access_token, so the host stores nothing',
    );
  });

  test('hostUnder matches any of its domains; www.dropbox.com alone is Dropbox', () => {
    expect(hostUnder(new URL('https://login.example.com/'), 'other.example', 'example.com')).toBe(true);
    expect(detectProvider({ authorizeUrl: 'https://www.dropbox.com/oauth2/authorize' })).toBe('dropbox');
  });
});
