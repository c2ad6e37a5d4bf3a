import { join } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { startReferenceMcpServer, type RunningReferenceMcpServer } from '../../examples/reference-mcp-server/start.ts';
import { loadSettings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import type { Finding } from '../../mock-host/findings/finding.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import type { ScenarioResult } from '../../mock-host/report/scenario-result.ts';
import { MockHostServer } from '../../mock-host/server/mock-host-server.ts';
import { runScenario } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { sharedTargetState, type SharedTargetState } from '../../scenarios/targets/simulated-target.ts';
import { scratchDir } from '../scratch-dir.ts';

/**
 * A registration endpoint that allows one registration (the official SDK's allows 20 an hour): a run of several
 * installing scenarios under one host registers once and keeps the client, as a host keeps its registration, so no
 * scenario reports a rate limit, let alone DCR_REJECTS_HOST_METADATA. Without the run's kept registrations every
 * install registers and the second is rate-limited: API_RATE_LIMITED and an inconclusive scenario, never a refusal.
 */
const SCENARIOS = ['install-and-use', 'code-reuse', 'token-response-shape', 'unknown-client'];
const scenarios = loadScenarioFiles().filter((s) => SCENARIOS.includes(s.id));
const quiet = { step: <T>(_title: string, body: () => Promise<T>) => body(), attach: async () => undefined };

async function runAll(browser: Browser, server: RunningReferenceMcpServer, shared: () => SharedTargetState | undefined, ids: readonly string[]): Promise<{ results: ScenarioResult[]; all: Finding[] }> {
  const env = { PLUGIN_URL: server.mcpUrl, PLUGIN_LOGIN_USERNAME: 'demo@example.com', PLUGIN_LOGIN_PASSWORD: 'demo-password' };
  const settings = loadSettings(env, scratchDir('kept-registration'));
  const mockHost = new MockHostServer();
  await mockHost.start();
  const results: ScenarioResult[] = [];
  const all: Finding[] = [];
  try {
    for (const id of ids) {
      const scenario = scenarios.find((s) => s.id === id);
      if (!scenario) throw new Error(`no scenario ${id}`);
      const state = shared();
      const session = new HostSession({
        scenario: id,
        profile: PROFILES['claude-connector'],
        settings,
        origin: server.mcpUrl,
        hostOrigin: mockHost.origin,
        targetClock: server.clock,
        ...(state ? { responses: state.responses, registrations: state.registrations } : {}),
      });
      const context = await browser.newContext();
      mockHost.track(session);
      try {
        results.push(await runScenario({ scenario, session, context, mockHost, reporting: quiet }));
        all.push(...session.findings.list());
      } finally {
        mockHost.untrack(session);
        await session.dispose();
        await context.close();
      }
    }
  } finally {
    await mockHost.close();
  }
  return { results, all };
}

const codesOf = (findings: readonly Finding[]) => [...new Set(findings.map((f) => `${f.code}@${f.severity}`))];

test('a run keeps its registration: four installing scenarios, one POST to /register, no rate limit', async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await startReferenceMcpServer({ faults: ['dcr-rate-limited'], registrationLimit: 1, clientIdMetadataDocuments: false });
  try {
    const run = sharedTargetState();
    const { results, all } = await runAll(browser, server, () => run, SCENARIOS);
    expect(server.requestLog.byPath('/register', 'POST')).toHaveLength(1);
    expect(codesOf(all).filter((c) => c.startsWith('DCR_') || c.startsWith('API_RATE_LIMITED'))).toEqual([]);
    expect(results.map((r) => `${r.id}: ${r.status}`)).toEqual(SCENARIOS.map((id) => `${id}: passed`));
  } finally {
    await server.close();
  }
});

test('without kept registrations the second install is rate-limited: API_RATE_LIMITED, inconclusive, one backoff', async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await startReferenceMcpServer({ faults: ['dcr-rate-limited-no-retry-after'], registrationLimit: 1, clientIdMetadataDocuments: false });
  try {
    const { results, all } = await runAll(browser, server, () => undefined, ['install-and-use', 'code-reuse']);
    // One registration, then a 429, the backoff and a second 429.
    expect(server.requestLog.byPath('/register', 'POST').map((r) => r.status)).toEqual([201, 429, 429]);
    expect(codesOf(all)).toEqual(['API_RATE_LIMITED@warning']);
    expect(results.map((r) => `${r.id}: ${r.status}`)).toEqual(['install-and-use: passed', 'code-reuse: inconclusive']);
    expect(results[1]?.reason).toContain('rate-limits the host (HTTP 429)');
  } finally {
    await server.close();
  }
});
