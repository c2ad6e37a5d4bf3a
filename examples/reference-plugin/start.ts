import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReferencePlugin } from './app.ts';
import type { PluginClock } from './clock.ts';
import type { ReferencePluginOptions, ResolvedReferencePluginOptions } from './options.ts';
import type { ReferenceStore } from './store.ts';

export interface RunningReferencePlugin {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:5005 */
  readonly url: string;
  readonly port: number;
  readonly clock: PluginClock;
  readonly store: ReferenceStore;
  readonly options: ResolvedReferencePluginOptions;
  close(): Promise<void>;
}

/** Starts the reference plugin on options.host/options.port (port 0: any free port). */
export async function startReferencePlugin(input: ReferencePluginOptions = {}): Promise<RunningReferencePlugin> {
  const { app, clock, store, options } = createReferencePlugin(input);
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive sockets and a pending slow-api answer would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closing;
  };
  return { url: `http://${host}:${port}`, port, clock, store, options, close };
}
