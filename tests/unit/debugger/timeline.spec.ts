import { test, expect } from '@playwright/test';
import { startReferencePlugin } from '../../../examples/reference-plugin/start.ts';
import { buildTimeline } from '../../../mock-host/debugger/timeline.ts';
import type { StepRecord } from '../../../mock-host/debugger/step-log.ts';
import { API, controlAnswerSchema } from '../../../mock-host/debugger/wire/controls.ts';
import type { Finding } from '../../../mock-host/findings/finding.ts';
import type { RecordedExchange } from '../../../mock-host/recorder/exchange.ts';
import { startDebugger } from '../../e2e/debugger-support.ts';
import { signInByFetch } from './fetch-browser.ts';
import { debuggerClient } from './http-client.ts';

function exchange(id: string, label = `call ${id}`): RecordedExchange {
  return { id, phase: 'use', label, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3, request: { method: 'GET', url: `http://127.0.0.1:9/${id}`, headers: {} }, response: { status: 200, headers: {}, body: '', truncated: false, bytes: 0 }, curl: `curl ${id}` };
}

function finding(code: Finding['code'], evidence: string[]): Finding {
  return { code, severity: 'warning', title: code, message: `${code} seen`, fix: 'fix it', scenario: 'debugger', evidence };
}

function record(seq: number, action: StepRecord['step']['action'], exchanges: StepRecord['exchanges'], findings: StepRecord['findings'], status: StepRecord['status'] = 'passed'): StepRecord {
  return { seq, step: { action }, title: action, source: 'control', status, startedAt: 0, realStart: 0, exchanges, findings };
}

// Rule: each step lists exactly the exchanges recorded while it ran and the findings it added, each finding beside
// the first exchange of its own step that shows it; a finding whose evidence lies in an earlier step stays with the
// step that found it (beside no exchange), and whatever no step recorded is listed apart, never dropped.
test('the timeline groups exchanges by step and pins each finding beside the exchange of its step that shows it', () => {
  const exchanges = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'].map((id) => exchange(id));
  const findings = [finding('API_SLOW', ['x2']), finding('TOKEN_RESPONSE_CACHEABLE', ['x1']), finding('REFRESH_TOKEN_ROTATED', []), finding('API_RATE_LIMITED', ['x6'])];
  const records = [
    record(1, 'install', { from: 0, to: 2 }, { from: 0, to: 1 }),
    record(2, 'use', { from: 2, to: 3 }, { from: 1, to: 3 }, 'stopped'),
    // x4 was recorded between steps (behind the debugger's back); the running step has no end yet.
    record(3, 'refresh', { from: 4 }, { from: 3 }, 'running'),
  ];
  const { timeline, unplaced } = buildTimeline(records, exchanges, findings);
  expect(timeline.map((s) => [s.action, s.status, s.exchanges.map((x) => x.id)])).toEqual([
    ['install', 'passed', ['x1', 'x2']],
    ['use', 'stopped', ['x3']],
    ['refresh', 'running', ['x5', 'x6']],
  ]);
  expect(timeline.map((s) => s.findings.map((f) => [f.code, f.exchangeId ?? 'the step']))).toEqual([
    [['API_SLOW', 'x2']],
    [
      ['TOKEN_RESPONSE_CACHEABLE', 'the step'],
      ['REFRESH_TOKEN_ROTATED', 'the step'],
    ],
    [['API_RATE_LIMITED', 'x6']],
  ]);
  expect(unplaced.exchanges.map((x) => x.id)).toEqual(['x4']);
  expect(unplaced.findings).toEqual([]);
});

// The same rule on a real session: a plugin that issues no refresh token. REFRESH_TOKEN_MISSING is found at the
// install, beside its code exchange; the lost access after expiry is found at the call that could not be made.
test('a real session: each finding sits with the step and exchange that caused it', async () => {
  const plugin = await startReferencePlugin({ faults: ['no-refresh-token'] });
  const running = await startDebugger({ profile: 'chatgpt-plugin', target: { kind: 'url', url: plugin.url, clientId: plugin.options.clientId, clientSecret: plugin.options.clientSecret } });
  const client = await debuggerClient(running.host.origin);
  try {
    const install = controlAnswerSchema.parse(await client.post(API.step, { action: 'install' }));
    await signInByFetch(install.startUrl ?? '', plugin.options);
    await client.settled();
    await client.post(API.step, { action: 'expire' });
    await client.settled();
    await client.post(API.step, { action: 'use' });
    const view = await client.settled();
    expect(view.timeline.map((s) => [s.action, s.status])).toEqual([
      ['discover', 'passed'],
      ['install', 'passed'],
      ['expire', 'passed'],
      ['use', 'stopped'],
    ]);
    const [, installed, , used] = view.timeline;
    const exchangeCode = installed?.exchanges.find((x) => x.label === 'exchange code');
    expect(exchangeCode).toBeDefined();
    expect(installed?.findings.find((f) => f.code === 'REFRESH_TOKEN_MISSING')?.exchangeId).toBe(exchangeCode?.id);
    expect(installed?.exchanges.filter((x) => x.browserHop).map((x) => x.label)).toEqual(['browser (install): your browser starts the install', "browser (install): back at the mock host's callback"]);
    // The host refuses to call with an expired token and no way to refresh: what users see, at the call.
    expect(used?.outcome).toBe('failed');
    expect(used?.findings.map((f) => f.code)).toContain('USER_MISSING_CREDENTIALS');
    expect(view.timeline.slice(0, 3).flatMap((s) => s.findings.map((f) => f.code))).not.toContain('USER_MISSING_CREDENTIALS');
    expect(view.unplaced).toEqual({ exchanges: [], findings: [] });
  } finally {
    await running.close();
    await plugin.close();
  }
});
