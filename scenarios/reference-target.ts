import type { Settings } from '../mock-host/config/settings.ts';
import type { RunningReferencePlugin } from '../examples/reference-plugin/start.ts';
import type { ReferenceMcpServerOptions } from '../examples/reference-mcp-server/options.ts';
import { sharedTargetState, type StartedTarget } from './targets/simulated-target.ts';

/**
 * Settings for a run against the bundled reference plugin: its OAuth client and test account, and as a GPT Action
 * (which has no manifest) the editor fields that point at it.
 */
export function referenceSettings(base: Settings, plugin: RunningReferencePlugin): Settings {
  const o = plugin.options;
  return {
    ...base,
    url: plugin.url,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    login: { username: o.username, password: o.password },
    verificationToken: o.verificationToken,
    ...(base.profiles.includes('gpt-action') ? { action: { ...plugin.actionSettings(), tokenExchangeMethod: base.action.tokenExchangeMethod } } : {}),
  };
}

/** The bundled reference plugin as the target of the legacy hosts. */
export async function startReferencePluginTarget(base: Settings): Promise<StartedTarget> {
  const { startReferencePlugin } = await import('../examples/reference-plugin/start.ts');
  const plugin = await startReferencePlugin({});
  return { origin: plugin.url, settings: referenceSettings(base, plugin), targetClock: plugin.clock, shared: sharedTargetState(), close: () => plugin.close() };
}

/**
 * The bundled reference MCP server as the target of the MCP hosts: the URL a user types (its /mcp endpoint) and its
 * test account. No client is configured (unless `use.preRegisteredClient`): each host gets its own, by CIMD or dynamic
 * registration.
 */
export async function startReferenceMcpTarget(base: Settings, options: ReferenceMcpServerOptions = {}, use: { preRegisteredClient?: string } = {}): Promise<StartedTarget> {
  const { startReferenceMcpServer } = await import('../examples/reference-mcp-server/start.ts');
  const server = await startReferenceMcpServer(options);
  const [user, second] = server.options.users;
  const { clientId: _id, clientSecret: _secret, ...settings } = base;
  // A developer's pre-registered client (PLUGIN_CLIENT_ID), else the host gets its own (CIMD or DCR).
  const client = use.preRegisteredClient === undefined ? undefined : server.options.preRegisteredClients.find((c) => c.clientId === use.preRegisteredClient);
  if (use.preRegisteredClient !== undefined && !client) {
    await server.close();
    throw new Error(`the reference MCP server has no pre-registered client ${use.preRegisteredClient}`);
  }
  return {
    origin: server.mcpUrl,
    settings: {
      ...settings,
      ...(client ? { clientId: client.clientId, ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}) } : {}),
      url: server.mcpUrl,
      login: { username: user?.username ?? '', password: user?.password ?? '' },
      ...(second ? { secondLogin: { username: second.username, password: second.password } } : {}),
    },
    targetClock: server.clock,
    shared: sharedTargetState(),
    close: () => server.close(),
  };
}
