import type { HostSession } from '../engine/session.ts';
import type { LifecycleAbort } from '../model/lifecycle-abort.ts';
import { dayOf } from '../gate/apply-gate.ts';
import { buildSummary, type Summary } from '../report/build-summary.ts';
import type { ScenarioResult } from '../report/scenario-result.ts';
import { readToolInfo } from '../report/tool-info.ts';
import type { ScenarioFile } from '../../scenarios/scenario-loader.ts';
import { scenarioResult } from '../../scenarios/run-scenario.ts';
import type { StepRecord } from './step-log.ts';

/** One debugger session as the reports see it: the engine's session, the steps run on it, the scenario if one ran. */
export interface DebuggedSession {
  session: HostSession;
  steps: readonly StepRecord[];
  /** The scenario file the session was started for; absent: steps by hand. */
  scenario?: ScenarioFile;
  startedAt: Date;
}

/** Steps by hand, as a scenario of their own: everything reported, every step listed. */
function byHand(steps: readonly StepRecord[]): ScenarioFile {
  return {
    id: 'debugger',
    kind: 'conformance',
    file: 'the mock host debugger',
    title: `By hand in the debugger: ${steps.map((s) => s.step.action).join(' → ') || 'no steps'}`,
    phase: 'lifecycle',
    severity: 'normal',
    signIn: 'fresh',
    steps: steps.map((s) => s.step),
  };
}

/**
 * What stopped the session, as a scenario run would count it. A scenario stops at its first stop; by hand, a control
 * pressed at the wrong moment ("nothing to refresh") says nothing about the target, so only a stop where the target
 * broke the lifecycle counts.
 */
function stopOf(run: DebuggedSession): LifecycleAbort | undefined {
  if (run.scenario) return run.steps.find((s) => s.source === 'scenario' && s.abort)?.abort;
  return run.steps.find((s) => s.abort?.outcome === 'failed')?.abort;
}

/** The session's result, built by the same function as a scenario test's (scenarios/run-scenario.ts). */
export function sessionResult(run: DebuggedSession): ScenarioResult {
  const abort = stopOf(run);
  return scenarioResult({ scenario: run.scenario ?? byHand(run.steps), session: run.session, ...(abort ? { abort } : {}), durationMs: Date.now() - run.startedAt.getTime() });
}

/** summary.json of the session, its verdict decided by the gate like a run's (no baseline: it is one session). */
export function sessionSummary(run: DebuggedSession, result: ScenarioResult = sessionResult(run)): Summary {
  return buildSummary([result], {
    tool: readToolInfo(),
    startedAt: run.startedAt,
    durationMs: Date.now() - run.startedAt.getTime(),
    fallbackTarget: result.target,
    policy: { failOn: run.session.settings.failOn, today: dayOf(run.startedAt) },
  });
}
