import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDetectionMatrix, detectionHeadline, detectionMatrixCells, type DetectionRow } from './detection-matrix.ts';
import type { Summary } from './summary-schema.ts';
import { escapeHtml } from '../text/html.ts';

/** The labels that file the matrix under its own epic, apart from the profiles' epics of the scenario tests. */
export const DETECTION_MATRIX_EPIC = 'detection-matrix';

/** A self-contained page (Allure shows an HTML attachment in a sandboxed frame, without the report's styles). */
export function detectionMatrixHtml(rows: readonly DetectionRow[]): string {
  const cells = detectionMatrixCells(rows);
  const head = cells.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = cells.rows
    .map((row, i) => `<tr class="${rows[i]?.status === 'passed' ? 'ok' : 'bad'}">${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Detection matrix</title>
<style>body{font-family:system-ui,sans-serif;font-size:13px}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}tr.bad td{background:#fde2e2}</style>
</head><body>
<p>${escapeHtml(detectionHeadline(rows))}</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
</body></html>
`;
}

/** An Allure 2 result file, the format allure-playwright writes and Allure 3 reads. Only the fields we set. */
export interface AllureResultFile {
  uuid: string;
  historyId: string;
  testCaseId: string;
  name: string;
  fullName: string;
  status: 'passed' | 'failed';
  statusDetails?: { message: string };
  stage: 'finished';
  start: number;
  stop: number;
  description: string;
  labels: { name: string; value: string }[];
  attachments: { name: string; source: string; type: string }[];
  steps: never[];
  parameters: never[];
}

export interface AllureFiles {
  /** File name (in allure-results) → content. */
  files: Record<string, string>;
  result: AllureResultFile;
}

/**
 * The detection matrix as one synthetic Allure test: passed when every simulated scenario produced what it expects,
 * failed (naming the ones that did not) otherwise. Undefined when the run had no simulated scenarios.
 */
export function detectionMatrixAllureFiles(summary: Summary, ids: { uuid?: string; now?: number } = {}): AllureFiles | undefined {
  const rows = buildDetectionMatrix(summary.scenarios);
  if (rows.length === 0) return undefined;
  const uuid = ids.uuid ?? randomUUID();
  const now = ids.now ?? Date.now();
  const attachment = `${uuid}-attachment.html`;
  const failed = rows.filter((r) => r.status !== 'passed');
  // Stable across runs, so Allure tracks the matrix's history like any other test.
  const historyId = createHash('md5').update('plugin-conformance:detection-matrix').digest('hex');
  const result: AllureResultFile = {
    uuid,
    historyId,
    testCaseId: historyId,
    name: 'Detection matrix: every simulated fault → expected codes → codes seen',
    fullName: 'plugin-conformance:detection-matrix',
    status: failed.length ? 'failed' : 'passed',
    ...(failed.length ? { statusDetails: { message: `not detected as expected: ${failed.map((r) => r.scenario).join(', ')}` } } : {}),
    stage: 'finished',
    start: now,
    stop: now,
    description: `${detectionHeadline(rows)} The table is attached (detection-matrix.html); reports/summary.md has the same one.`,
    labels: [
      { name: 'epic', value: DETECTION_MATRIX_EPIC },
      { name: 'feature', value: 'simulated scenarios' },
      { name: 'suite', value: DETECTION_MATRIX_EPIC },
      { name: 'framework', value: 'plugin-conformance' },
    ],
    attachments: [{ name: 'detection-matrix.html', source: attachment, type: 'text/html' }],
    steps: [],
    parameters: [],
  };
  return { result, files: { [`${uuid}-result.json`]: `${JSON.stringify(result, null, 2)}\n`, [attachment]: detectionMatrixHtml(rows) } };
}

/**
 * Writes the matrix into allure-results before the HTML report is generated from them. Returns the result file's
 * path, or undefined when there was nothing to write.
 */
export function writeDetectionMatrixResult(allureResultsDir: string, summary: Summary): string | undefined {
  const out = detectionMatrixAllureFiles(summary);
  if (!out) return undefined;
  mkdirSync(allureResultsDir, { recursive: true });
  for (const [name, content] of Object.entries(out.files)) writeFileSync(join(allureResultsDir, name), content);
  return join(allureResultsDir, `${out.result.uuid}-result.json`);
}
