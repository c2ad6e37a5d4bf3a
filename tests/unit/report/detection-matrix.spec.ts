import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { buildSummary } from '../../../mock-host/report/build-summary.ts';
import { buildDetectionMatrix, detectionHeadline, detectionMatrixCells } from '../../../mock-host/report/detection-matrix.ts';
import { detectionMatrixAllureFiles, writeDetectionMatrixResult } from '../../../mock-host/report/detection-matrix-allure.ts';
import { renderSummaryMarkdown } from '../../../mock-host/report/summary-markdown.ts';
import { finding, META, scenario } from './fixtures.ts';

const detected = scenario('simulated/drop-state', {
  kind: 'simulated',
  simulates: 'drop-state',
  expected: ['STATE_NOT_RETURNED'],
  seen: ['MANIFEST_NOT_HTTPS', 'STATE_NOT_RETURNED'],
  findings: [finding('STATE_NOT_RETURNED', 'simulated/drop-state')],
});
const missed = scenario('simulated/refresh-token-lost', {
  kind: 'simulated',
  status: 'failed',
  reason: 'expected but not seen: REFRESH_TOKEN_LOST',
  simulates: 'refresh-token-lost',
  expected: ['REFRESH_TOKEN_LOST', 'USER_MISSING_CREDENTIALS'],
  seen: ['USER_MISSING_CREDENTIALS'],
});
const clean = scenario('simulated/provider-google', { kind: 'simulated', expected: [], seen: ['MANIFEST_NOT_HTTPS'] });
const conformance = scenario('discovery', { findings: [finding('MANIFEST_NOT_HTTPS', 'discovery', { severity: 'info' })] });

const summaryOf = (...results: Parameters<typeof buildSummary>[0]) => buildSummary(results, META);

test('one row per simulated scenario: expected, detected, missed and the rest of what was seen', () => {
  const rows = buildDetectionMatrix(summaryOf(conformance, detected, missed, clean).scenarios);
  expect(rows).toEqual([
    { scenario: 'drop-state', simulates: 'drop-state', expected: ['STATE_NOT_RETURNED'], detected: ['STATE_NOT_RETURNED'], missed: [], alsoSeen: ['MANIFEST_NOT_HTTPS'], status: 'passed' },
    {
      scenario: 'refresh-token-lost',
      simulates: 'refresh-token-lost',
      expected: ['REFRESH_TOKEN_LOST', 'USER_MISSING_CREDENTIALS'],
      detected: ['USER_MISSING_CREDENTIALS'],
      missed: ['REFRESH_TOKEN_LOST'],
      alsoSeen: [],
      status: 'failed',
      reason: 'expected but not seen: REFRESH_TOKEN_LOST',
    },
    // An entry that does not say what it simulates is shown by its id.
    { scenario: 'provider-google', simulates: 'provider-google', expected: [], detected: [], missed: [], alsoSeen: ['MANIFEST_NOT_HTTPS'], status: 'passed' },
  ]);
  // A code counts as detected only through a scenario that passed: USER_MISSING_CREDENTIALS alone proves nothing.
  expect(detectionHeadline(rows)).toBe('2 of 3 simulated scenarios produced exactly the findings they expect (1 did not); 1 of 3 expected finding codes detected.');
  expect(detectionMatrixCells(rows).rows).toEqual([
    ['drop-state', 'drop-state', 'STATE_NOT_RETURNED', 'STATE_NOT_RETURNED', 'MANIFEST_NOT_HTTPS', 'detected'],
    ['refresh-token-lost', 'refresh-token-lost', 'REFRESH_TOKEN_LOST, USER_MISSING_CREDENTIALS', 'USER_MISSING_CREDENTIALS; NOT SEEN: REFRESH_TOKEN_LOST', '—', 'failed: expected but not seen: REFRESH_TOKEN_LOST'],
    ['provider-google', 'provider-google', 'none (clean target)', '—', 'MANIFEST_NOT_HTTPS', 'clean, as expected'],
  ]);
});

test('summary.md gets a Detection matrix section only when simulated scenarios ran', () => {
  const withMatrix = renderSummaryMarkdown(summaryOf(conformance, detected, missed));
  expect(withMatrix).toContain('## Detection matrix');
  expect(withMatrix).toContain('| simulated fault | scenario | expected | seen | also seen | result |');
  expect(withMatrix).toContain('| drop-state | drop-state | STATE_NOT_RETURNED | STATE_NOT_RETURNED | MANIFEST_NOT_HTTPS | detected |');
  expect(renderSummaryMarkdown(summaryOf(conformance))).not.toContain('Detection matrix');
});

test('the Allure result: one synthetic test under epic detection-matrix, with the table attached as HTML', () => {
  const out = detectionMatrixAllureFiles(summaryOf(detected, missed), { uuid: 'u-1', now: 1_000 });
  if (!out) throw new Error('expected a result');
  expect(Object.keys(out.files).sort()).toEqual(['u-1-attachment.html', 'u-1-result.json']);
  expect(JSON.parse(out.files['u-1-result.json'] ?? '')).toEqual(out.result);
  expect(out.result).toMatchObject({
    uuid: 'u-1',
    status: 'failed',
    statusDetails: { message: 'not detected as expected: refresh-token-lost' },
    stage: 'finished',
    start: 1_000,
    attachments: [{ name: 'detection-matrix.html', source: 'u-1-attachment.html', type: 'text/html' }],
  });
  expect(out.result.labels).toContainEqual({ name: 'epic', value: 'detection-matrix' });
  const html = out.files['u-1-attachment.html'] ?? '';
  expect(html).toContain('<td>USER_MISSING_CREDENTIALS; NOT SEEN: REFRESH_TOKEN_LOST</td>');
  // Stable across runs, so the report's history follows it.
  expect(detectionMatrixAllureFiles(summaryOf(detected), { uuid: 'u-2' })?.result.historyId).toBe(out.result.historyId);
  expect(detectionMatrixAllureFiles(summaryOf(detected))?.result.status).toBe('passed');
});

test('cell text from a reason is escaped in the HTML', () => {
  const hostile = scenario('simulated/x', { kind: 'simulated', status: 'failed', reason: '<img src=x onerror=alert(1)>', expected: ['API_SLOW'], seen: [] });
  const html = detectionMatrixAllureFiles(summaryOf(hostile), { uuid: 'u' })?.files['u-attachment.html'] ?? '';
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).not.toContain('<img');
});

test('written into allure-results; nothing at all without simulated scenarios', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'matrix-')), 'allure-results');
  expect(writeDetectionMatrixResult(dir, summaryOf(conformance))).toBeUndefined();
  const path = writeDetectionMatrixResult(dir, summaryOf(detected));
  expect(path).toMatch(/-result\.json$/);
  expect(readdirSync(dir)).toHaveLength(2);
  expect(JSON.parse(readFileSync(path ?? '', 'utf8'))).toMatchObject({ status: 'passed', name: expect.stringContaining('Detection matrix') });
});
