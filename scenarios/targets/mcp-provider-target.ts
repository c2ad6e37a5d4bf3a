import { z } from 'zod';
import type { ProviderId } from '../../mock-host/model/provider-id.ts';
import { referenceMcpServerOptionsSchema } from '../../examples/reference-mcp-server/options.ts';
import { presetNameSchema } from '../../examples/simulated-providers/presets/index.ts';
import { OKTA_DEFAULT_AUDIENCE } from '../../examples/simulated-providers/presets/okta.ts';
import { tenantSettingsSchema } from '../../examples/simulated-providers/preset.ts';
import { sharedTargetState } from './simulated-target.ts';
import { defineTargetKind } from './simulated-target.ts';

/** The client the developer registered at the provider and pasted into the host (these providers have no DCR). */
const CLIENT = { id: 'mcp-provider-client', secret: 'mcp-provider-secret' };
// The provider has no login page; the harness's generic sign-in only follows its redirect.
const LOGIN = { username: 'demo@example.com', password: 'unused-password' };
/** Stands for the MCP server's own URL in tenant.applicationIdUris (it is known only once the server listens). */
const MCP_URL = 'mcp-url';

const schema = z
  .strictObject({
    preset: presetNameSchema.describe('the provider preset of examples/simulated-providers: the MCP server\'s authorization server'),
    // Without defaults of its own (zod fills the defaults of a partial's fields): the target's defaults apply below.
    tenant: z
      .strictObject({
        offlineAccess: z.boolean().optional(),
        applicationIdUris: z.array(z.string().min(1)).optional(),
        refreshNeedsScope: z.boolean().optional(),
        clientIdMetadataDocuments: z.enum(['off', 'on', 'read-singular']).optional(),
      })
      .default({})
      .describe(`how the developer's tenant is set up (offlineAccess, applicationIdUris, refreshNeedsScope (default on here); "${MCP_URL}" is the MCP URL)`),
    metadata: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('changes to the provider\'s discovery document (null removes a field), as a developer serves it in front of the provider: e.g. code_challenge_methods_supported for Entra'),
    faults: z.array(z.string()).default([]).describe('resource-server faults of examples/reference-mcp-server'),
  })
  .transform((v, ctx) => {
    // Validated now, with an external authorization server in place: faults of the built-in AS are refused.
    const checked = referenceMcpServerOptionsSchema.safeParse({ faults: v.faults, authorizationServer: { issuer: 'http://127.0.0.1', jwksUri: 'http://127.0.0.1/jwks' } });
    if (!checked.success) {
      for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
      return z.NEVER;
    }
    // Entra as MCP hosts meet it: the v2.0 rule that a refresh names its scope is on unless the scenario says otherwise.
    return { preset: v.preset, tenant: tenantSettingsSchema.parse({ refreshNeedsScope: true, ...v.tenant }), metadata: v.metadata, faults: checked.data.faults };
  });

/**
 * `target: { mcp-provider: { preset: entra, tenant: {...}, faults: [...] } }`: the reference MCP server as a resource
 * server only, its PRM naming a simulated provider (oauth2-mock-server with a preset) as the authorization server.
 * The host uses the client registered at the provider (PLUGIN_CLIENT_ID/SECRET), as with the real ones, and the
 * settings name the provider (PLUGIN_PROVIDER), since on loopback detection cannot see who it imitates.
 */
export const mcpProviderTarget = defineTargetKind({
  key: 'mcp-provider',
  schema,
  async start(spec, base) {
    // Loaded when a test starts one, so a run that never does (PLUGIN_URL) never loads the servers.
    const [{ startSimulatedProvider }, { startReferenceMcpServer }] = await Promise.all([import('../../examples/simulated-providers/start.ts'), import('../../examples/reference-mcp-server/start.ts')]);
    const { applicationIdUris, ...tenant } = spec.tenant;
    const provider = await startSimulatedProvider(spec.preset, { client: CLIENT, tenant: { ...tenant, applicationIdUris: applicationIdUris.filter((uri) => uri !== MCP_URL) }, metadataPatch: spec.metadata });
    try {
      const server = await startReferenceMcpServer({
        faults: spec.faults,
        authorizationServer: { issuer: provider.issuerUrl, jwksUri: provider.jwksUrl, ...(spec.preset === 'okta' ? { audience: OKTA_DEFAULT_AUDIENCE } : {}) },
      });
      if (applicationIdUris.includes(MCP_URL)) provider.acceptResource(server.mcpUrl);
      const provided: ProviderId = spec.preset;
      // With client ID metadata documents the host uses its own document, as it would; else the pasted-in client.
      const client = tenant.clientIdMetadataDocuments === 'off' ? { clientId: CLIENT.id, clientSecret: CLIENT.secret } : {};
      const { clientId: _id, clientSecret: _secret, ...rest } = base;
      return {
        origin: server.mcpUrl,
        settings: { ...rest, ...client, url: server.mcpUrl, login: { ...LOGIN }, provider: provided },
        // Both sides judge token lifetimes on their own clock: expiry probes move them together.
        targetClock: {
          advance(seconds: number) {
            server.clock.advance(seconds);
            provider.clock.advance(seconds);
          },
        },
        shared: sharedTargetState(),
        close: async () => {
          await server.close();
          await provider.close();
        },
      };
    } catch (error) {
      await provider.close();
      throw error;
    }
  },
  describe({ preset, tenant, metadata, faults }) {
    const set = [
      ...(tenant.offlineAccess ? [] : ['no offline access']),
      ...(tenant.clientIdMetadataDocuments === 'off' ? [] : [`client ID metadata documents ${tenant.clientIdMetadataDocuments}`]),
      ...tenant.applicationIdUris.map((uri) => `Application ID URI ${uri}`),
      ...Object.keys(metadata).map((field) => `metadata ${field} changed`),
    ];
    return `MCP server behind simulated ${preset}${set.length ? ` (${set.join(', ')})` : ''}${faults.length ? `; server faults: ${faults.join(' + ')}` : ''}`;
  },
});
