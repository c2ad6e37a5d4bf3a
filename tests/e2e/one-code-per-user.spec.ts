import { test, expect } from './plugin-fixture.ts';
import { runHarness } from './run-harness.ts';

interface SummaryShape {
  verdict: string;
  findings: { code: string; message: string }[];
  scenarios: { id: string; status: string; reason?: string }[];
}

// A real plugin kept one code per user: two scenarios signing in as the one test account at once spoiled each
// other's codes, and the harness reported probes it never ran. Against PLUGIN_URL the sign-ins take turns (the
// rest stays parallel; tests/unit/engine/sign-in-turn.spec.ts proves the turns), so the same plugin gives the
// same findings on every run.
test('a plugin with one code slot per user: three runs, two workers each, identical clean results', async ({ startPlugin }) => {
  test.setTimeout(600_000);
  const plugin = await startPlugin({ faults: ['one-code-per-user'] });
  const grep = ['install-and-use', 'code-reuse', 'redirect-uri-validation'].map((s) => `› ${s}:`).join('|');
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await runHarness(plugin.harnessEnv(), 180_000, { playwrightArgs: ['--grep', grep, '--workers=2'] }));
  const results = runs.map((run) => {
    const summary = run.summary as SummaryShape;
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(summary.scenarios.filter((s) => s.status !== 'passed')).toEqual([]);
    return summary.findings.map((f) => `${f.code}: ${f.message}`).sort();
  });
  expect(results[1]).toEqual(results[0]);
  expect(results[2]).toEqual(results[0]);
});
