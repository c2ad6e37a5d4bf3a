import { startOidcPlugin } from './start.ts';

/**
 * Starts the OIDC plugin and prints the settings that point the harness at it:
 *   npx tsx examples/oidc-plugin/main.ts [port]
 * Against a running plugin the harness cannot move the API clock, so expired-access-token is skipped (1 h lifetime).
 */
const port = Number(process.argv[2] ?? process.env.OIDC_PLUGIN_PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`oidc plugin: expected a port number, got ${process.argv[2] ?? process.env.OIDC_PLUGIN_PORT}`);
  process.exit(2);
}
const plugin = await startOidcPlugin({ port });
console.log(`oidc plugin listening on ${plugin.url} (issuer ${plugin.issuer})`);
console.log('point the harness at it with:');
for (const [name, value] of Object.entries(plugin.harnessEnv())) console.log(`  export ${name}=${JSON.stringify(value)}`);
const stop = (): void => {
  plugin.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
