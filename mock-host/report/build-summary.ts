import type { Finding } from '../findings/finding.ts';
import { applyGate, dayOf, type GatePolicy } from '../gate/apply-gate.ts';
import { buildHostMatrix } from './host-matrix.ts';
import { bySeverity } from '../findings/severity.ts';
import type { ScenarioResult, TargetInfo } from './scenario-result.ts';
import type { ScenarioSummary, Summary, Totals } from './summary-schema.ts';

export { summarySchema, type Summary, type ScenarioSummary, type Totals } from './summary-schema.ts';

export interface SummaryMeta {
  tool: { name: string; version: string };
  startedAt: Date | string;
  durationMs: number;
  /** Used when no conformance scenario ran (for example `--grep` picked only simulated ones). */
  fallbackTarget: TargetInfo;
  /** How the verdict is decided; default: DESIGN.md's rule (any error finding or failed scenario fails), no baseline. */
  policy?: GatePolicy;
}

function scenarioLine(result: ScenarioResult): ScenarioSummary {
  return {
    id: result.id,
    title: result.title,
    status: result.status,
    durationMs: Math.max(0, Math.round(result.durationMs)),
    findings: [...new Set(result.findings.map((f) => f.code))],
    kind: result.kind,
    ...(result.simulates ? { simulates: result.simulates } : {}),
    ...(result.expected ? { expected: [...result.expected] } : {}),
    ...(result.seen ? { seen: [...result.seen] } : {}),
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.kind === 'conformance' ? { profile: result.target.profile } : {}),
    ...(result.timing ? { timing: { ...result.timing } } : {}),
    ...(result.checks ? { checks: result.checks.map((c) => ({ ...c })) } : {}),
  };
}

/**
 * Simulated scenarios produce their faults on purpose, so only conformance findings describe the target. Several
 * scenarios walk the same steps (discover, install…) and see the same problem: one entry per code and message,
 * credited to the first scenario in run order.
 */
function targetFindings(results: readonly ScenarioResult[]): Finding[] {
  const seen = new Map<string, Finding>();
  const findings: Finding[] = [];
  for (const result of results) {
    if (result.kind !== 'conformance') continue;
    for (const finding of result.findings) {
      // Once per host: the same problem is an error for one host and a warning for another. A server-wide problem
      // several hosts see alike (same code, message and severity) is one finding listing each of them.
      const key = `${finding.code}\u0000${finding.message}\u0000${finding.severity}`;
      const known = seen.get(key);
      if (known) {
        if (finding.profile && known.profile !== finding.profile && !known.profiles?.includes(finding.profile)) {
          known.profiles = [...(known.profiles ?? (known.profile ? [known.profile] : [])), finding.profile];
        }
        continue;
      }
      const copy = { ...finding, scenario: finding.scenario || result.id, evidence: [...finding.evidence] };
      seen.set(key, copy);
      findings.push(copy);
    }
  }
  // Array.prototype.sort is stable, so run order survives within a severity.
  return findings.sort(bySeverity);
}

function countTotals(scenarios: readonly ScenarioSummary[], findings: readonly Finding[]): Totals {
  const byStatus = (status: ScenarioSummary['status']) => scenarios.filter((s) => s.status === status).length;
  const bySeverity = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  return {
    scenarios: scenarios.length,
    passed: byStatus('passed'),
    failed: byStatus('failed'),
    skipped: byStatus('skipped'),
    inconclusive: byStatus('inconclusive'),
    errors: bySeverity('error'),
    warnings: bySeverity('warning'),
    infos: bySeverity('info'),
  };
}

/** Turns the scenario results of one run, in run order, into reports/summary.json (DESIGN.md "Outputs"). */
export function buildSummary(results: readonly ScenarioResult[], meta: SummaryMeta): Summary {
  const scenarios = results.map(scenarioLine);
  const findings = targetFindings(results);
  const totals = countTotals(scenarios, findings);
  const firstConformance = results.find((r) => r.kind === 'conformance');
  const startedAt = typeof meta.startedAt === 'string' ? meta.startedAt : meta.startedAt.toISOString();
  const built: Summary = {
    tool: { ...meta.tool },
    target: { ...(firstConformance?.target ?? meta.fallbackTarget) },
    startedAt,
    durationMs: Math.max(0, Math.round(meta.durationMs)),
    // Decided by the gate below, the one place a verdict is computed.
    verdict: 'fail',
    scenarios,
    ...(scenarios.some((s) => s.kind === 'conformance') ? { hosts: buildHostMatrix(results) } : {}),
    findings,
    totals,
  };
  return applyGate(built, meta.policy ?? { failOn: 'error', today: dayOf(startedAt) });
}
