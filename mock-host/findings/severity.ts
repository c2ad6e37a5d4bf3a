import type { Severity } from './catalog.ts';

export type { Severity } from './catalog.ts';

/** The one order of severities, most severe first: every sort, comparison and threshold reads it. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** 0 for error, 1 for warning, 2 for info: smaller is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** `a` is at least as severe as `b`. */
export function atLeast(a: Severity, b: Severity): boolean {
  return severityRank(a) <= severityRank(b);
}

/** The more severe of two. */
export function worse(a: Severity, b: Severity): Severity {
  return atLeast(a, b) ? a : b;
}

/** For Array.prototype.sort: most severe first (stable within a severity). */
export function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return severityRank(a.severity) - severityRank(b.severity);
}
