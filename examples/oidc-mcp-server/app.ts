import express, { type Express } from 'express';
import { Provider } from 'oidc-provider';
import { createReferenceMcpServer, type ReferenceMcpServer } from '../reference-mcp-server/app.ts';
import { DEFAULT_SCOPES, formatScope } from '../reference-mcp-server/scopes.ts';
import { defaultScopeOnAuthorize } from './authorize-defaults.ts';
import { discoveryAliases } from './discovery-aliases.ts';
import type { ResolvedOidcMcpServerOptions } from './options.ts';
import { OIDC_MOUNT, providerConfiguration } from './provider-config.ts';

export interface OidcMcpServerApp {
  readonly app: Express;
  readonly provider: Provider;
  /** The reference MCP server's resource server, in front of oidc-provider (authorizationServer mode). */
  readonly resourceServer: ReferenceMcpServer;
  readonly issuer: string;
  readonly mcpUrl: string;
}

/**
 * One origin: oidc-provider at /oidc (the AS) and the reference MCP resource server for everything else (/mcp, the
 * PRM naming oidc-provider's issuer). The origin must be known up front: oidc-provider fixes its issuer at start.
 */
export function createOidcMcpServerApp(origin: string, options: ResolvedOidcMcpServerOptions): OidcMcpServerApp {
  const issuer = `${origin}${OIDC_MOUNT}`;
  const resourceServer = createReferenceMcpServer({
    origin,
    responseMode: options.responseMode,
    authorizationServer: { issuer, jwksUri: `${issuer}/jwks` },
  });
  const mcpUrl = resourceServer.context.urls.mcp;
  const provider = new Provider(issuer, providerConfiguration(options, mcpUrl));
  // oidc-provider answers 500 server_error without saying why; the server's log should.
  provider.on('server_error', (_ctx: unknown, error: unknown) => console.error('oidc MCP server: oidc-provider server_error', error));
  const callback = provider.callback();

  const app = express();
  app.disable('x-powered-by');
  app.use(discoveryAliases(OIDC_MOUNT, callback));
  // oidc-provider reads request bodies itself, so it comes before the resource server (whose log reads them).
  app.use(OIDC_MOUNT, defaultScopeOnAuthorize('/auth', formatScope(DEFAULT_SCOPES)), callback);
  app.use(resourceServer.app);
  return { app, provider, resourceServer, issuer, mcpUrl };
}
