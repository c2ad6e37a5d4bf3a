import { CATALOG, type FindingCode } from '../mock-host/findings/catalog.ts';
import { atLeast, type Severity } from '../mock-host/findings/severity.ts';
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

function floorOf(code: FindingCode): Severity {
  const severity = CATALOG[code].severity;
  return severity === 'inconclusive' ? 'info' : severity;
}

/**
 * An expected code counts at its catalog severity or above. A check may soften a code where the host is lenient
 * (MANIFEST_NOT_HTTPS is only info for loopback URLs, which every bundled target has); that softened finding must
 * not pass for the error the fault is about.
 */
function detected(code: FindingCode, findings: readonly Finding[]): boolean {
  return findings.some((f) => f.code === code && atLeast(f.severity, floorOf(code)));
}

export interface Outcome {
  status: ScenarioStatus;
  reason?: string;
  seen: FindingCode[];
}

/**
 * Conformance: failed on any error finding or a lifecycle the target broke. Simulated: passed when every expected
 * code was seen and no unexpected error appeared (the fault produced exactly what it should), however the
 * lifecycle ended (a simulated scenario is never skipped or inconclusive); a scenario that expects a clean target
 * (`none: true`) also fails on any warning.
 */
export function decideOutcome(scenario: ScenarioFile, findings: readonly Finding[], abort: LifecycleAbort | undefined): Outcome {
  const seen = [...new Set(findings.map((f) => f.code))];
  // A simulated target is ours, so a stop is no excuse: a fault may be exactly what stops the harness
  // (LOGIN_AUTOMATION_FAILED), and an unexpected skip would hide a detection that no longer works.
  if (!scenario.simulated && abort?.outcome === 'skipped') return { status: 'skipped', reason: abort.message, seen };
  if (!scenario.simulated && abort?.outcome === 'inconclusive') return { status: 'inconclusive', reason: abort.message, seen };
  if (scenario.simulated) {
    const missing = scenario.simulated.expected.filter((c) => !detected(c, findings)).map((c) => (seen.includes(c) ? `${c} (only below its ${floorOf(c)} level)` : c));
    const counted = scenario.simulated.expectsClean ? ['error', 'warning'] : ['error'];
    const unexpected = findings.filter((f) => counted.includes(f.severity) && !scenario.simulated?.expected.includes(f.code)).map((f) => f.code);
    if (missing.length || unexpected.length) {
      const what = scenario.simulated.expectsClean ? 'unexpected errors or warnings' : 'unexpected errors';
      const stopped = abort && abort.outcome !== 'failed' ? `the lifecycle stopped (${abort.outcome}): ${abort.message}` : '';
      const parts = [missing.length ? `expected but not seen: ${missing.join(', ')}` : '', unexpected.length ? `${what}: ${[...new Set(unexpected)].join(', ')}` : '', stopped];
      return { status: 'failed', reason: parts.filter(Boolean).join('; '), seen };
    }
    // A clean target has to get through every step, not only avoid findings.
    if (scenario.simulated.expectsClean && abort) return { status: 'failed', reason: `expected a clean run, but the lifecycle stopped: ${abort.message}`, seen };
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
