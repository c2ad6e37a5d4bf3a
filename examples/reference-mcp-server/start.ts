import { createServer } from 'node:http';
import { listen } from '../shared/loopback-server.ts';
import { createReferenceMcpServer } from './app.ts';
import type { ServerClock } from './clock.ts';
import { resolveReferenceMcpServerOptions, type ReferenceMcpServerOptions, type ResolvedReferenceMcpServerOptions } from './options.ts';
import type { RequestLog } from './request-log.ts';

export interface RunningReferenceMcpServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:5005 */
  readonly url: string;
  readonly port: number;
  /** `${url}/mcp`: exactly what a user types into the host (PLUGIN_URL). */
  readonly mcpUrl: string;
  /** The issuer the PRM names: the origin, or options.authorizationServer.issuer. */
  readonly issuer: string;
  readonly clock: ServerClock;
  readonly requestLog: RequestLog;
  readonly options: ResolvedReferenceMcpServerOptions;
  close(): Promise<void>;
}

/** Starts the server on options.host/options.port (port 0: any free port); the origin is where it listens. */
export async function startReferenceMcpServer(input: ReferenceMcpServerOptions = {}): Promise<RunningReferenceMcpServer> {
  // Validate before binding a port, so bad options fail without side effects.
  const checked = resolveReferenceMcpServerOptions(input);
  const server = createServer();
  const listening = await listen(server, checked.host, checked.port);
  let built;
  try {
    built = createReferenceMcpServer({ ...input, origin: input.origin ?? listening.url });
  } catch (error) {
    await listening.close();
    throw error;
  }
  server.on('request', built.app);
  const { context, clock, requestLog, options } = built;
  return {
    url: context.urls.origin,
    port: listening.port,
    mcpUrl: context.urls.mcp,
    issuer: context.issuer,
    clock,
    requestLog,
    options,
    close: async () => {
      await built.closeSessions();
      await listening.close();
    },
  };
}
