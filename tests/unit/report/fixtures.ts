import type { Finding } from '../../../mock-host/findings/finding.ts';
import type { FindingCode } from '../../../mock-host/findings/catalog.ts';
import { CATALOG, FINDING_CODES } from '../../../mock-host/findings/catalog.ts';
import type { ScenarioResult } from '../../../mock-host/report/scenario-result.ts';
import type { SummaryMeta } from '../../../mock-host/report/build-summary.ts';

export function finding(code: FindingCode, scenario: string, overrides: Partial<Finding> = {}): Finding {
  const severity = CATALOG[code].severity;
  return {
    code,
    severity: severity === 'inconclusive' ? 'info' : severity,
    title: CATALOG[code].title,
    message: `${code} seen`,
    fix: `fix ${code}`,
    scenario,
    evidence: ['ex-1'],
    ...overrides,
  };
}

/**
 * A scenario result. Unless `checks` is given, it reached a check for every code (what it found: its findings), so a
 * baseline entry it does not match counts as checked and stale; pass `checks: []` for a scenario that reached none.
 */
export function scenario(id: string, overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  const findings = overrides.findings ?? [];
  const found = [...new Set(findings.map((f) => f.code))];
  return {
    id,
    title: `Scenario ${id}`,
    kind: 'conformance',
    status: 'passed',
    durationMs: 120,
    findings,
    checks: [{ id: 'every-rule', status: found.length ? 'failed' : 'passed', spec: 'fixture', codes: [...FINDING_CODES], ...(found.length ? { found } : {}) }],
    target: { url: 'http://127.0.0.1:4100', profile: 'chatgpt-plugin', authType: 'oauth' },
    ...overrides,
  };
}

export const META: SummaryMeta = {
  tool: { name: 'plugin-conformance', version: '0.1.0' },
  startedAt: new Date('2026-11-22T10:00:00.000Z'),
  durationMs: 4321,
  fallbackTarget: { url: '', profile: 'chatgpt-plugin', authType: 'unknown' },
};
