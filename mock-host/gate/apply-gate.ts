import { atLeast, worse, type Severity } from '../findings/severity.ts';
import type { Summary } from '../report/summary-schema.ts';
import { describeEntry, type BaselineEntry } from './baseline-schema.ts';
import type { BaselineReport, FailOn, GateReport } from './gate-schema.ts';

export interface GatePolicy {
  failOn: FailOn;
  baseline?: { file: string; entries: readonly BaselineEntry[] };
  /** The run's day, YYYY-MM-DD (UTC): an entry counts through its `expires` day. */
  today: string;
  /** One shard of a run: entries may match findings of other shards, so staleness waits for the merge. */
  partial?: boolean;
}

export function blocksAt(failOn: FailOn, severity: Severity): boolean {
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, atLeast(x, 'never') is false for every severity ('never' ranks -1); the test states the intent
  return failOn !== 'never' && atLeast(severity, failOn);
}

/** The UTC day of an ISO timestamp, the unit baseline expiry is written in. */
export function dayOf(timestamp: string | Date): string {
  // Stryker disable next-line ConditionalExpression: equivalent, new Date(aDate) is a copy of the same instant
  return (typeof timestamp === 'string' ? new Date(timestamp) : timestamp).toISOString().slice(0, 10);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Summary findings are deduplicated and credited to the first scenario that saw them, so a scenario's own severity
 * for a code is read from its finding when credited to it, else from any finding with that code (the worst one).
 */
function severityIn(summary: Summary, scenario: string, code: string): Severity {
  const own = summary.findings.filter((f) => f.code === code && f.scenario === scenario);
  const pool = own.length ? own : summary.findings.filter((f) => f.code === code);
  return pool.reduce<Severity>((w, f) => worse(w, f.severity), 'info');
}

/**
 * Decides the verdict of a built summary under a failure policy and a baseline of accepted findings (DESIGN.md's
 * rule, "no error finding, no failed scenario", is the default policy with no baseline). Pure: the same summary
 * and policy always give the same verdict, in a run, in a shard and in a merge.
 */
export function applyGate(summary: Summary, policy: GatePolicy): Summary {
  // Stryker disable next-line ArrayDeclaration: equivalent, the fallback is used only without a baseline, where no entry can match (no code), be stale or be reported
  const entries = policy.baseline?.entries ?? [];
  const live = (e: BaselineEntry) => !e.expires || e.expires >= policy.today;
  const matches = (e: BaselineEntry, scenario: string, code: string) => e.code === code && (!e.scenario || e.scenario === scenario);
  const matchedIn = new Map<BaselineEntry, Set<string>>(entries.map((e) => [e, new Set<string>()]));
  const isAccepted = (scenario: string, code: string) => entries.some((e) => live(e) && matches(e, scenario, code));

  const blocking: GateReport['blocking'] = [];
  const excused: string[] = [];
  const unexcused: string[] = [];
  for (const s of summary.scenarios) {
    if (s.kind !== 'conformance') {
      // A simulated scenario tests the harness: its findings are deliberate, its failure is always real.
      if (s.status === 'failed') unexcused.push(`${s.id}${s.reason ? ` (${s.reason})` : ''}`);
      continue;
    }
    for (const code of s.findings) {
      // Stryker disable next-line OptionalChaining: equivalent, matchedIn holds every entry
      for (const e of entries) if (matches(e, s.id, code)) matchedIn.get(e)?.add(s.id);
      const severity = severityIn(summary, s.id, code);
      if (!isAccepted(s.id, code) && blocksAt(policy.failOn, severity)) blocking.push({ scenario: s.id, code, severity });
    }
    if (s.status !== 'failed') continue;
    // Only a failure caused by error findings can be excused; a crash, a timeout or a broken lifecycle cannot. A
    // failure whose error findings still block needs no reason of its own: `blocking` already names them.
    const errorCodes = s.findings.filter((code) => severityIn(summary, s.id, code) === 'error');
    if (errorCodes.length === 0) unexcused.push(`${s.id}${s.reason ? ` (${s.reason})` : ''}`);
    // Stryker disable next-line StringLiteral: equivalent, blocksAt(failOn, '') is true exactly where blocksAt(failOn, 'error') is ('' ranks above every level)
    else if (errorCodes.every((code) => isAccepted(s.id, code) || !blocksAt(policy.failOn, 'error'))) excused.push(s.id);
  }

  // Stale only where the rule was checked: a check covering the code ran in scope and did not find it. A code no
  // scenario reached (the lifecycle stopped before, or a shard ran elsewhere) says nothing about the entry.
  const checkedWithout = (e: BaselineEntry) =>
    summary.scenarios.some((s) => s.kind === 'conformance' && (!e.scenario || e.scenario === s.id) && (s.checks ?? []).some((c) => c.status !== 'skipped' && c.codes.includes(e.code) && !c.found?.includes(e.code)));
  // Stryker disable next-line OptionalChaining: equivalent, matchedIn holds every entry
  const stale = entries.filter((e) => (matchedIn.get(e)?.size ?? 0) === 0 && checkedWithout(e));
  const expired = entries.filter((e) => !live(e));
  const reasons: string[] = [];
  if (blocking.length) {
    // Counted as summary.md and the console count findings (each once, however many scenarios saw it), so "3 errors"
    // never stands beside "11 findings at or above --fail-on error"; each code lists every scenario it blocks in.
    const byCode = new Map<string, { severity: Severity; scenarios: string[] }>();
    for (const b of blocking) {
      const entry = byCode.get(b.code) ?? { severity: b.severity, scenarios: [] };
      entry.severity = worse(entry.severity, b.severity);
      // Stryker disable next-line ConditionalExpression: equivalent, a scenario's codes are distinct (buildSummary), so blocking never holds one scenario and code twice
      if (!entry.scenarios.includes(b.scenario)) entry.scenarios.push(b.scenario);
      byCode.set(b.code, entry);
    }
    const counted = summary.findings.filter((f) => blocksAt(policy.failOn, f.severity) && byCode.has(f.code)).length || byCode.size;
    const listed = [...byCode].map(([code, e]) => `${code} (${e.severity}) in ${e.scenarios.join(', ')}`).join('; ');
    reasons.push(`${plural(counted, 'finding')} at or above --fail-on ${policy.failOn}: ${listed}`);
  }
  if (unexcused.length) reasons.push(`${plural(unexcused.length, 'failed scenario')}: ${unexcused.join('; ')}`);
  const lapsed = expired.filter((e) => blocking.some((b) => matches(e, b.scenario, b.code)));
  if (lapsed.length)
    reasons.push(`expired baseline ${lapsed.length === 1 ? 'entry no longer accepts' : 'entries no longer accept'}: ${lapsed.map((e) => `${describeEntry(e)} (expired ${e.expires})`).join(', ')}`);
  if (stale.length && !policy.partial && policy.failOn !== 'never')
    reasons.push(
      `${stale.length} stale baseline ${stale.length === 1 ? 'entry' : 'entries'}: ${stale.map(describeEntry).join(', ')} ` +
        `(nothing matches; remove ${stale.length === 1 ? 'it' : 'them'})`,
    );

  const gate: GateReport = { failOn: policy.failOn, reasons, blocking, excused, ...(policy.partial ? { partial: true } : {}) };
  const baseline: BaselineReport | undefined = policy.baseline && {
    file: policy.baseline.file,
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: equivalent, matchedIn holds every entry (the `?.` and `?? []` fallbacks are never taken)
    accepted: entries.filter((e) => live(e) && (matchedIn.get(e)?.size ?? 0) > 0).map((e) => ({ ...e, scenarios: [...(matchedIn.get(e) ?? [])] })),
    stale: [...stale],
    expired: [...expired],
  };
  return {
    ...summary,
    verdict: reasons.length ? 'fail' : 'pass',
    findings: summary.findings.map(({ accepted: _previous, ...f }) => (isAccepted(f.scenario, f.code) ? { ...f, accepted: true as const } : f)),
    gate,
    ...(baseline ? { baseline } : {}),
  };
}
