import { startOidcMcpServer } from './start.ts';

/**
 * Starts the OIDC MCP server and prints where it is:
 *   npx tsx examples/oidc-mcp-server/main.ts [port]
 */
const portText = process.argv[2] ?? process.env['OIDC_MCP_PORT'] ?? '0';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65_535) {
  console.error(`oidc MCP server: expected a port number, got ${portText}`);
  process.exit(2);
}
const server = await startOidcMcpServer({ port });
console.log(`oidc MCP server listening on ${server.url}`);
console.log(`  MCP URL (PLUGIN_URL): ${server.mcpUrl}`);
console.log(`  issuer:               ${server.issuer}`);
console.log(`  login:                any name (e.g. ${server.options.username}), any password: oidc-provider's dev interactions`);
const stop = (): void => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
