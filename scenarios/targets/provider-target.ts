import { z } from 'zod';
import type { ProviderId } from '../../mock-host/model/provider-id.ts';
import { referencePluginOptionsSchema, type ResolvedReferencePluginOptions } from '../../examples/reference-plugin/options.ts';
import { presetNameSchema } from '../../examples/simulated-providers/presets/index.ts';
import type { startSimulatedProvider } from '../../examples/simulated-providers/start.ts';
import { referenceSettings } from '../reference-target.ts';
import { defineTargetKind } from './simulated-target.ts';

// Stands in for the provider's URLs while the plugin options are validated at load time (the provider is not up).
const NOT_STARTED = { authorizeUrl: 'http://127.0.0.1/authorize', tokenUrl: 'http://127.0.0.1/token', jwksUrl: 'http://127.0.0.1/jwks' };

const schema = z
  .strictObject({
    preset: presetNameSchema.describe('the provider preset of examples/simulated-providers'),
    request: z
      .record(z.string(), z.string())
      .default({})
      .describe("extra parameters on the manifest's client_url (the provider's authorization URL), e.g. access_type: offline"),
    plugin: z.record(z.string(), z.unknown()).default({}).describe('options (faults among them) of the reference plugin in front of the provider'),
  })
  .transform((v, ctx) => {
    if ('oauthProvider' in v.plugin) {
      ctx.addIssue({ code: 'custom', path: ['plugin', 'oauthProvider'], message: 'plugin.oauthProvider: set by the provider target, not the scenario' });
      return z.NEVER;
    }
    // Validated with a provider in place, so a fault that only changes the plugin's own OAuth server is refused now.
    const checked = referencePluginOptionsSchema.safeParse({ ...v.plugin, oauthProvider: NOT_STARTED });
    if (!checked.success) {
      for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: `plugin.${issue.path.join('.')}: ${issue.message}` });
      return z.NEVER;
    }
    const { oauthProvider: _placeholder, ...plugin } = checked.data;
    return { preset: v.preset, request: v.request, plugin };
  });

function withParameters(url: string, extra: Readonly<Record<string, string>>): string {
  const out = new URL(url);
  for (const [name, value] of Object.entries(extra)) out.searchParams.set(name, value);
  return out.toString();
}

async function startPluginInFront(plugin: Omit<ResolvedReferencePluginOptions, 'oauthProvider'>, provider: Awaited<ReturnType<typeof startSimulatedProvider>>, request: Record<string, string>) {
  const { startReferencePlugin } = await import('../../examples/reference-plugin/start.ts');
  return startReferencePlugin({
    ...plugin,
    oauthProvider: { authorizeUrl: withParameters(provider.authorizeUrl, request), tokenUrl: provider.tokenUrl, jwksUrl: provider.jwksUrl, issuer: provider.issuerUrl },
  });
}

/**
 * `target: { provider: { preset: google, request: {access_type: offline}, plugin: {...} } }`: the reference plugin
 * delegating OAuth to a simulated provider (oauth2-mock-server with a preset). The provider runs on loopback, where
 * hostname detection cannot see who it imitates, so the settings name the provider explicitly (PLUGIN_PROVIDER).
 */
export const providerTarget = defineTargetKind({
  key: 'provider',
  schema,
  async start(spec, base) {
    // Loaded when a test starts one, so a run that never does (PLUGIN_URL) never loads the servers.
    const { startSimulatedProvider } = await import('../../examples/simulated-providers/start.ts');
    const provider = await startSimulatedProvider(spec.preset, { client: { id: spec.plugin.clientId, secret: spec.plugin.clientSecret } });
    try {
      const plugin = await startPluginInFront(spec.plugin, provider, spec.request);
      const provided: ProviderId = spec.preset;
      return {
        origin: plugin.url,
        settings: { ...referenceSettings({ ...base, url: undefined }, plugin), provider: provided },
        // Both sides judge token lifetimes on their own clock: expiry probes must move them together.
        targetClock: {
          advance(seconds: number) {
            plugin.clock.advance(seconds);
            provider.clock.advance(seconds);
          },
        },
        close: async () => {
          await plugin.close();
          await provider.close();
        },
      };
    } catch (error) {
      await provider.close();
      throw error;
    }
  },
  describe({ preset, request, plugin }) {
    const params = Object.entries(request).map(([name, value]) => `${name}=${value}`);
    const scope = plugin.scope ? `scope "${plugin.scope}"` : 'empty scope';
    const faults = plugin.faults.length ? `; plugin faults: ${plugin.faults.join(' + ')}` : '';
    return `simulated ${preset}${params.length ? ` with ${params.join('&')}` : ''}, ${scope}${faults}`;
  },
});
