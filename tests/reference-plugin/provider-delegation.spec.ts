import { resolveReferencePluginOptions, type ReferencePluginOptions } from '../../examples/reference-plugin/options.ts';
import type { RunningReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { startSimulatedProvider, type RunningSimulatedProvider } from '../../examples/simulated-providers/start.ts';
import { authorize, exchange, field } from '../simulated-providers/support.ts';
import { expect, test as base, type StartPlugin } from './support/fixtures.ts';
import { at, request } from './support/http.ts';
import { callApi } from './support/oauth.ts';

interface Delegating {
  plugin: RunningReferencePlugin;
  provider: RunningSimulatedProvider;
  /** A provider access token granted this scope. */
  tokenFor(scope: string): Promise<string>;
}

/** The reference plugin delegating OAuth to a simulated Okta (any preset would do: the API only sees JWTs). */
const test = base.extend<{ delegating: (options?: ReferencePluginOptions, extraAuthorizeQuery?: string) => Promise<Delegating> }>({
  delegating: async ({ startPlugin }: { startPlugin: StartPlugin }, use) => {
    const providers: RunningSimulatedProvider[] = [];
    await use(async (options = {}, extraAuthorizeQuery = '') => {
      const provider = await startSimulatedProvider('okta');
      providers.push(provider);
      const oauthProvider = { authorizeUrl: `${provider.authorizeUrl}${extraAuthorizeQuery}`, tokenUrl: provider.tokenUrl, jwksUrl: provider.jwksUrl, issuer: provider.issuerUrl };
      const plugin = await startPlugin({ ...options, oauthProvider });
      const tokenFor = async (scope: string) => field(await exchange(provider.tokenUrl, await authorize(provider.authorizeUrl, { scope })), 'access_token');
      return { plugin, provider, tokenFor };
    });
    await Promise.all(providers.map((p) => p.close()));
  },
});

test.describe('delegating OAuth to a provider (oauthProvider)', () => {
  test('without the option the plugin is its own authorization server, as before', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const manifest = await request(`${plugin.url}/.well-known/ai-plugin.json`);
    expect(at(manifest.json, 'auth', 'client_url')).toBe(`${plugin.url}/oauth/authorize`);
    expect(at(manifest.json, 'auth', 'authorization_url')).toBe(`${plugin.url}/oauth/token`);
    expect((await request(`${plugin.url}/oauth/authorize`)).status).not.toBe(404);
  });

  test("the manifest and OpenAPI document point at the provider; the plugin's own OAuth routes are gone", async ({ delegating }) => {
    const { plugin, provider } = await delegating({}, '?access_type=offline');
    const manifest = await request(`${plugin.url}/.well-known/ai-plugin.json`);
    expect(at(manifest.json, 'auth', 'client_url')).toBe(`${provider.authorizeUrl}?access_type=offline`);
    expect(at(manifest.json, 'auth', 'authorization_url')).toBe(provider.tokenUrl);
    expect(at(manifest.json, 'auth', 'scope')).toBe('todos:read todos:write');
    const openapi = await request(`${plugin.url}/openapi.json`);
    expect(at(openapi.json, 'components', 'securitySchemes', 'oauth', 'flows', 'authorizationCode')).toMatchObject({
      authorizationUrl: `${provider.authorizeUrl}?access_type=offline`,
      tokenUrl: provider.tokenUrl,
    });
    for (const path of ['/oauth/authorize', '/login']) expect((await request(`${plugin.url}${path}`)).status, path).toBe(404);
    expect((await request(`${plugin.url}/oauth/token`, { method: 'POST' })).status).toBe(404);
  });

  test("the API accepts the provider's access tokens, with their scope, as the provider's user", async ({ delegating }) => {
    const { plugin, tokenFor } = await delegating();
    const token = await tokenFor('openid todos:read todos:write');
    expect((await callApi(plugin, '/todos', { token })).status).toBe(200);
    expect((await callApi(plugin, '/todos', { token, method: 'POST', body: { text: 'from the provider' } })).status).toBe(201);
    expect((await callApi(plugin, '/me', { token })).json).toEqual({ id: 'provider:johndoe', username: 'provider:johndoe', scope: 'openid todos:read todos:write' });
    const readOnly = await tokenFor('todos:read');
    expect((await callApi(plugin, '/todos', { token: readOnly, method: 'POST', body: { text: 'x' } })).status).toBe(403);
  });

  test("garbage, another provider's tokens and expired ones get 401 invalid_token", async ({ delegating }) => {
    const { plugin, tokenFor } = await delegating();
    const garbage = await callApi(plugin, '/todos', { token: 'not-a-jwt' });
    expect(garbage.status).toBe(401);
    expect(garbage.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const stranger = await startSimulatedProvider('okta');
    try {
      const foreign = field(await exchange(stranger.tokenUrl, await authorize(stranger.authorizeUrl, { scope: 'todos:read' })), 'access_token');
      expect((await callApi(plugin, '/todos', { token: foreign })).status, 'signed with keys the plugin does not trust').toBe(401);
    } finally {
      await stranger.close();
    }

    const token = await tokenFor('todos:read');
    plugin.clock.advance(3601);
    const expired = await callApi(plugin, '/todos', { token });
    expect(expired.status).toBe(401);
    expect(at(expired.json, 'error_description')).toBe('The access token expired');
  });

  test('API faults still apply in front of a provider', async ({ delegating }) => {
    const { plugin, tokenFor } = await delegating({ faults: ['accept-expired-tokens', 'api-401-no-challenge'] });
    const token = await tokenFor('todos:read');
    plugin.clock.advance(3601);
    expect((await callApi(plugin, '/todos', { token })).status).toBe(200);
    expect((await callApi(plugin, '/todos', { token: 'garbage' })).headers.get('www-authenticate')).toBeNull();
  });

  test("faults of the plugin's own authorization server are refused with a provider", () => {
    const oauthProvider = { authorizeUrl: 'https://idp.example/authorize', tokenUrl: 'https://idp.example/token', jwksUrl: 'https://idp.example/jwks' };
    expect(() => resolveReferencePluginOptions({ oauthProvider, faults: ['no-refresh-token', 'drop-state'] })).toThrow(
      "faults no-refresh-token, drop-state change the plugin's own authorization server, which oauthProvider replaces",
    );
    expect(resolveReferencePluginOptions({ oauthProvider, faults: ['slow-api'] }).oauthProvider).toEqual(oauthProvider);
    expect(() => resolveReferencePluginOptions({ oauthProvider: { ...oauthProvider, jwksUrl: 'not a url' } })).toThrow(/jwksUrl/);
  });
});
