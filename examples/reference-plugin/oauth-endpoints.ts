import type { PluginContext } from './context.ts';

/** Where the host authorizes and exchanges codes: the plugin's own server, or the provider it delegates to. */
export function oauthEndpoints({ options }: PluginContext, origin: string): { authorizeUrl: string; tokenUrl: string } {
  const provider = options.oauthProvider;
  if (provider) return { authorizeUrl: provider.authorizeUrl, tokenUrl: provider.tokenUrl };
  return { authorizeUrl: `${origin}/oauth/authorize`, tokenUrl: `${origin}/oauth/token` };
}
