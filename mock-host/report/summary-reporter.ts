import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { z } from 'zod';
import { loadSettings } from '../config/settings.ts';
import { isProfileId, PROFILE_IDS, type ProfileId } from '../profiles/registry.ts';
import { loadGatePolicy } from '../gate/gate-policy.ts';
import { buildSummary } from './build-summary.ts';
import { reportPaths, reportsDirFromEnv } from './report-paths.ts';
import type { ScenarioResult, TargetInfo } from './scenario-result.ts';
import { scenariosOfOutcome, type OutcomeContext, type TestOutcome } from './scenario-outcome.ts';
import { readToolInfo } from './tool-info.ts';
import { writeSummaryFiles } from './write-summary.ts';
import { writeHtmlReports } from './allure-html.ts';
import { reportedStatus } from './target-failure.ts';

const optionsSchema = z
  .object({
    /** Defaults to PLUGIN_REPORTS_DIR or `reports`. */
    reportsDir: z.string().min(1).optional(),
    /** Playwright project name → scenario kind; tests of any other project are harness self-tests. */
    scenarioProjects: z.record(z.string(), z.enum(['conformance', 'simulated'])).optional(),
    /** Print the one-line verdict and the summary path at the end; off by default under scripts/run.ts, which prints more. */
    print: z.boolean().optional(),
    /**
     * Also write the Allure HTML reports when the run ends: for a team's own Playwright config (the package's
     * `plugin-conformance/playwright` entry). Never under the CLI or `npm test`, which write them after Playwright.
     */
    html: z.boolean().optional(),
  });
// Not strict: Playwright adds its own keys (configDir, _mode…) to every reporter's options.
export type SummaryReporterOptions = z.input<typeof optionsSchema>;

const DEFAULT_SCENARIO_PROJECTS = { conformance: 'conformance', simulated: 'simulated' } as const;

function fallbackTarget(): TargetInfo {
  try {
    const settings = loadSettings();
    return { url: settings.url ?? '', profile: settings.profiles[0] ?? PROFILE_IDS[0], authType: 'unknown' };
  } catch {
    // scripts/run.ts has already reported bad settings; the summary still needs some target.
    return { url: process.env.PLUGIN_URL ?? '', profile: isProfileId(process.env.PLUGIN_PROFILE ?? '') ? (process.env.PLUGIN_PROFILE as ProfileId) : PROFILE_IDS[0], authType: 'unknown' };
  }
}

/**
 * Gathers the `scenario-result.json` attachment of every scenario test and writes reports/summary.json and
 * summary.md when the run ends. Building the summary is build-summary.ts's job; this class only collects.
 */
export default class SummaryReporter implements Reporter {
  readonly #options: z.infer<typeof optionsSchema>;
  readonly #context: OutcomeContext;
  /** Keyed by test id: a retry replaces the earlier attempt. */
  readonly #byTest = new Map<string, ScenarioResult[]>();
  /** Failed tests that are not scenarios (self-tests), by test id so a passing retry clears one. */
  readonly #failedSelfTests = new Set<string>();
  #order = new Map<string, number>();
  /** "i/n" under --shard: the gate treats the summary as partial. */
  #shard: string | undefined;
  #browserPath: string | undefined;
  readonly #underRunScript = process.env.PLUGIN_CONFORMANCE_RUNNER === '1';

  constructor(options: unknown = {}) {
    this.#options = optionsSchema.parse(options ?? {});
    this.#context = {
      scenarioProjects: this.#options.scenarioProjects ?? DEFAULT_SCENARIO_PROJECTS,
      fallbackTarget: fallbackTarget(),
    };
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#shard = config.shard ? `${config.shard.current}/${config.shard.total}` : undefined;
    const executable = config.projects.map((p) => p.use.launchOptions?.executablePath).find((path) => typeof path === 'string');
    this.#browserPath = executable;
    // Workers finish in any order; the summary lists scenarios in file/declaration order so runs diff cleanly.
    this.#order = new Map(suite.allTests().map((test, index) => [test.id, index]));
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const status = reportedStatus(test, result);
    const outcome: TestOutcome = {
      title: test.title,
      projectName: test.parent.project()?.name,
      status,
      durationMs: result.duration,
      attachments: result.attachments,
      error: result.error?.message ?? result.error?.value,
      skipReason: [...result.annotations, ...test.annotations].find((a) => a.type === 'skip' && a.description)?.description,
    };
    const { results, warnings } = scenariosOfOutcome(outcome, this.#context);
    for (const warning of warnings) console.error(`summary-reporter: ${warning}`);
    if (results.length) this.#byTest.set(test.id, results);
    else this.#byTest.delete(test.id);
    if (results.length === 0 && (status === 'failed' || status === 'timedOut')) this.#failedSelfTests.add(test.id);
    else this.#failedSelfTests.delete(test.id);
  }

  /**
   * A scenario failed by its target is an expected failure to Playwright (target-failure.ts), so a failing verdict
   * fails the run here: a team's own Playwright config exits 1 exactly when the verdict is fail (or no summary).
   */
  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    const paths = reportPaths(this.#options.reportsDir ?? reportsDirFromEnv());
    const ordered = [...this.#byTest.entries()]
      .sort(([a], [b]) => (this.#order.get(a) ?? Number.MAX_SAFE_INTEGER) - (this.#order.get(b) ?? Number.MAX_SAFE_INTEGER))
      .flatMap(([, results]) => results);
    // A plain `playwright test tests/unit` run has no scenarios: leave the last real summary alone. Under
    // scripts/run.ts an empty summary is still written, because its absence means the run broke.
    if (ordered.length === 0 && !this.#underRunScript) return undefined;
    const failTheRun = (): { status: FullResult['status'] } | undefined => (result.status === 'passed' ? { status: 'failed' } : undefined);
    try {
      const built = buildSummary(ordered, {
        tool: readToolInfo(),
        startedAt: result.startTime,
        durationMs: result.duration,
        fallbackTarget: this.#context.fallbackTarget,
        // scripts/run-conformance.ts has validated the settings and the baseline before Playwright started.
        policy: loadGatePolicy(loadSettings(), { startedAt: result.startTime, partial: this.#shard !== undefined }),
      });
      const summary = writeSummaryFiles({ ...built, selfTests: { failed: this.#failedSelfTests.size } }, paths);
      if (this.#options.html && !this.#underRunScript && process.env.PLUGIN_SKIP_HTML_REPORT !== '1') {
        const allure = await writeHtmlReports(paths, { summary, ...(this.#browserPath ? { browserPath: this.#browserPath } : {}), ...(this.#shard ? { shard: this.#shard } : {}) });
        for (const problem of allure.problems) console.error(`summary-reporter: HTML report skipped: ${problem}`);
        for (const written of allure.written) console.log(`plugin-conformance: HTML report ${written}`);
      }
      if (this.#options.print ?? !this.#underRunScript) {
        const t = summary.totals;
        console.log(
          `\nplugin-conformance: verdict ${summary.verdict.toUpperCase()}: ${t.scenarios} scenarios (${t.passed} passed, ` +
            `${t.failed} failed, ${t.skipped} skipped, ${t.inconclusive} inconclusive), ${t.errors} errors, ` +
            `${t.warnings} warnings, ${t.infos} infos. Summary: ${paths.summaryJson}`,
        );
      }
      return summary.verdict === 'fail' ? failTheRun() : undefined;
    } catch (err) {
      // No summary.json makes scripts/run.ts exit 1, so say why here, where the cause is known.
      console.error(`summary-reporter: could not write ${paths.summaryJson}: ${(err as Error).stack ?? String(err)}`);
      return failTheRun();
    }
  }
}
