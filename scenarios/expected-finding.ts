import { CATALOG, type FindingCode } from '../mock-host/findings/catalog.ts';
import type { Severity } from '../mock-host/findings/severity.ts';

/** One entry of `expect.findings` or `expect.allow`: a code, and the one severity it must have (absent: any). */
export interface ExpectedFinding {
  code: FindingCode;
  severity?: Severity;
}

/** The severity a finding of this code has when no check or profile moves it (inconclusive codes are info). */
export function catalogSeverity(code: FindingCode): Severity {
  const severity = CATALOG[code].severity;
  return severity === 'inconclusive' ? 'info' : severity;
}

/**
 * `CODE@severity` names that severity; a plain `CODE` in `expect.findings` is its catalog severity, in `expect.allow`
 * any severity. The text was validated by the scenario schema.
 */
export function parseExpectedFinding(text: string, plain: 'catalog' | 'any'): ExpectedFinding {
  const [code, severity] = text.split('@') as [FindingCode, Severity | undefined];
  if (severity) return { code, severity };
  return plain === 'catalog' ? { code, severity: catalogSeverity(code) } : { code };
}

/** `CODE` or `CODE@severity`, as a scenario file writes it. */
export function showExpectedFinding(e: ExpectedFinding): string {
  return e.severity ? `${e.code}@${e.severity}` : e.code;
}

export function matches(e: ExpectedFinding, f: { code: string; severity: Severity }): boolean {
  return e.code === f.code && (e.severity === undefined || e.severity === f.severity);
}
