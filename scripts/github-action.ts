// The GitHub Action (action.yml) in one script, so it runs and is tested anywhere: the inputs become CLI
// arguments, the run is the CLI's own (runConformance), and the outcome becomes step outputs, the job summary and
// the exit code. Locally: INPUT_URL=… GITHUB_OUTPUT=out.txt GITHUB_STEP_SUMMARY=summary.md npx tsx scripts/github-action.ts
import { appendFileSync } from 'node:fs';
import { parseCliArgs } from '../cli/parse-args.ts';
import { actionArgv, artifactName, formatOutputs, inputVariable, stepOutputs, stepSummary } from './github-action-io.ts';
import { runConformance, type RunOutcome } from './run-conformance.ts';

async function run(env: NodeJS.ProcessEnv): Promise<RunOutcome> {
  const command = parseCliArgs(actionArgv(env));
  if (command.kind !== 'run') {
    const message = command.kind === 'invalid' ? command.message : `unexpected command ${command.kind}`;
    console.error(`plugin-conformance: ${message}`);
    return { exitCode: 2, message, htmlReports: [] };
  }
  return runConformance({ overrides: command.overrides, playwrightArgs: command.playwrightArgs, ...(command.shard ? { shard: command.shard } : {}) });
}

async function main(): Promise<number> {
  const env = process.env;
  const outcome = await run(env);
  const artifact = artifactName(env[inputVariable('artifact-name')], env[inputVariable('shard')]);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, formatOutputs(stepOutputs(outcome, artifact)));
  else console.log('GITHUB_OUTPUT is not set: outputs not written');
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, stepSummary(outcome, artifact));
  return outcome.exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('plugin-conformance action: failed:', err);
    process.exit(1);
  },
);
