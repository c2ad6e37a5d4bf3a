// `plugin-conformance`: the command-line face of scripts/run-conformance.ts (the code path `npm test` runs too).
import { hostsOfTarget } from '../mock-host/engine/hosts-of-target.ts';
import { readToolInfo } from '../mock-host/report/tool-info.ts';
import { mergeShards } from '../scripts/merge-shards.ts';
import { runConformance } from '../scripts/run-conformance.ts';
import { parseCliArgs } from './parse-args.ts';
import { usage } from './usage.ts';

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCliArgs(argv);
  switch (command.kind) {
    case 'help':
      console.log(usage());
      return 0;
    case 'version':
      console.log(readToolInfo().version);
      return 0;
    case 'invalid':
      console.error(`plugin-conformance: ${command.message}\nRun plugin-conformance --help for the usage.`);
      return 2;
    case 'run': {
      const outcome = await runConformance({
        overrides: command.overrides,
        playwrightArgs: command.playwrightArgs,
        // The CLI is the main job: the simulated matrix and the self-tests are `npm test`'s, in a clone.
        conformanceOnly: true,
        ...(command.shard ? { shard: command.shard } : {}),
      });
      return outcome.exitCode;
    }
    case 'detect': {
      // The hosts on stdout (a comma list, PLUGIN_PROFILE's form), the reasoning on stderr.
      const hosts = await hostsOfTarget(command.url);
      console.error(hosts.message);
      console.log(hosts.profiles.join(','));
      return 0;
    }
    case 'host': {
      // Loaded on demand: the debugger's server (and esbuild) are no part of a run's start-up.
      const { runDebugger } = await import('../mock-host/server/run-debugger.ts');
      await runDebugger(command.overrides);
      // Serves until SIGINT or SIGTERM, which close it and exit.
      return new Promise<number>(() => undefined);
    }
    case 'merge':
      return (await mergeShards({ dirs: command.dirs, overrides: command.overrides })).exitCode;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('plugin-conformance: failed:', err);
    process.exit(1);
  },
);
