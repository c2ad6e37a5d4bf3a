import { CATALOG, type FindingCode } from '../mock-host/findings/catalog.ts';
import type { Finding } from '../mock-host/findings/finding.ts';
import type { LifecycleAbort } from '../mock-host/engine/lifecycle-abort.ts';
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
 * Conformance: failed on any error finding or a lifecycle the target broke. Simulated: passed when every expected
 * code was seen and no unexpected error appeared (the fault produced exactly what it should).
 */
export function decideOutcome(scenario: ScenarioFile, findings: readonly Finding[], abort: LifecycleAbort | undefined): Outcome {
  const seen = [...new Set(findings.map((f) => f.code))];
  if (abort?.outcome === 'skipped') return { status: 'skipped', reason: abort.message, seen };
  if (abort?.outcome === 'inconclusive') return { status: 'inconclusive', reason: abort.message, seen };
  if (scenario.simulated) {
    const missing = scenario.simulated.expected.filter((c) => !seen.includes(c));
    const unexpected = findings.filter((f) => f.severity === 'error' && !scenario.simulated?.expected.includes(f.code)).map((f) => f.code);
    if (missing.length || unexpected.length) {
      const parts = [missing.length ? `expected but not seen: ${missing.join(', ')}` : '', unexpected.length ? `unexpected errors: ${[...new Set(unexpected)].join(', ')}` : ''];
      return { status: 'failed', reason: parts.filter(Boolean).join('; '), seen };
    }
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
    .map((f) => [`[${f.severity}] ${f.code}: ${f.title}`, `  seen: ${f.message}`, `  fix:  ${f.fix}`, ...(f.reproduce ? [`  reproduce: ${f.reproduce}`] : [])].join('\n'))
    .join('\n\n');
}
