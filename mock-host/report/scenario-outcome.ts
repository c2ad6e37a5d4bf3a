import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SCENARIO_RESULT_ATTACHMENT, scenarioResultSchema, type ScenarioResult, type TargetInfo } from './scenario-result.ts';

/** The part of a Playwright test result this module needs; plain data, so it is testable without a run. */
export interface TestOutcome {
  title: string;
  projectName?: string;
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  durationMs: number;
  attachments: readonly { name: string; contentType: string; path?: string; body?: Buffer }[];
  error?: string;
  skipReason?: string;
}

export type ScenarioKind = ScenarioResult['kind'];

export interface OutcomeContext {
  /** Which Playwright projects hold scenario tests; tests of other projects (self-tests) may attach nothing. */
  scenarioProjects: Readonly<Record<string, ScenarioKind>>;
  fallbackTarget: TargetInfo;
}

export interface OutcomeScenarios {
  results: ScenarioResult[];
  /** Problems the run should print: a malformed attachment is a harness bug, never silently dropped. */
  warnings: string[];
}

const ANSI = /\u001b\[[0-9;]*m/g;

function oneLine(text: string | undefined, max = 300): string | undefined {
  const line = text?.replace(ANSI, '').split('\n').find((l) => l.trim())?.trim();
  if (!line) return undefined;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function readAttachment(attachment: TestOutcome['attachments'][number]): unknown {
  const text = attachment.body ? attachment.body.toString('utf8') : readFileSync(attachment.path ?? '', 'utf8');
  return JSON.parse(text);
}

function standIn(outcome: TestOutcome, kind: ScenarioKind, ctx: OutcomeContext, status: ScenarioResult['status'], reason: string): ScenarioResult {
  return {
    id: outcome.title,
    title: outcome.title,
    kind,
    status,
    durationMs: outcome.durationMs,
    findings: [],
    reason,
    target: ctx.fallbackTarget,
  };
}

/** A scenario test that ended without handing over its result (it crashed, timed out or was skipped early). */
function missingResult(outcome: TestOutcome, kind: ScenarioKind, ctx: OutcomeContext): ScenarioResult | undefined {
  switch (outcome.status) {
    case 'passed':
      // A passing helper test in a scenario project is not a scenario.
      return undefined;
    case 'skipped':
      return standIn(outcome, kind, ctx, 'skipped', outcome.skipReason ?? 'skipped');
    case 'interrupted':
      return standIn(outcome, kind, ctx, 'skipped', 'the run was interrupted');
    case 'timedOut':
      return standIn(outcome, kind, ctx, 'failed', `the test timed out before producing a result${outcome.error ? `: ${oneLine(outcome.error)}` : ''}`);
    case 'failed':
      return standIn(outcome, kind, ctx, 'failed', `the test failed before producing a result: ${oneLine(outcome.error) ?? 'unknown error'}`);
  }
}

/**
 * The scenario results one test produced. The Playwright status wins over a "passed" attachment: if the test
 * failed after attaching, the report shows a failure, and the summary must not claim otherwise.
 */
export function scenariosOfOutcome(outcome: TestOutcome, ctx: OutcomeContext): OutcomeScenarios {
  const kind = outcome.projectName === undefined ? undefined : ctx.scenarioProjects[outcome.projectName];
  const results: ScenarioResult[] = [];
  const warnings: string[] = [];
  for (const attachment of outcome.attachments) {
    if (attachment.name !== SCENARIO_RESULT_ATTACHMENT) continue;
    let parsed: ScenarioResult;
    try {
      const check = scenarioResultSchema.safeParse(readAttachment(attachment));
      if (!check.success) throw new Error(z.prettifyError(check.error));
      parsed = check.data;
    } catch (err) {
      const problem = `invalid ${SCENARIO_RESULT_ATTACHMENT} in "${outcome.title}": ${(err as Error).message}`;
      warnings.push(problem);
      results.push(standIn(outcome, kind ?? 'conformance', ctx, 'failed', problem));
      continue;
    }
    const testFailed = outcome.status === 'failed' || outcome.status === 'timedOut';
    if (testFailed && parsed.status === 'passed') {
      const why = oneLine(outcome.error) ?? outcome.status;
      results.push({ ...parsed, status: 'failed', reason: `the test failed after the scenario passed: ${why}` });
    } else results.push(parsed);
  }
  if (results.length === 0 && kind) {
    const stand = missingResult(outcome, kind, ctx);
    if (stand) results.push(stand);
  }
  return { results, warnings };
}
