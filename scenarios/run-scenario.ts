import type { BrowserContext } from '@playwright/test';
import { LifecycleAbort } from '../mock-host/model/lifecycle-abort.ts';
import type { HostSession } from '../mock-host/engine/session.ts';
import { redactFinding } from '../mock-host/findings/finding.ts';
import { profileIdOf } from '../mock-host/profiles/registry.ts';
import type { ScenarioResult } from '../mock-host/report/scenario-result.ts';
import type { MockHostServer } from '../mock-host/server/mock-host-server.ts';
import { brokenClaims } from './scenario-claims.ts';
import { decideOutcome, reportedFindings } from './scenario-outcome.ts';
import type { ScenarioFile } from './scenario-loader.ts';
import type { UserBrowser } from '../mock-host/browser/install-in-users-browser.ts';
import { runStep, settingsRuleOut, type StepEnvironment } from '../mock-host/steps/run-step.ts';
import { stepTitle, type Step } from '../mock-host/steps/step-vocabulary.ts';

/**
 * How a runner shows steps and evidence: Playwright's test.step and attachments in the suite, the debugger's live
 * timeline in the mock host, plain calls elsewhere.
 */
export interface ScenarioReporting {
  /** Runs one step's body; it resolves to the step's one-line note. */
  step<T>(title: string, body: () => Promise<T>, step: Step): Promise<T>;
  attach(name: string, body: string | Buffer, contentType: string): Promise<void>;
  /** One line of live progress (the console in `npm test`). */
  log?(line: string): void;
}

/**
 * Drives one scenario's steps on a session and decides its result. A LifecycleAbort ends the steps (the target
 * broke the lifecycle, or the harness could not go on); any other error is a harness bug and propagates.
 */
export async function runScenario(args: {
  scenario: ScenarioFile;
  session: HostSession;
  /** The harness's browser; the debugger has one only where a probe needs it (its installs are the user's). */
  context?: BrowserContext;
  userBrowser?: UserBrowser;
  mockHost?: MockHostServer;
  reporting: ScenarioReporting;
}): Promise<ScenarioResult> {
  const { scenario, session } = args;
  // Every text the scenario attaches, for the claim that no secret reaches its report.
  const reported: string[] = [];
  const inner = args.reporting;
  const reporting: ScenarioReporting = {
    step: (title, body, step) => inner.step(title, body, step),
    ...(inner.log ? { log: (line: string) => inner.log?.(line) } : {}),
    attach: (name, body, contentType) => {
      if (typeof body === 'string') reported.push(body);
      return inner.attach(name, body, contentType);
    },
  };
  // Re-applied at every output: a secret learnt in a later step (a refreshed token) may sit in an earlier text.
  const redact = (text: string): string => session.secrets.redact(text);
  const started = performance.now();
  const env: Omit<StepEnvironment, 'session'> = {
    ...(args.context ? { context: args.context } : {}),
    ...(args.userBrowser ? { userBrowser: args.userBrowser } : {}),
    ...(args.mockHost ? { mockHost: args.mockHost } : {}),
    ...(scenario.requiresAuth ? { requiresAuth: scenario.requiresAuth } : {}),
  };
  const ruledOut = settingsRuleOut(scenario.steps, session);
  let abort: LifecycleAbort | undefined = ruledOut ? new LifecycleAbort(ruledOut, 'skipped') : undefined;
  if (abort) reporting.log?.(`  ${scenario.id}: skipped: ${abort.message}`);
  for (const step of abort ? [] : scenario.steps) {
    const mark = session.recorder.count();
    const findingsBefore = session.findings.list().length;
    try {
      await reporting.step(stepTitle(step), async () => {
        try {
          const note = redact(await runStep(step, { session, ...env }));
          await reporting.attach('outcome', note, 'text/plain');
          reporting.log?.(`  ${scenario.id} › ${step.action}: ${note}`);
          return note;
        } finally {
          for (const x of session.recorder.since(mark)) {
            // A browser hop with neither is a callback the harness caught in the browser, as the host would.
            const outcome = x.response?.status ?? x.error?.kind ?? 'caught';
            reporting.log?.(`      ${x.id} ${x.request.method} ${x.request.url.split('?')[0]} → ${outcome} (${x.durationMs} ms)`);
            await reporting.attach(`HTTP ${x.id} ${x.request.method} ${x.label} → ${outcome}`, JSON.stringify(x, null, 2), 'application/json');
          }
          const added = session.findings.list().slice(findingsBefore);
          if (added.length) await reporting.attach('findings of this step', redact(JSON.stringify(added, null, 2)), 'application/json');
        }
      }, step);
    } catch (err) {
      if (!(err instanceof LifecycleAbort)) throw redactedError(err, redact);
      abort = err;
      reporting.log?.(`  ${scenario.id} › ${step.action}: stopped: ${err.message}`);
      for (const a of err.attachments) await reporting.attach(a.name, a.body, a.contentType);
      break;
    }
  }
  return scenarioResult({ scenario, session, ...(abort ? { abort } : {}), durationMs: performance.now() - started, reported });
}

/**
 * What a scenario run on this session amounts to, in the form summary.json is built from: the findings in its focus,
 * its status and reason, the checks it reached and where the time went. `abort` is what stopped its steps.
 */
export function scenarioResult(args: { scenario: ScenarioFile; session: HostSession; abort?: LifecycleAbort; durationMs: number; reported?: readonly string[] }): ScenarioResult {
  const { scenario, session, abort } = args;
  const redact = (text: string): string => session.secrets.redact(text);
  const profile = profileIdOf(session.profile);
  const findings = reportedFindings(scenario, session.findings.list(), session.fatalCodes).map((f) => ({ ...redactFinding(f, redact), profile }));
  const broken = brokenClaims(scenario.simulated?.claims, {
    exchanges: session.recorder.exchanges(),
    loginRounds: session.metrics.loginRounds,
    reported: [...(args.reported ?? []), JSON.stringify(findings), abort ? redact(abort.message) : ''],
    secrets: session.secrets.values(),
  });
  const outcome = decideOutcome(scenario, findings, abort, broken);
  const target = session.target;
  return {
    id: scenario.id,
    title: scenario.title,
    kind: scenario.kind,
    status: outcome.status,
    durationMs: Math.round(args.durationMs),
    findings,
    checks: session.findings.checks(),
    timing: {
      httpMs: Math.round(session.recorder.exchanges().filter((x) => !x.label.startsWith('browser')).reduce((sum, x) => sum + x.durationMs, 0)),
      browserMs: Math.round(session.metrics.browserMs),
      ...(session.metrics.turnWaitMs ? { turnWaitMs: Math.round(session.metrics.turnWaitMs) } : {}),
      signIns: session.metrics.signIns,
      ...(session.metrics.fastestSignInMs !== undefined ? { fastestSignInMs: Math.round(session.metrics.fastestSignInMs) } : {}),
    },
    ...(scenario.simulated ? { simulates: scenario.simulated.simulates, expected: scenario.simulated.expected, seen: outcome.seen } : {}),
    ...(outcome.reason ? { reason: session.secrets.redact(blockedReason(session.findings.blocker(), outcome.reason)) } : {}),
    target: { url: session.origin, profile, authType: target?.auth.type ?? 'unknown' },
  };
}

/**
 * A harness bug is reported with its stack, and its message may quote what the target sent (an undici error quotes
 * the header value it refused): the copy that reaches Playwright's output is redacted.
 */
function redactedError(err: unknown, redact: (text: string) => string): Error {
  if (!(err instanceof Error)) return new Error(redact(String(err)));
  const copy = new Error(redact(err.message));
  copy.name = err.name;
  copy.stack = redact(err.stack ?? err.message);
  return copy;
}

/** A run that went past a blocker says so first: the host stops there, what follows was found in the continuation. */
function blockedReason(blocker: string | undefined, reason: string): string {
  if (!blocker) return reason;
  return `the host stops at ${blocker}; the harness went on past it to show the next layers (findings marked "behind ${blocker}"); ${reason}`;
}
