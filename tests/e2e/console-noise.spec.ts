import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './plugin-fixture.ts';
import { runHarness } from './run-harness.ts';

// Issue 10 item 6, as a user meets it: a plugin with faults several scenarios see. The console shows each finding
// once with its fix, no harness stack frame or error-context file for the plugin's failures, and the counts of the
// console, summary.md and the gate line agree.
test('a faulty plugin: each finding once with its fix, no harness frames, counts that agree', async ({ startPlugin }) => {
  test.setTimeout(300_000);
  const plugin = await startPlugin({ faults: ['no-refresh-token', 'any-client-secret'] });
  const run = await runHarness(plugin.harnessEnv(), 280_000, { playwrightArgs: ['--workers', '1'] });
  const out = run.stdout;
  expect(run.exitCode, out + run.stderr).toBe(1);
  const summary = run.summary as { findings: { code: string; message: string; fix: string; severity: string }[]; totals: { errors: number } };
  for (const f of summary.findings.filter((x) => x.severity !== 'info')) {
    const shown = out.split(`fix:  ${f.fix}`).length - 1;
    expect(shown, `${f.code}'s fix in the console`).toBe(1);
  }
  expect(out).toContain('REFRESH_TOKEN_MISSING: again, as shown above under');
  expect(out).not.toMatch(/fixtures\.ts:\d+/);
  expect(out).not.toContain('Error Context');
  expect(out).not.toContain('attachment #');
  const errors = summary.totals.errors;
  expect(errors).toBeGreaterThan(0);
  expect(out).toContain(`findings: ${errors} errors`);
  expect(readFileSync(join(run.reportsDir, 'summary.md'), 'utf8')).toContain(`**Findings:** ${errors} errors`);
  expect(run.stderr).toContain(`${errors} findings at or above --fail-on error`);
});
