import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:5005 */
  url: string;
  port: number;
  /** Idempotent. Cuts open connections: keep-alive sockets and hanging or dripping answers would hold it open. */
  close(): Promise<void>;
}

/** Listens on host:port (port 0: any free port) and resolves once the server accepts connections. */
export async function listen(server: Server, host: string, port: number, scheme: 'http' | 'https' = 'http'): Promise<ListeningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
