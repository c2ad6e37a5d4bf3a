import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './plugin-fixture.ts';
import { flagsFor, onlyScenarios, readSummaryIn, runCli } from './run-cli.ts';
import { scratchDir } from '../scratch-dir.ts';

// The deploy gate end to end, through the CLI from a project directory with its own baseline file: a plugin
// without refresh tokens fails; accepting its findings turns the run green; one stale entry turns it red again.
test.describe('gating with a baseline', () => {
  test.describe.configure({ timeout: 420_000 });

  test('accepted findings pass a failing run; a stale entry fails it', async ({ startPlugin }) => {
    const plugin = await startPlugin({ faults: ['no-refresh-token'] });
    const project = scratchDir('gate-project');
    const env = { PLUGIN_SKIP_HTML_REPORT: '1' };
    const cli = (dir: string) => runCli([...flagsFor(plugin.harnessEnv()), '--reports-dir', dir, ...onlyScenarios('absent-refresh-token')], { cwd: project, env });
    const baseline = (accepted: unknown[]) =>
      writeFileSync(join(project, 'plugin-conformance.baseline.json'), JSON.stringify({ $schema: 'baseline.schema.json', accepted }, null, 2));
    const known = [
      { code: 'REFRESH_TOKEN_MISSING', reason: 'the provider switch ships next sprint', expires: '2999-12-31' },
      { code: 'USER_MISSING_CREDENTIALS', scenario: 'absent-refresh-token', reason: 'follows from REFRESH_TOKEN_MISSING' },
    ];

    const red = await cli('red');
    expect(red.exitCode, red.stdout + red.stderr).toBe(1);
    expect(readSummaryIn(join(project, 'red'))?.gate?.blocking.map((b) => b.code).sort()).toEqual(['REFRESH_TOKEN_MISSING', 'USER_MISSING_CREDENTIALS']);

    baseline(known);
    const green = await cli('green');
    expect(green.exitCode, green.stdout + green.stderr).toBe(0);
    const accepted = readSummaryIn(join(project, 'green'));
    expect(accepted?.verdict).toBe('pass');
    expect(accepted?.findings.filter((f) => f.severity === 'error').every((f) => f.accepted)).toBe(true);
    expect(accepted?.baseline?.accepted.map((e) => e.code)).toEqual(['REFRESH_TOKEN_MISSING', 'USER_MISSING_CREDENTIALS']);
    expect(accepted?.gate?.excused).toEqual(['absent-refresh-token']);
    // The contract fields still tell the truth about the plugin.
    expect(accepted?.totals.errors).toBe(2);
    expect(green.stdout).toContain('Accepted:    2 findings by the baseline');

    baseline([...known, { code: 'TOKEN_TYPE_NOT_BEARER', reason: 'fixed in 1.4' }]);
    const stale = await cli('stale');
    expect(stale.exitCode, stale.stdout + stale.stderr).toBe(1);
    const staleSummary = readSummaryIn(join(project, 'stale'));
    expect(staleSummary?.baseline?.stale.map((e) => e.code)).toEqual(['TOKEN_TYPE_NOT_BEARER']);
    expect(staleSummary?.gate?.reasons).toEqual(['1 stale baseline entry: TOKEN_TYPE_NOT_BEARER (nothing matches; remove it)']);
    expect(stale.stderr).toContain('1 stale baseline entry: TOKEN_TYPE_NOT_BEARER');
  });

  test('a broken baseline is bad input: exit 2 naming the file and the entry, before anything runs', async () => {
    const project = scratchDir('gate-project');
    writeFileSync(join(project, 'known.json'), JSON.stringify({ accepted: [{ code: 'NOT_A_CODE', reason: 'r' }] }));
    const run = await runCli(['--url', 'http://127.0.0.1:9', '--baseline', 'known.json', '--reports-dir', 'out'], { cwd: project, timeoutMs: 60_000 });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`baseline ${join(project, 'known.json')}: invalid`);
    expect(run.stderr).toContain('accepted[0].code');
    expect(readSummaryIn(join(project, 'out'))).toBeUndefined();
  });
});
