/**
 * `npm run benchmark`: how long one full lifecycle takes against the bundled reference plugin, split into browser,
 * HTTP and harness time, and how long the whole conformance run takes. Targets (issue 2): the conformance run under
 * 15 s on a 2-core machine, harness overhead under 20 % of a lifecycle. Prints; never fails on a slow machine.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startReferencePlugin } from '../examples/reference-plugin/start.ts';
import { chromiumLaunchArgs, findChromium } from '../mock-host/browser/find-browser.ts';
import { defaultSettings } from '../mock-host/config/settings.ts';
import { HostSession } from '../mock-host/engine/session.ts';
import { PROFILES } from '../mock-host/profiles/registry.ts';
import { MockHostServer } from '../mock-host/server/mock-host-server.ts';
import { referenceSettings } from '../scenarios/reference-target.ts';
import { runScenario, type ScenarioReporting } from '../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../scenarios/scenario-loader.ts';

const RUNS = Number(process.env.BENCHMARK_RUNS ?? 5);

interface Split {
  totalMs: number;
  browserMs: number;
  httpMs: number;
  harnessMs: number;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (n: number | undefined) => `${(n ?? 0).toFixed(0).padStart(6)} ms`;
  return `min ${f(s[0])}  median ${f(s[Math.floor(s.length / 2)])}  max ${f(s[s.length - 1])}`;
};

async function lifecycleSplits(): Promise<Split[]> {
  const browserPath = findChromium().executablePath;
  const browser = await chromium.launch({ headless: true, args: [...chromiumLaunchArgs], ...(browserPath ? { executablePath: browserPath } : {}) });
  const plugin = await startReferencePlugin({});
  const host = new MockHostServer();
  await host.start();
  const scenario = loadScenarioFiles().find((s) => s.id === 'expired-token-refresh');
  if (!scenario) throw new Error('scenarios/expired-token-refresh.yaml is missing');
  const splits: Split[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const session = new HostSession({ scenario: scenario.id, profile: PROFILES['chatgpt-plugin'], settings: referenceSettings(defaultSettings(), plugin), origin: plugin.url });
      let installMs = 0;
      let httpDuringInstall = 0;
      const reporting: ScenarioReporting = {
        async step(title, body) {
          const mark = session.recorder.count();
          const started = performance.now();
          try {
            return await body();
          } finally {
            if (title.startsWith('install')) {
              installMs += performance.now() - started;
              httpDuringInstall += session.recorder.since(mark).reduce((sum, x) => sum + x.durationMs, 0);
            }
          }
        },
        attach: async () => undefined,
      };
      const started = performance.now();
      const context = await browser.newContext();
      const result = await runScenario({ scenario, session, context, mockHost: host, reporting });
      await context.close();
      const totalMs = performance.now() - started;
      if (result.status !== 'passed') throw new Error(`the lifecycle did not pass: ${result.reason}`);
      const httpMs = session.recorder.exchanges().reduce((sum, x) => sum + x.durationMs, 0);
      const browserMs = installMs - httpDuringInstall;
      splits.push({ totalMs, browserMs, httpMs, harnessMs: totalMs - browserMs - httpMs });
    }
  } finally {
    await host.close();
    await plugin.close();
    await browser.close();
  }
  return splits;
}

function conformanceRunMs(): { ms: number; ok: boolean } {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, 'test', '--project=conformance', '--reporter=dot'], {
    env: { ...process.env, PLUGIN_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'benchmark-reports-')) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { ms: performance.now() - started, ok: run.status === 0 };
}

const splits = await lifecycleSplits();
console.log(`One full lifecycle (expired-token-refresh: discover, install, use, expire, refresh+use twice), ${RUNS} runs:`);
console.log(`  total    ${stats(splits.map((s) => s.totalMs))}`);
console.log(`  browser  ${stats(splits.map((s) => s.browserMs))}`);
console.log(`  HTTP     ${stats(splits.map((s) => s.httpMs))}`);
console.log(`  harness  ${stats(splits.map((s) => s.harnessMs))}`);
const share = splits.map((s) => (100 * s.harnessMs) / s.totalMs).sort((a, b) => a - b);
console.log(`  harness share of the total: median ${share[Math.floor(share.length / 2)]?.toFixed(1)} % (target < 20 %)`);
const whole = conformanceRunMs();
console.log(`Whole conformance run (playwright test --project=conformance, process wall time): ${(whole.ms / 1000).toFixed(1)} s (target < 15 s)${whole.ok ? '' : ' — the run FAILED'}`);
