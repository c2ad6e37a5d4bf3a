import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ConfigError } from '../../../mock-host/config/config-error.ts';
import { readAllureTests } from '../../../mock-host/report/allure-results.ts';
import { scenariosOfOutcome } from '../../../mock-host/report/scenario-outcome.ts';
import { scenario } from './fixtures.ts';

const CONTEXT = { scenarioProjects: { conformance: 'conformance', simulated: 'simulated' } as const, fallbackTarget: { url: '', profile: 'chatgpt-plugin' as const, authType: 'unknown' as const } };

function resultsDir(results: Record<string, unknown>[], attachments: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'allure-results-'));
  for (const r of results) writeFileSync(join(dir, `${String(r.uuid)}-result.json`), JSON.stringify(r));
  for (const [name, body] of Object.entries(attachments)) writeFileSync(join(dir, name), body);
  writeFileSync(join(dir, 'environment.properties'), 'node=v20\n');
  return dir;
}

test('reads a scenario test back from allure-playwright output, its result attachment nested in a step', () => {
  const result = scenario('discovery', { status: 'failed', findings: [] , reason: 'broken lifecycle' });
  const dir = resultsDir(
    [
      {
        uuid: 'u1',
        name: 'discovery: Discovery',
        historyId: 'h1',
        status: 'broken',
        statusDetails: { message: 'discovery failed' },
        start: 1000,
        stop: 3500,
        parameters: [{ name: 'Project', value: 'conformance' }],
        steps: [{ name: 'discover', steps: [] }, { name: 'scenario-result.json', attachments: [{ name: 'scenario-result.json', source: 'a1-attachment.json', type: 'application/json' }] }],
      },
      { uuid: 'u2', name: 'a self-test', status: 'failed', start: 1, stop: 2, labels: [{ name: 'parentSuite', value: 'self-tests' }] },
    ],
    { 'a1-attachment.json': JSON.stringify(result) },
  );
  const tests = readAllureTests(dir).sort((a, b) => a.outcome.title.localeCompare(b.outcome.title));
  expect(tests.map((t) => [t.outcome.title, t.outcome.projectName, t.outcome.status, t.outcome.durationMs])).toEqual([
    ['a self-test', 'self-tests', 'failed', 1],
    ['discovery: Discovery', 'conformance', 'failed', 2500],
  ]);
  expect(scenariosOfOutcome(tests[1]!.outcome, CONTEXT).results).toEqual([result]);
  expect(scenariosOfOutcome(tests[0]!.outcome, CONTEXT).results).toEqual([]);
});

test('a result file that is not an Allure result is bad input naming the file', () => {
  const dir = resultsDir([{ uuid: 'u3' }]);
  expect(() => readAllureTests(dir)).toThrow(ConfigError);
  expect(() => readAllureTests(dir)).toThrow(/u3-result\.json: not an Allure result/);
});
