import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './plugin-fixture.ts';
import type { RunningReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { inputVariable, PLAYWRIGHT_ARGS_INPUT } from '../../scripts/github-action-io.ts';
import { optionsFor, runNode } from './run-cli.ts';
import { scratchDir } from '../scratch-dir.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Reads $GITHUB_OUTPUT's `name<<DELIMITER … DELIMITER` records back. */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^([\w-]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!head) continue;
    const end = lines.indexOf(head[2] ?? '', i + 1);
    outputs[head[1] ?? ''] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** The action's script as action.yml runs it: inputs as INPUT_*, fake GitHub files, the workspace as cwd. */
async function runAction(plugin: RunningReferencePlugin, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const workspace = scratchDir('action-workspace');
  const files = { GITHUB_OUTPUT: join(workspace, 'github-output'), GITHUB_STEP_SUMMARY: join(workspace, 'step-summary.md') };
  writeFileSync(files.GITHUB_OUTPUT, '');
  writeFileSync(files.GITHUB_STEP_SUMMARY, '');
  const given = { ...optionsFor(plugin.harnessEnv()), profile: '', ...inputs };
  // The action's script from the sources, from the workspace (tests/e2e/package.spec.ts runs action.yml's own
  // commands on the packed package).
  const run = await runNode([join(ROOT, 'node_modules', '.bin', 'tsx'), '--tsconfig', join(ROOT, 'tsconfig.json'), join(ROOT, 'scripts', 'github-action.ts')], {
    cwd: workspace,
    env: { ...Object.fromEntries(Object.entries(given).map(([k, v]) => [inputVariable(k), v])), ...files, ...env },
    timeoutMs: 240_000,
  });
  return { ...run, workspace, outputs: readOutputs(files.GITHUB_OUTPUT), summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

test.describe('the GitHub Action script against the reference plugin', () => {
  test.describe.configure({ timeout: 300_000 });

  test('a passing plugin: exit 0, outputs, the verdict and findings table in the job summary, an HTML report', async ({ startPlugin }) => {
    const plugin = await startPlugin({});
    const action = await runAction(plugin, { [PLAYWRIGHT_ARGS_INPUT]: '--grep  (discovery|install-and-use):' });
    expect(action.exitCode, action.stdout + action.stderr).toBe(0);
    expect(action.outputs).toMatchObject({ verdict: 'pass', 'exit-code': '0', errors: '0', warnings: '0', 'artifact-name': 'plugin-conformance-report' });
    expect(action.outputs['report-dir']).toBe(join(action.workspace, 'reports'));
    expect(action.outputs['summary-path']).toBe(join(action.workspace, 'reports', 'summary.json'));
    expect(existsSync(action.outputs['junit-path'] ?? '')).toBe(true);
    expect(action.outputs['report-path']).toBe(join(action.workspace, 'reports', 'allure-report-single', 'index.html'));
    expect(existsSync(action.outputs['report-path'] ?? '')).toBe(true);
    expect(action.summary.split('\n')[0]).toBe('# plugin-conformance 0.1.0: ✅ **PASS**');
    expect(action.summary).toContain('| severity | code | scenario | host | title | fix |');
    // Live progress reached the log (Playwright's list reporter streams through the script).
    expect(action.stdout).toMatch(/discovery: [\s\S]*2 passed/);
  });

  test('a plugin without refresh tokens: non-zero exit, and the summary names REFRESH_TOKEN_MISSING with its fix', async ({ startPlugin }) => {
    const plugin = await startPlugin({ faults: ['no-refresh-token'] });
    const action = await runAction(plugin, { [PLAYWRIGHT_ARGS_INPUT]: '--grep  absent-refresh-token:', shard: '' }, { PLUGIN_SKIP_HTML_REPORT: '1' });
    expect(action.exitCode, action.stdout + action.stderr).toBe(1);
    expect(action.outputs).toMatchObject({ verdict: 'fail', 'exit-code': '1', errors: '2' });
    expect(action.summary.split('\n')[0]).toBe('# plugin-conformance 0.1.0: ❌ **FAIL**');
    const row = action.summary.split('\n').find((l) => l.startsWith('| error | REFRESH_TOKEN_MISSING | absent-refresh-token |'));
    expect(row).toContain('Return a refresh_token with every access token');
  });

  test('bad input: exit 2, verdict "error", and the job summary says what to fix', async ({ startPlugin }) => {
    const plugin = await startPlugin({});
    const action = await runAction(plugin, { 'fail-on': 'sometimes' });
    expect(action.exitCode).toBe(2);
    expect(action.outputs).toMatchObject({ verdict: 'error', 'exit-code': '2', 'report-dir': '' });
    expect(action.summary).toContain('could not start (bad input)');
    expect(action.summary).toContain('PLUGIN_FAIL_ON (command line --fail-on)');
  });
});
