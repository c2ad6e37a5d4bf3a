import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { harnessFile } from '../../mock-host/harness-root.ts';
import { summarySchema, type Summary } from '../../mock-host/report/summary-schema.ts';
import { inputVariable } from '../../scripts/github-action-io.ts';
import { buildPackage, type BuiltPackage } from '../../scripts/build-package.ts';
import { cleanEnv } from './run-harness.ts';
import { optionsFor } from './run-cli.ts';
import { expect, test } from './plugin-fixture.ts';
import { runProcess, type ProcessRun } from './run-process.ts';

// The package as a user gets it: built and packed, installed from the tarball into a project that has nothing
// else, and run there through `npx plugin-conformance` and through a Playwright config of the project's own.

const MB = 1_000_000;

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}, timeoutMs = 240_000): Promise<ProcessRun> {
  return runProcess(command, args, { cwd, env: { ...cleanEnv(), ...env }, timeoutMs });
}

function summaryIn(dir: string): Summary {
  return summarySchema.parse(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')));
}

const actionSteps = z
  .object({ runs: z.object({ steps: z.array(z.object({ id: z.string().optional(), run: z.string().optional() })) }) })
  .parse(parse(readFileSync(harnessFile('action.yml'), 'utf8'))).runs.steps;

/** The shell commands of one step of action.yml, as the runner executes them (bash -e, the step's env). */
function actionStep(id: string): string {
  const step = actionSteps.find((s) => s.id === id);
  if (!step?.run) throw new Error(`action.yml has no run step "${id}"`);
  return step.run;
}

/** $GITHUB_OUTPUT's `name=value` and `name<<DELIMITER … DELIMITER` records. */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([\w-]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] ?? '', i + 1);
      outputs[heredoc[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (/^[\w-]+=/.test(line)) outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return outputs;
}

const codes = (summary: Summary) => [...new Set(summary.findings.map((f) => f.code))];

test.describe('the installable package', () => {
  test.describe.configure({ mode: 'serial', timeout: 600_000 });

  let built: BuiltPackage;
  let project: string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    built = buildPackage();
    project = mkdtempSync(join(tmpdir(), 'conformance-user-project-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-plugin-developers-project', private: true }, null, 2));
    // From the npm cache where it can: the dependencies are the ones this repository's own install fetched.
    const install = await run('npm', ['install', '--save-dev', built.tarball, '--prefer-offline', '--no-audit', '--no-fund'], project);
    expect(install.exitCode, install.stderr).toBe(0);
  });

  test.afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  test('the tarball holds the harness and none of the repository\'s tests or large files', async ({}, testInfo) => {
    const paths = built.files.map((f) => f.path);
    await testInfo.attach('tarball files', { body: built.files.map((f) => `${String(f.size).padStart(9)}  ${f.path}`).join('\n'), contentType: 'text/plain' });
    for (const needed of ['package.json', 'bin/plugin-conformance.mjs', 'cli/main.js', 'playwright.config.js', 'scenarios/playwright.js', 'scenarios/playwright.d.ts', 'scenarios/conformance.spec.js', 'scenarios/install-and-use.yaml', 'scenarios/scenario.schema.json', 'mock-host/config/config.schema.json', 'mock-host/gate/baseline.schema.json', 'mock-host/profiles/chatgpt-app/index.js', 'mock-host/debugger/ui/shell.html', 'mock-host/debugger/ui/main.ts', 'examples/reference-plugin/start.js', 'examples/reference-mcp-server/start.js', 'allurerc.mjs', 'mock-host/report/allure-generate.mjs', 'docs/findings.md', 'README.md', 'LICENSE'])
      expect(paths, needed).toContain(needed);
    // TypeScript only where the debugger serves its page from sources (declarations aside).
    expect(paths.filter((p) => p.startsWith('tests/') || /\.spec\.ts$/.test(p))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts') && !/^mock-host\/(debugger\/(ui|wire)\/|steps\/step-vocabulary\.ts$)/.test(p))).toEqual([]);
    expect(built.files.filter((f) => f.size > MB)).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(built.dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('scripts');
    expect(manifest).not.toHaveProperty('private');
    expect(manifest).toMatchObject({ engines: { node: expect.any(String) }, repository: expect.anything(), bin: expect.anything(), exports: { './playwright': expect.anything() } });
  });

  test('npx plugin-conformance runs in the project with its config file and baseline, and gates', async ({ startPlugin }) => {
    const good = await startPlugin();
    const faulty = await startPlugin({ faults: ['no-refresh-token'] });
    const { PLUGIN_URL: _url, ...credentials } = good.harnessEnv();
    // The project's own settings and baseline, found in its directory as a user keeps them.
    writeFileSync(join(project, 'plugin-conformance.config.json'), JSON.stringify({ ...credentials, PLUGIN_URL: good.url }, null, 2));
    writeFileSync(join(project, 'plugin-conformance.baseline.json'), JSON.stringify({ accepted: [{ code: 'USER_MISSING_CREDENTIALS', reason: 'follows from REFRESH_TOKEN_MISSING' }] }, null, 2));
    const quick = { PLUGIN_SKIP_HTML_REPORT: '1' };
    const only = ['--', '--grep', 'absent-refresh-token'];

    const faultyRun = await run('npx', ['--no-install', 'plugin-conformance', '--url', faulty.url, '--reports-dir', 'faulty', ...only], project, quick);
    expect(faultyRun.exitCode, faultyRun.stdout + faultyRun.stderr).toBe(1);
    const failed = summaryIn(join(project, 'faulty'));
    expect(failed.target.url).toBe(faulty.url);
    expect(codes(failed)).toContain('REFRESH_TOKEN_MISSING');
    expect(failed.baseline?.file).toBe(join(project, 'plugin-conformance.baseline.json'));
    expect(failed.findings.filter((f) => f.accepted).map((f) => f.code)).toEqual(['USER_MISSING_CREDENTIALS']);

    rmSync(join(project, 'plugin-conformance.baseline.json'));
    const goodRun = await run('npx', ['--no-install', 'plugin-conformance', ...only], project, quick);
    expect(goodRun.exitCode, goodRun.stdout + goodRun.stderr).toBe(0);
    const passed = summaryIn(join(project, 'reports'));
    expect(passed.target.url).toBe(good.url);
    expect(passed.verdict).toBe('pass');
    expect(passed.scenarios.map((s) => s.id)).toEqual(['absent-refresh-token']);
  });

  test('a Playwright config of the project imports the conformance projects and writes the same reports', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    rmSync(join(project, 'plugin-conformance.config.json'), { force: true });
    writeFileSync(join(project, 'own.spec.ts'), "import { test, expect } from '@playwright/test';\ntest('the team\\'s own test', () => expect(1 + 1).toBe(2));\n");
    writeFileSync(
      join(project, 'playwright.config.ts'),
      [
        "import { defineConfig } from '@playwright/test';",
        "import { conformance } from 'plugin-conformance/playwright';",
        '',
        "const harness = conformance({ reportsDir: 'conformance-reports' });",
        'export default defineConfig({',
        "  reporter: [['line'], ...harness.reporter],",
        "  projects: [{ name: 'own', testMatch: 'own.spec.ts' }, ...harness.projects],",
        '});',
        '',
      ].join('\n'),
    );
    const native = await run('npx', ['--no-install', 'playwright', 'test', '--grep', 'absent-refresh-token|own test'], project, plugin.harnessEnv());
    expect(native.exitCode, native.stdout + native.stderr).toBe(0);
    expect(native.stdout).toContain('2 passed');
    const reports = join(project, 'conformance-reports');
    const summary = summaryIn(reports);
    expect(summary.verdict).toBe('pass');
    expect(summary.target.url).toBe(plugin.url);
    // Detected from the target, as the CLI does: a legacy plugin, so its one current host.
    expect(summary.scenarios.map((s) => `${s.profile} ${s.id}`)).toEqual(['chatgpt-plugin absent-refresh-token']);
    for (const file of ['summary.md', 'junit.xml', 'allure-report/index.html', 'allure-report-single/index.html']) expect(existsSync(join(reports, file)), file).toBe(true);
  });

  test('the Action installs the packed package and gates on it with its own commands', async ({ startPlugin }) => {
    const plugin = await startPlugin({ faults: ['no-refresh-token'] });
    const runner = mkdtempSync(join(tmpdir(), 'conformance-action-runner-'));
    const workspace = mkdtempSync(join(tmpdir(), 'conformance-action-workspace-'));
    const github = { GITHUB_ACTION_PATH: harnessFile('.'), RUNNER_TEMP: runner, GITHUB_OUTPUT: join(runner, 'output'), GITHUB_STEP_SUMMARY: join(runner, 'summary.md') };
    writeFileSync(github.GITHUB_OUTPUT, '');
    writeFileSync(github.GITHUB_STEP_SUMMARY, '');
    try {
      const install = await run('bash', ['-e', '-c', actionStep('install')], workspace, { ...github, INPUT_PACKAGE: built.tarball });
      expect(install.exitCode, install.stderr).toBe(0);
      const home = readOutputs(github.GITHUB_OUTPUT).home ?? '';
      expect(home).toBe(join(runner, 'plugin-conformance', 'node_modules', 'plugin-conformance'));
      // Nothing of the action lands in the user's workspace but the reports.
      expect(existsSync(join(workspace, 'package.json'))).toBe(false);

      const inputs = { ...optionsFor(plugin.harnessEnv()), 'playwright-args': '--grep absent-refresh-token' };
      const gate = await run('bash', ['-e', '-c', actionStep('run')], workspace, {
        ...github,
        ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value])),
        PLUGIN_CONFORMANCE_HOME: home,
        PLUGIN_SKIP_HTML_REPORT: '1',
      });
      expect(gate.exitCode, gate.stdout + gate.stderr).toBe(1);
      expect(readOutputs(github.GITHUB_OUTPUT)).toMatchObject({ verdict: 'fail', 'exit-code': '1', 'summary-path': join(workspace, 'reports', 'summary.json') });
      expect(codes(summaryIn(join(workspace, 'reports')))).toContain('REFRESH_TOKEN_MISSING');
      expect(readFileSync(github.GITHUB_STEP_SUMMARY, 'utf8')).toContain('| error | REFRESH_TOKEN_MISSING |');
    } finally {
      rmSync(runner, { recursive: true, force: true });
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  test('plugin-conformance host serves the debugger from the package: its page, its sources as modules, its libraries', async () => {
    // Its own process group: npx runs the host as a child of its own, and the whole group must go at the end.
    const child = spawn('npx', ['--no-install', 'plugin-conformance', 'host'], { cwd: project, env: { ...cleanEnv(), PLUGIN_HOST_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      const origin = await new Promise<string>((found, failed) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const match = /mock host debugger: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match?.[1]) found(match[1]);
        });
        child.on('close', (code) => failed(new Error(`host exited with ${code}: ${out}`)));
      });
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/app/debugger/ui/main.ts');
      const module = await fetch(`${origin}/app/debugger/ui/api.ts`);
      expect(module.headers.get('content-type')).toContain('javascript');
      const code = await module.text();
      // api.ts declares `function headers(body: boolean): Record<string, string>`: served with its types stripped.
      expect(code).toContain('function headers(body)');
      expect((await fetch(`${origin}/vendor/preact/dist/preact.module.js`)).status).toBe(200);
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
