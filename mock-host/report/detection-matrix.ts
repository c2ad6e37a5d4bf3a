import type { ScenarioSummary } from './summary-schema.ts';

/**
 * One simulated scenario as a row of the detection matrix: a deliberate fault, the codes FINDINGS.md says it must
 * produce, and what the harness saw. The proof, per fault, that the harness detects what it claims to.
 */
export interface DetectionRow {
  /** The scenario id without `simulated/`. */
  scenario: string;
  /** What was simulated (the faults, options and host), or the scenario id when the entry does not say. */
  simulates: string;
  expected: string[];
  /** Expected codes that were seen. */
  detected: string[];
  /** Expected codes that were not seen. */
  missed: string[];
  /** Codes seen besides the expected ones (those its file allows, or what made it fail). */
  alsoSeen: string[];
  status: ScenarioSummary['status'];
  reason?: string;
}

/** The simulated scenarios of a run, in run order; conformance scenarios are not part of the matrix. */
export function buildDetectionMatrix(scenarios: readonly ScenarioSummary[]): DetectionRow[] {
  return scenarios
    .filter((s) => s.kind === 'simulated')
    .map((s) => {
      const expected = [...(s.expected ?? [])];
      const seen = s.seen ?? s.findings;
      return {
        scenario: s.id.replace(/^simulated\//, ''),
        simulates: s.simulates ?? s.id.replace(/^simulated\//, ''),
        expected,
        detected: expected.filter((c) => seen.includes(c)),
        missed: expected.filter((c) => !seen.includes(c)),
        alsoSeen: seen.filter((c) => !expected.includes(c)),
        status: s.status,
        ...(s.reason ? { reason: s.reason } : {}),
      };
    });
}

export interface DetectionTotals {
  scenarios: number;
  passed: number;
  /** Distinct codes at least one scenario expects, and how many of those some passing scenario detected. */
  codesExpected: number;
  codesDetected: number;
}

export function detectionTotals(rows: readonly DetectionRow[]): DetectionTotals {
  const expected = new Set(rows.flatMap((r) => r.expected));
  const detected = new Set(rows.filter((r) => r.status === 'passed').flatMap((r) => r.detected));
  return { scenarios: rows.length, passed: rows.filter((r) => r.status === 'passed').length, codesExpected: expected.size, codesDetected: detected.size };
}

/** One line above the table: how many faults are detected as promised. */
export function detectionHeadline(rows: readonly DetectionRow[]): string {
  const t = detectionTotals(rows);
  const failed = t.scenarios - t.passed;
  return (
    `${t.passed} of ${t.scenarios} simulated scenarios produced exactly the findings they expect` +
    `${failed ? ` (${failed} did not)` : ''}; ${t.codesDetected} of ${t.codesExpected} expected finding codes detected.`
  );
}

const list = (codes: readonly string[], none = '—') => (codes.length ? codes.join(', ') : none);

/** The matrix as plain table cells (not escaped: each renderer escapes for its own format). */
export function detectionMatrixCells(rows: readonly DetectionRow[]): { header: string[]; rows: string[][] } {
  return {
    header: ['simulated fault', 'scenario', 'expected', 'seen', 'also seen', 'result'],
    rows: rows.map((r) => [
      r.simulates,
      r.scenario,
      list(r.expected, 'none (clean target)'),
      [list(r.detected), ...(r.missed.length ? [`NOT SEEN: ${r.missed.join(', ')}`] : [])].join('; '),
      list(r.alsoSeen),
      r.status === 'passed' ? (r.expected.length ? 'detected' : 'clean, as expected') : `${r.status}${r.reason ? `: ${r.reason}` : ''}`,
    ]),
  };
}
