import { test, expect } from '@playwright/test';
import { scenariosOfOutcome, type OutcomeContext, type TestOutcome } from '../../../mock-host/report/scenario-outcome.ts';
import { SCENARIO_RESULT_ATTACHMENT } from '../../../mock-host/report/scenario-result.ts';
import { finding, scenario } from './fixtures.ts';

const ctx: OutcomeContext = {
  scenarioProjects: { conformance: 'conformance', simulated: 'simulated' },
  fallbackTarget: { url: 'https://plugin.example.com', profile: 'chatgpt-plugin', authType: 'unknown' },
};

function outcome(overrides: Partial<TestOutcome>): TestOutcome {
  return { title: 'lifecycle', projectName: 'conformance', status: 'passed', durationMs: 50, attachments: [], ...overrides };
}

const attach = (value: unknown) => ({ name: SCENARIO_RESULT_ATTACHMENT, contentType: 'application/json', body: Buffer.from(JSON.stringify(value)) });

test.describe('scenariosOfOutcome', () => {
  test('reads a scenario-result.json attachment', () => {
    const result = scenario('lifecycle', { findings: [finding('TOKEN_NO_EXPIRY', 'lifecycle')] });
    expect(scenariosOfOutcome(outcome({ attachments: [attach(result)] }), ctx)).toEqual({ results: [result], warnings: [] });
  });

  test('self-tests without an attachment are not scenarios', () => {
    expect(scenariosOfOutcome(outcome({ projectName: 'self-tests', status: 'failed', error: 'boom' }), ctx).results).toEqual([]);
  });

  test('a scenario test that crashed before attaching counts as a failed scenario', () => {
    const [result] = scenariosOfOutcome(outcome({ projectName: 'simulated', status: 'failed', error: '\u001b[31mError: boom\u001b[39m\n  at x' }), ctx).results;
    expect(result).toMatchObject({ id: 'lifecycle', kind: 'simulated', status: 'failed', reason: 'the test failed before producing a result: Error: boom' });
  });

  test('a skipped scenario test keeps its reason', () => {
    const [result] = scenariosOfOutcome(outcome({ status: 'skipped', skipReason: 'needs PLUGIN_USER_TOKEN' }), ctx).results;
    expect(result).toMatchObject({ status: 'skipped', reason: 'needs PLUGIN_USER_TOKEN', target: ctx.fallbackTarget });
  });

  test('a malformed attachment becomes a failed scenario and a warning', () => {
    const { results, warnings } = scenariosOfOutcome(outcome({ attachments: [attach({ id: 'x' })] }), ctx);
    expect(results[0]).toMatchObject({ status: 'failed' });
    expect(warnings[0]).toContain('invalid scenario-result.json in "lifecycle"');
  });

  test('a test that failed after attaching "passed" is reported failed', () => {
    const { results } = scenariosOfOutcome(outcome({ status: 'failed', error: 'expect(received).toBe(expected)', attachments: [attach(scenario('lifecycle'))] }), ctx);
    expect(results[0]).toMatchObject({ status: 'failed', reason: 'the test failed after the scenario passed: expect(received).toBe(expected)' });
  });
});
