import { test, expect } from '@playwright/test';
import { tokenRequestFields, type TokenRequestParams } from '../../../mock-host/oauth/token-request.ts';
import { PROFILES, profilesOf } from '../../../mock-host/profiles/registry.ts';
import { CLIENT_ID, CLIENT_SECRET, CODE, REDIRECT_URI, REFRESH_TOKEN, TOKEN_URL } from './token-harness.ts';

const RESOURCE = 'https://mcp.example.com/mcp';

function params(profile: (typeof PROFILES)[keyof typeof PROFILES], grant: 'authorization_code' | 'refresh_token', withSecret: boolean): TokenRequestParams {
  const common = {
    shape: profile.flow.token,
    timeoutMs: 1000,
    maxBodyBytes: 10_000,
    tokenUrl: TOKEN_URL,
    clientId: CLIENT_ID,
    ...(withSecret ? { clientSecret: CLIENT_SECRET } : {}),
    encoding: 'form' as const,
    authMethod: withSecret ? ('client_secret_post' as const) : ('none' as const),
  };
  return grant === 'authorization_code'
    ? { ...common, grant, code: CODE, redirectUri: REDIRECT_URI, codeVerifier: 'v'.repeat(43), resource: RESOURCE }
    : { ...common, grant, refreshToken: REFRESH_TOKEN, resource: RESOURCE };
}

// A client registered at a provider without DCR (Entra, Okta…) and pasted into the host has a secret: every MCP host
// sends it (Claude Code: `claude mcp add --client-id … --client-secret`), on the exchange and on refresh.
for (const id of profilesOf('mcp')) {
  for (const grant of ['authorization_code', 'refresh_token'] as const) {
    test(`${id}: a configured confidential client sends its secret on ${grant}; a public client sends none`, () => {
      const profile = PROFILES[id];
      const names = (withSecret: boolean) => tokenRequestFields(params(profile, grant, withSecret)).body.map(([name]) => name);
      expect(names(true)).toContain('client_secret');
      expect(tokenRequestFields(params(profile, grant, true)).body).toContainEqual(['client_secret', CLIENT_SECRET]);
      expect(names(false)).not.toContain('client_secret');
      expect(names(false)).toContain('client_id');
    });
  }
}
