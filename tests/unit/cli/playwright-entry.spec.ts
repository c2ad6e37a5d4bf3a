import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { test, expect } from '@playwright/test';
import { harnessFile } from '../../../mock-host/harness-root.ts';
import { conformance } from '../../../scenarios/playwright.ts';

// The Playwright entry of the package (plugin-conformance/playwright), as a team's own config uses it.

test('the projects find the scenario specs from any config directory, also inside node_modules', () => {
  const harness = conformance({ env: { PLUGIN_PROFILE: 'claude-code' }, reportsDir: 'elsewhere' });
  expect(harness.projects.map((p) => p.name)).toEqual(['conformance']);
  const [project] = harness.projects;
  expect(project?.testDir).toBe(harnessFile('scenarios'));
  expect(existsSync(join(project?.testDir ?? '', String(project?.testMatch)))).toBe(true);
  // Playwright's default testIgnore (**/node_modules/**) would hide the installed package's own specs.
  expect(project?.testIgnore).toEqual([]);
  expect(project?.retries).toBe(0);
  expect(project?.use).toBe(harness.use);
  expect(harness.use.trace).toBe('off');
  expect(harness.use.launchOptions?.args?.some((a) => a.startsWith('--host-resolver-rules=') && a.includes('chatgpt.com'))).toBe(true);
});

test('the simulated matrix is opt-in and retried like the rest of a suite', () => {
  const harness = conformance({ env: { PLUGIN_PROFILE: 'claude-code' }, simulated: true });
  expect(harness.projects.map((p) => [p.name, p.retries])).toEqual([['conformance', 0], ['simulated', undefined]]);
});

test('the reporters are absolute, resolvable from the user\'s config directory, and write where asked', () => {
  const harness = conformance({ env: { PLUGIN_PROFILE: 'claude-code' }, reportsDir: '/tmp/their-reports' });
  const [allure, summary] = harness.reporter;
  for (const reporter of [allure, summary]) {
    expect(isAbsolute(reporter?.[0] ?? '')).toBe(true);
    expect(existsSync(reporter?.[0] ?? '')).toBe(true);
  }
  expect(allure?.[1]).toMatchObject({ resultsDir: '/tmp/their-reports/allure-results', detail: false });
  expect(summary?.[1]).toEqual({ reportsDir: '/tmp/their-reports', html: true });
  expect(conformance({ env: { PLUGIN_PROFILE: 'claude-code' }, html: false }).reporter[1]?.[1]).toMatchObject({ html: false });
});

test('a given PLUGIN_PROFILE is kept; without PLUGIN_URL nothing is detected', () => {
  const given = { PLUGIN_URL: 'http://127.0.0.1:9/mcp', PLUGIN_PROFILE: 'chatgpt-app' };
  conformance({ env: given });
  expect(given.PLUGIN_PROFILE).toBe('chatgpt-app');
  const bundled: NodeJS.ProcessEnv = {};
  conformance({ env: bundled });
  expect(bundled.PLUGIN_PROFILE).toBeUndefined();
});
