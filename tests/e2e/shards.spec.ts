import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './plugin-fixture.ts';
import type { Summary } from '../../mock-host/report/summary-schema.ts';
import { flagsFor, onlyScenarios, readSummaryIn, runCli } from './run-cli.ts';
import { scratchDir } from '../scratch-dir.ts';

const SCENARIOS = ['discovery', 'install-and-use', 'absent-refresh-token', 'token-response-shape'];

/** What must not depend on how the run was split. */
function comparable(summary: Summary | undefined) {
  return {
    verdict: summary?.verdict,
    totals: summary?.totals,
    scenarios: summary?.scenarios.map((s) => [s.id, s.status, [...s.findings].sort()]),
    // In order: the merge restores the single run's scenario order, so findings are credited to the same scenario.
    findings: summary?.findings.map((f) => [f.code, f.severity, f.scenario, f.message]),
    blocking: summary?.gate?.blocking,
  };
}

test.describe('sharding', () => {
  test.describe.configure({ timeout: 480_000 });

  test('two shards merged give the same summary as one run, one JUnit file and one Allure report', async ({ startPlugin }) => {
    const plugin = await startPlugin({ faults: ['no-refresh-token'] });
    const project = scratchDir('shards');
    const quick = { cwd: project, env: { PLUGIN_SKIP_HTML_REPORT: '1' }, timeoutMs: 200_000 };
    const target = flagsFor(plugin.harnessEnv());
    const only = onlyScenarios(...SCENARIOS);

    const whole = await runCli([...target, '--reports-dir', 'whole', ...only], quick);
    expect(whole.exitCode, whole.stdout + whole.stderr).toBe(1);
    for (const shard of ['1/2', '2/2']) {
      const part = await runCli([...target, '--shard', shard, '--reports-dir', `shard-${shard[0]}`, ...only], quick);
      // Each shard gates its own findings; this plugin fails in whichever shard holds absent-refresh-token.
      expect([0, 1], part.stdout + part.stderr).toContain(part.exitCode);
      const summary = readSummaryIn(join(project, `shard-${shard[0]}`));
      expect(summary?.gate?.partial).toBe(true);
      expect(summary?.scenarios.length).toBe(2);
    }

    const merge = await runCli(['merge', 'shard-1', 'shard-2', '--reports-dir', 'merged'], { cwd: project, timeoutMs: 200_000 });
    expect(merge.exitCode, merge.stdout + merge.stderr).toBe(1);
    expect(merge.stdout).toContain('Merged 2 shards. Verdict: FAIL');
    const merged = readSummaryIn(join(project, 'merged'));
    expect(comparable(merged)).toEqual(comparable(readSummaryIn(join(project, 'whole'))));
    expect(merged?.gate?.partial).toBeUndefined();
    expect(existsSync(join(project, 'merged', 'junit.xml'))).toBe(true);
    expect(existsSync(join(project, 'merged', 'allure-report-single', 'index.html'))).toBe(true);
  });

  test('merge refuses a dir without results: exit 2 naming it', async () => {
    const project = scratchDir('shards');
    const merge = await runCli(['merge', 'nowhere'], { cwd: project, timeoutMs: 60_000 });
    expect(merge.exitCode).toBe(2);
    expect(merge.stderr).toContain(`merge: ${join(project, 'nowhere')}: no Allure results`);
  });
});
