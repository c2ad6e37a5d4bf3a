import { test, expect } from '@playwright/test';
import { CREDENTIAL_PREFIX, SENTINELS } from './secret-scan.ts';
import { expectNoSentinelInOutputs } from './secret-leaks.ts';
import { sharedRun } from './shared-run.ts';

interface SummaryShape {
  verdict: string;
  findings: { code: string; severity: string }[];
  scenarios: { id: string; status: string }[];
}

// One whole `PLUGIN_URL=… npm test` (HTML reports included) against the conformant reference plugin holding
// sentinel secrets; each test reads another output of the same run.
const passingRun = sharedRun({ ...SENTINELS, credentialPrefix: CREDENTIAL_PREFIX }, 200_000, { htmlReport: true });

test.describe('one run against a conformant plugin', () => {
  test.describe.configure({ timeout: 240_000 });

  test('exit 0, verdict pass, the lifecycle scenarios passed', async () => {
    const run = await passingRun();
    const summary = run.summary as SummaryShape;
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(summary.verdict).toBe('pass');
    const status = Object.fromEntries(summary.scenarios.map((s) => [s.id, s.status]));
    for (const id of ['absent-refresh-token', 'discovery', 'expired-token-refresh', 'install-and-use', 'invalid-token', 'token-response-shape']) expect(status[id]).toBe('passed');
    // A real target's clock cannot be moved: the expiry probe may be skipped (with its reason), nothing fails.
    expect(summary.scenarios.filter((s) => s.status === 'failed' || s.status === 'inconclusive')).toEqual([]);
    expect(summary.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('secrets never reach a report or the console', async () => {
    expectNoSentinelInOutputs(await passingRun());
  });
});
