import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { parse } from 'yaml';
import { FAULT_NAMES as MCP_FAULT_NAMES } from '../../../examples/reference-mcp-server/faults.ts';
import { FAULT_NAMES, type Fault } from '../../../examples/reference-plugin/faults.ts';
import { FINDING_CODES, type FindingCode } from '../../../mock-host/findings/catalog.ts';
import { loadScenarioFiles } from '../../../scenarios/scenario-loader.ts';

/**
 * Reference-plugin faults that no simulated scenario has to use, each with why: a fault that is not there to produce
 * a finding of its own.
 */
const FAULTS_WITHOUT_A_SIMULATED_SCENARIO: Partial<Record<Fault, string>> = {
  'api-echoes-token': 'exists to test report redaction (tests/e2e/failing-plugin-run.spec.ts); FINDINGS.md has no code for an echoed token',
  'one-code-per-user': 'a real-world behaviour, not a fault: tests/e2e/one-code-per-user.spec.ts shows that parallel scenarios never race its code slot',
};

const simulated = loadScenarioFiles().filter((s) => s.kind === 'simulated');

/** Every `faults:` list anywhere in a target spec (reference-plugin: faults; provider: plugin.faults). */
function faultsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(faultsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'faults' && Array.isArray(child) ? child.filter((f): f is string => typeof f === 'string') : faultsIn(child),
  );
}

function faultsOfScenario(file: string): string[] {
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  return faultsIn(doc && typeof doc === 'object' && 'target' in doc ? doc.target : undefined);
}

function scenariosExpecting(code: FindingCode): string[] {
  return simulated.filter((s) => s.simulated?.expected.includes(code)).map((s) => s.id);
}

test('every finding code is expected by at least one simulated scenario', () => {
  const missing = FINDING_CODES.filter((code) => scenariosExpecting(code).length === 0);
  expect(missing, 'codes no scenarios/simulated/*.yaml expects: add a scenario (and a fault if needed)').toEqual([]);
});

test('every reference-plugin fault is used by at least one simulated scenario', () => {
  const used = new Set(simulated.flatMap((s) => faultsOfScenario(s.file)));
  const unused = FAULT_NAMES.filter((fault) => !used.has(fault) && !(fault in FAULTS_WITHOUT_A_SIMULATED_SCENARIO));
  expect(unused, 'faults no scenarios/simulated/*.yaml switches on').toEqual([]);
  const stale = (Object.keys(FAULTS_WITHOUT_A_SIMULATED_SCENARIO) as Fault[]).filter((fault) => used.has(fault));
  expect(stale, 'now used: remove these from FAULTS_WITHOUT_A_SIMULATED_SCENARIO').toEqual([]);
});

test('every reference MCP server fault is used by at least one simulated scenario', () => {
  const used = new Set(simulated.flatMap((s) => faultsOfScenario(s.file)));
  expect(MCP_FAULT_NAMES.filter((fault) => !used.has(fault)), 'faults of examples/reference-mcp-server no scenarios/simulated/*.yaml switches on').toEqual([]);
});
