import { test as base } from '@playwright/test';
import type { ReferenceMcpServerOptions } from '../../../examples/reference-mcp-server/options.ts';
import { startReferenceMcpServer, type RunningReferenceMcpServer } from '../../../examples/reference-mcp-server/start.ts';
import { startDocumentHost, type DocumentHost } from './document-host.ts';

export { expect } from '@playwright/test';

export type StartServer = (options?: ReferenceMcpServerOptions) => Promise<RunningReferenceMcpServer>;

/**
 * `startServer` starts a reference MCP server on a free port, in-process; every instance is closed when the test
 * ends. Test-scoped on purpose: each test gets fresh state (tokens, sessions, clock), and a start takes milliseconds.
 */
export const test = base.extend<{ startServer: StartServer; documents: DocumentHost }>({
  // Playwright reads fixture dependencies from the destructuring pattern, so it must stay an (empty) pattern.
  startServer: async ({}, use) => {
    const started: RunningReferenceMcpServer[] = [];
    await use(async (options = {}) => {
      const server = await startReferenceMcpServer({ port: 0, ...options });
      started.push(server);
      return server;
    });
    await Promise.all(started.map((server) => server.close()));
  },
  /** A loopback host for CIMD documents and client JWKS, started only by tests that ask for it. */
  documents: async ({}, use) => {
    const host = await startDocumentHost();
    await use(host);
    await host.close();
  },
});
