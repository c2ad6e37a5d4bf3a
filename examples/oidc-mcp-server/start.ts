import { createServer } from 'node:http';
import type { ServerClock } from '../reference-mcp-server/clock.ts';
import type { RequestLog } from '../reference-mcp-server/request-log.ts';
import { listen } from '../shared/loopback-server.ts';
import { createOidcMcpServerApp } from './app.ts';
import { resolveOidcMcpServerOptions, type OidcMcpServerOptions, type ResolvedOidcMcpServerOptions } from './options.ts';

export interface RunningOidcMcpServer {
  /** Origin without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** `${url}/mcp`: what a user types into the host. */
  readonly mcpUrl: string;
  /** oidc-provider's issuer, `${url}/oidc`, byte-identical to the PRM's authorization_servers entry. */
  readonly issuer: string;
  /** The resource server's clock: access-token `exp` is judged on it. oidc-provider itself keeps real time. */
  readonly clock: ServerClock;
  /** Requests that reached the resource server (/mcp, PRM); oidc-provider's own traffic is not in it. */
  readonly requestLog: RequestLog;
  readonly options: ResolvedOidcMcpServerOptions;
  close(): Promise<void>;
}

export async function startOidcMcpServer(input: OidcMcpServerOptions = {}): Promise<RunningOidcMcpServer> {
  const options = resolveOidcMcpServerOptions(input);
  // Listen first: the issuer, and so every URL, includes the port.
  const server = createServer();
  const listening = await listen(server, options.host, options.port);
  const built = createOidcMcpServerApp(listening.url, options);
  server.on('request', built.app);
  const { resourceServer } = built;
  return {
    url: listening.url,
    port: listening.port,
    mcpUrl: built.mcpUrl,
    issuer: built.issuer,
    clock: resourceServer.clock,
    requestLog: resourceServer.requestLog,
    options,
    close: async () => {
      await resourceServer.closeSessions();
      await listening.close();
    },
  };
}
