import { createPluginContext } from './context.ts';
import { oauthEndpoints } from './oauth-endpoints.ts';
import { otherLoopbackOrigin } from './origin.ts';
import type { RunningReferencePlugin } from './start.ts';

/** What a developer types into the GPT editor to use this plugin's API as a GPT Action (no manifest there). */
export interface ActionSettings {
  openapiUrl: string;
  authorizationUrl: string;
  tokenUrl: string;
  scope: string;
}

/**
 * The GPT Action fields for a running plugin: its OpenAPI document and the same OAuth endpoints its manifest names,
 * with the `token-url-other-domain` fault applied (the Token URL under the other loopback name, which is another
 * root domain to the host).
 */
export function actionSettings(plugin: RunningReferencePlugin): ActionSettings {
  const ctx = createPluginContext(plugin.options, plugin.clock, plugin.store);
  const { authorizeUrl, tokenUrl } = oauthEndpoints(ctx, plugin.url);
  const token = new URL(tokenUrl);
  if (ctx.has('token-url-other-domain')) token.hostname = new URL(otherLoopbackOrigin(token.origin)).hostname;
  return { openapiUrl: `${plugin.url}/openapi.yaml`, authorizationUrl: authorizeUrl, tokenUrl: token.toString(), scope: plugin.options.scope };
}
