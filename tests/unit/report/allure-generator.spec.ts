import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AllureGenerator, generateAllureReports } from '../../../mock-host/report/allure-html.ts';
import { reportPaths, type ReportPaths } from '../../../mock-host/report/report-paths.ts';

// A run starts Allure with its scenarios (scripts/run-conformance.ts) and tells it to generate once the results are
// in: it must read the results of the moment it is told, not of the moment it started, and go quietly if never told.

function writeResult(paths: ReportPaths, name: string): void {
  const now = Date.now();
  const uuid = '5c3f1c0e-0a4b-4d7e-9a57-3f0e6d2b8c41';
  const result = { uuid, historyId: name, name, fullName: `scenarios/conformance.spec.ts#${name}`, status: 'passed', stage: 'finished', start: now - 1000, stop: now, labels: [], steps: [], attachments: [], parameters: [] };
  writeFileSync(join(paths.allureResults, `${uuid}-result.json`), JSON.stringify(result));
}

test('a generator started before the results exist writes both reports from the results there when told', async () => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'allure-generator-'));
  try {
    const paths = reportPaths(dir);
    mkdirSync(paths.allureResults);
    const generator = AllureGenerator.start(paths);
    // Allure is loading meanwhile; the results land afterwards, as a run's do.
    await new Promise((r) => setTimeout(r, 200));
    writeResult(paths, 'written after the generator started');
    const outcome = await generateAllureReports(paths, { target: 'http://127.0.0.1:1' }, generator);
    expect(outcome.problems).toEqual([]);
    expect(outcome.written).toEqual([join(paths.allureReport, 'index.html'), join(paths.allureReportSingle, 'index.html')]);
    for (const index of outcome.written) expect(existsSync(index)).toBe(true);
    expect(readdirSync(paths.allureReport).some((f) => f === 'data')).toBe(true);
    expect(existsSync(join(dir, 'allure-reports.partial'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a generator never told to generate exits on cancel and writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'allure-generator-'));
  try {
    const paths = reportPaths(dir);
    mkdirSync(paths.allureResults);
    writeResult(paths, 'an interrupted run');
    const started = Date.now();
    await AllureGenerator.start(paths).cancel();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readdirSync(dir).sort()).toEqual(['allure-results']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
