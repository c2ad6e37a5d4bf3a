import { CATALOG, type FindingCode } from '../mock-host/findings/catalog.ts';
import { matches, showExpectedFinding } from './expected-finding.ts';
import type { Finding } from '../mock-host/findings/finding.ts';
import type { LifecycleAbort } from '../mock-host/model/lifecycle-abort.ts';
import type { ScenarioStatus } from '../mock-host/report/scenario-result.ts';
import type { ScenarioFile } from './scenario-loader.ts';

/** The findings a scenario reports: those in its focus, plus any that stopped its lifecycle. */
export function reportedFindings(scenario: ScenarioFile, all: readonly Finding[], fatal: ReadonlySet<FindingCode>): Finding[] {
  const focus = scenario.reports;
  if (!focus) return [...all];
  return all.filter((f) => fatal.has(f.code) || focus.includes(f.code) || focus.includes(CATALOG[f.code].section));
}

export interface Outcome {
  status: ScenarioStatus;
  reason?: string;
  seen: FindingCode[];
}

/**
 * Conformance: failed on any error finding or a lifecycle the target broke. Simulated: passed when the findings are
 * exactly the expected ones, each at the severity it names (a plain code: its catalog severity), plus any the file
 * allows; any other finding, an info too, or an expected code at another severity fails it. So does a missing one,
 * however the lifecycle ended (a simulated scenario is never skipped or inconclusive). A scenario that expects a
 * clean target (`none: true`) also fails when the lifecycle stopped, and any scenario when a claim of its title
 * (`expect.claims`, counted by brokenClaims) does not hold.
 */
export function decideOutcome(scenario: ScenarioFile, findings: readonly Finding[], abort: LifecycleAbort | undefined, brokenClaims: readonly string[] = []): Outcome {
  const seen = [...new Set(findings.map((f) => f.code))];
  // A simulated target is ours, so a stop is no excuse: a fault may be exactly what stops the harness
  // (LOGIN_AUTOMATION_FAILED), and an unexpected skip would hide a detection that no longer works.
  if (!scenario.simulated && abort?.outcome === 'skipped') return { status: 'skipped', reason: abort.message, seen };
  if (!scenario.simulated && abort?.outcome === 'inconclusive') return { status: 'inconclusive', reason: abort.message, seen };
  if (scenario.simulated) {
    const { expectations, allowed, expectsClean } = scenario.simulated;
    const missing = expectations
      .filter((e) => !findings.some((f) => matches(e, f)))
      .map((e) => {
        const other = [...new Set(findings.filter((f) => f.code === e.code).map((f) => f.severity))];
        return `${showExpectedFinding(e)}${other.length ? ` (seen only as ${other.join(', ')})` : ''}`;
      });
    const unexpected = findings.filter((f) => !expectations.some((e) => matches(e, f)) && !allowed.some((e) => matches(e, f))).map((f) => `${f.code}@${f.severity}`);
    if (missing.length || unexpected.length || brokenClaims.length) {
      const stopped = abort && abort.outcome !== 'failed' ? `the lifecycle stopped (${abort.outcome}): ${abort.message}` : '';
      const parts = [
        missing.length ? `expected but not seen: ${missing.join(', ')}` : '',
        unexpected.length ? `unexpected findings: ${[...new Set(unexpected)].join(', ')}` : '',
        brokenClaims.length ? `claims that do not hold: ${brokenClaims.join('; ')}` : '',
        stopped,
      ];
      return { status: 'failed', reason: parts.filter(Boolean).join('; '), seen };
    }
    // A clean target has to get through every step, not only avoid findings.
    if (expectsClean && abort) return { status: 'failed', reason: `expected a clean run, but the lifecycle stopped: ${abort.message}`, seen };
    return { status: 'passed', seen };
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) return { status: 'failed', reason: `${errors.length} error finding(s): ${[...new Set(errors.map((f) => f.code))].join(', ')}`, seen };
  if (abort) return { status: 'failed', reason: abort.message, seen };
  return { status: 'passed', seen };
}

/** The failure text a developer reads first: each finding with its fix and reproduction. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => [`[${f.severity}] ${f.code}: ${f.title}${f.behind ? ` (behind ${f.behind}: the host stops there first)` : ''}`, `  seen: ${f.message}`, `  fix:  ${f.fix}`, ...(f.reproduce ? [`  reproduce: ${f.reproduce}`] : [])].join('\n'))
    .join('\n\n');
}
