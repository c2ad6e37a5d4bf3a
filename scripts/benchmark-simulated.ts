/**
 * `npm run benchmark:matrix` / `npm run benchmark:hostile`: how long the simulated bench takes, in total and per
 * scenario. `matrix`: the whole `simulated` project (every fault, provider and hostile target; target under 90 s on
 * a 2-core machine). `hostile`: the hostile-target bench alone (scenarios/hostile/; target under 60 s). It
 * measures and prints; a slow machine is reported, never failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const BENCHES = {
  matrix: { title: 'Simulated detection matrix', grep: [] as string[], targetSeconds: 90 },
  hostile: { title: 'Hostile-target bench', grep: ['--grep', 'hostile/'], targetSeconds: 60 },
};
const which = process.argv[2] ?? 'matrix';
if (which !== 'matrix' && which !== 'hostile') {
  console.error(`usage: benchmark-simulated.ts [matrix|hostile] (got "${which}")`);
  process.exit(2);
}
const bench = BENCHES[which];
const TARGET_SECONDS = bench.targetSeconds;

// The parts of Playwright's JSON report read here; everything else is ignored.
const resultSchema = z.object({ status: z.string(), duration: z.number() });
const specSchema = z.object({ title: z.string(), tests: z.array(z.object({ results: z.array(resultSchema) })) });
interface SuiteShape {
  specs?: z.infer<typeof specSchema>[];
  suites?: SuiteShape[];
}
const suiteSchema: z.ZodType<SuiteShape> = z.lazy(() => z.object({ specs: z.array(specSchema).optional(), suites: z.array(suiteSchema).optional() }));
const reportSchema = z.object({ suites: z.array(suiteSchema), stats: z.object({ duration: z.number() }) });

interface Timed {
  title: string;
  status: string;
  ms: number;
}

function specsOf(suite: SuiteShape): Timed[] {
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.tests.map((t) => {
      const last = t.results[t.results.length - 1];
      return { title: spec.title, status: last?.status ?? 'not run', ms: last?.duration ?? 0 };
    }),
  );
  return [...own, ...(suite.suites ?? []).flatMap(specsOf)];
}

const workdir = mkdtempSync(join(tmpdir(), `benchmark-${which}-`));
const jsonReport = join(workdir, 'report.json');
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const started = performance.now();
const run = spawnSync(process.execPath, [cli, 'test', '--project=simulated', ...bench.grep, '--reporter=json'], {
  env: { ...process.env, PLUGIN_REPORTS_DIR: join(workdir, 'reports'), PLAYWRIGHT_JSON_OUTPUT_FILE: jsonReport },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const wallMs = performance.now() - started;

const report = reportSchema.parse(JSON.parse(readFileSync(jsonReport, 'utf8')));
const scenarios = report.suites.flatMap(specsOf).sort((a, b) => b.ms - a.ms);
const failed = scenarios.filter((s) => s.status !== 'passed');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1).padStart(5)} s`;

console.log(`${bench.title}: ${scenarios.length} scenarios, ${scenarios.length - failed.length} passed`);
console.log(`  whole bench (process wall time, browser start included): ${seconds(wallMs)}  (target < ${TARGET_SECONDS} s)`);
console.log(`  Playwright's own run time:                               ${seconds(report.stats.duration)}`);
console.log(`  sum of scenario times (work spread over the workers):    ${seconds(scenarios.reduce((sum, s) => sum + s.ms, 0))}`);
console.log('  slowest scenarios:');
for (const s of scenarios.slice(0, 10)) console.log(`    ${seconds(s.ms)}  ${s.title.split(':')[0]}`);
for (const s of failed) console.log(`  NOT PASSED (${s.status}): ${s.title}`);
if (run.status !== 0 || failed.length) console.log(`  the bench run exited with ${run.status}: see the failures above`);
console.log(wallMs / 1000 <= TARGET_SECONDS ? '  within target' : `  OVER the ${TARGET_SECONDS} s target`);
