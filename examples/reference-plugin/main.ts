import { parseCli, USAGE } from './cli-args.ts';
import { FAULT_DESCRIPTIONS } from './faults.ts';
import { ReferencePluginOptionsError } from './options.ts';
import { startReferencePlugin } from './start.ts';

/** CLI: starts the reference plugin and prints how to use it. Exit 2 on bad input (DESIGN.md). */
async function main(): Promise<void> {
  const command = parseCli(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (command.kind === 'list-faults') {
    for (const [name, description] of Object.entries(FAULT_DESCRIPTIONS)) console.log(`${name.padEnd(32)}${description}`);
    return;
  }
  if (command.kind === 'invalid') {
    console.error(`reference plugin: ${command.message}\n(--help prints the usage)`);
    process.exitCode = 2;
    return;
  }

  let plugin;
  try {
    plugin = await startReferencePlugin(command.options);
  } catch (error) {
    const badInput = error instanceof ReferencePluginOptionsError;
    console.error(`reference plugin: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = badInput ? 2 : 1;
    return;
  }
  const { options } = plugin;
  console.log(`reference plugin listening on ${plugin.url}`);
  console.log(`  client id:      ${options.clientId}`);
  console.log(`  client secret:  ${options.clientSecret}`);
  console.log(`  user:           ${options.username} / ${options.password}`);
  console.log(`  redirect URIs:  ${options.redirectUris.join(', ')}${options.allowLoopbackRedirectPort ? ' (any loopback port)' : ''}`);
  console.log(`  faults:         ${options.faults.length === 0 ? 'none' : options.faults.join(', ')}`);

  const stop = () => {
    plugin.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
