import { parseCli, USAGE } from './cli-args.ts';
import { FAULTS } from './faults.ts';
import { ReferenceMcpServerOptionsError } from './options.ts';
import { startReferenceMcpServer } from './start.ts';

/** CLI: starts the reference MCP server and prints how to reach it. Exit 2 on bad input. */
async function main(): Promise<void> {
  const command = parseCli(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (command.kind === 'list-faults') {
    for (const [name, { does, findings }] of Object.entries(FAULTS)) {
      console.log(`${name.padEnd(38)}${does}\n${''.padEnd(38)}→ ${findings.length === 0 ? '(no finding: robustness)' : findings.join(', ')}`);
    }
    return;
  }
  if (command.kind === 'invalid') {
    console.error(`reference MCP server: ${command.message}\n(--help prints the usage)`);
    process.exitCode = 2;
    return;
  }

  let server;
  try {
    server = await startReferenceMcpServer(command.options);
  } catch (error) {
    const badInput = error instanceof ReferenceMcpServerOptionsError;
    console.error(`reference MCP server: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = badInput ? 2 : 1;
    return;
  }
  const { options } = server;
  console.log(`reference MCP server listening on ${server.url}`);
  console.log(`  MCP URL (PLUGIN_URL): ${server.mcpUrl}`);
  console.log(`  issuer:               ${server.issuer}`);
  for (const client of options.preRegisteredClients) {
    console.log(`  client:               ${client.clientId}${client.clientSecret === undefined ? '' : ` / ${client.clientSecret}`} (${client.tokenEndpointAuthMethod})`);
  }
  for (const user of options.users) console.log(`  user:                 ${user.username} / ${user.password}`);
  console.log(`  faults:               ${options.faults.length === 0 ? 'none' : options.faults.join(', ')}`);

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
