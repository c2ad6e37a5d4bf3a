import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { parse } from 'yaml';
import { z } from 'zod';
import { SETTING_FLAGS } from '../../../cli/setting-flags.ts';
import { parseCliArgs } from '../../../cli/parse-args.ts';
import { reportPaths } from '../../../mock-host/report/report-paths.ts';
import { actionArgv, actionInputs, artifactName, formatOutputs, inputVariable, PLAYWRIGHT_ARGS_INPUT, stepOutputs, stepSummary } from '../../../scripts/github-action-io.ts';
import type { RunOutcome } from '../../../scripts/run-conformance.ts';
import { buildSummary } from '../../../mock-host/report/build-summary.ts';
import { finding, META, scenario } from '../report/fixtures.ts';

const actionSchema = z.object({
  inputs: z.record(z.string(), z.object({ description: z.string(), required: z.boolean().optional(), default: z.string().optional() })),
  outputs: z.record(z.string(), z.object({ description: z.string(), value: z.string() })),
  runs: z.object({
    using: z.literal('composite'),
    steps: z.array(z.object({ id: z.string().optional(), uses: z.string().optional(), run: z.string().optional(), env: z.record(z.string(), z.string()).optional(), if: z.string().optional() })),
  }),
});
const action = actionSchema.parse(parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')));

test('action.yml has an input for every setting and run option, each handed to the script, with no default that would beat the environment', () => {
  const run = action.runs.steps.find((s) => s.id === 'run');
  for (const input of [...actionInputs(), PLAYWRIGHT_ARGS_INPUT, 'artifact-name']) {
    expect(action.inputs[input], input).toBeDefined();
    expect(action.inputs[input]?.default, input).toBeUndefined();
    expect(run?.env?.[inputVariable(input)], input).toBe(`\${{ inputs.${input} }}`);
  }
  expect(Object.keys(action.inputs).sort()).toEqual([...actionInputs(), PLAYWRIGHT_ARGS_INPUT, 'artifact-name', 'upload-report', 'node-version', 'package'].sort());
  for (const f of SETTING_FLAGS) expect(action.inputs[f.flag]?.description).toContain(f.setting);
});

test('action.yml exposes every output the script writes, and uploads the report even after a failing run', () => {
  const written = Object.keys(stepOutputs({ exitCode: 2, htmlReports: [] }, 'a'));
  expect(Object.keys(action.outputs).sort()).toEqual(written.sort());
  for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.run.outputs.${name} }}`);
  const upload = action.runs.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
  expect(upload?.if).toContain('always()');
});

test('inputs become CLI flags; empty ones are left out so job variables still apply', () => {
  const env = { [inputVariable('url')]: 'https://p.example', [inputVariable('client-secret')]: 's3cret', [inputVariable('profile')]: '', [inputVariable('shard')]: '1/2', [inputVariable(PLAYWRIGHT_ARGS_INPUT)]: ' --grep  @discovery ' };
  const argv = actionArgv(env);
  expect(argv).toEqual(['run', '--url', 'https://p.example', '--client-secret', 's3cret', '--shard', '1/2', '--', '--grep', '@discovery']);
  expect(parseCliArgs(argv)).toMatchObject({ kind: 'run', shard: { current: 1, total: 2 }, playwrightArgs: ['--grep', '@discovery'] });
});

test('artifact names are valid and unique per shard', () => {
  expect(artifactName(undefined, undefined)).toBe('plugin-conformance-report');
  expect(artifactName('', '2/3')).toBe('plugin-conformance-report-shard-2-of-3');
  expect(artifactName('mine', '2/3')).toBe('mine');
});

test('outputs use the multi-line form; the summary puts the verdict first, or says why there is none', () => {
  expect(formatOutputs({ verdict: 'fail', note: 'a\nb' }, 'EOF1')).toBe('verdict<<EOF1\nfail\nEOF1\nnote<<EOF1\na\nb\nEOF1\n');
  const paths = reportPaths('/r');
  const summary = buildSummary([scenario('absent-refresh-token', { status: 'failed', findings: [finding('REFRESH_TOKEN_MISSING', 'absent-refresh-token')] })], META);
  const outcome: RunOutcome = { exitCode: 1, paths, summary, htmlReports: ['/r/allure-report/index.html', '/r/allure-report-single/index.html'] };
  expect(stepOutputs(outcome, 'art')).toMatchObject({ verdict: 'fail', 'exit-code': '1', errors: '1', 'report-path': '/r/allure-report-single/index.html', 'summary-path': '/r/summary.json' });
  const md = stepSummary(outcome, 'art');
  expect(md.indexOf('❌ **FAIL**')).toBeLessThan(md.indexOf('| error | REFRESH_TOKEN_MISSING | absent-refresh-token |'));
  expect(md).toContain('artifact `art`');
  const bad = stepSummary({ exitCode: 2, message: 'Invalid configuration:\n  PLUGIN_URL (command line --url): expected a URL', htmlReports: [] }, 'art');
  expect(bad).toContain('could not start (bad input)');
  expect(bad).toContain('PLUGIN_URL (command line --url)');
  expect(stepOutputs({ exitCode: 2, htmlReports: [] }, 'art')).toMatchObject({ verdict: 'error', 'exit-code': '2', 'summary-path': '' });
});
