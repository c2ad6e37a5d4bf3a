import { fileURLToPath } from 'node:url';
import { expect, test, type TestInfo } from '@playwright/test';
import { startOidcMcpServer } from '../../examples/oidc-mcp-server/start.ts';
import { startOidcPlugin } from '../../examples/oidc-plugin/start.ts';
import { loadSettings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES, type ProfileId } from '../../mock-host/profiles/registry.ts';
import { MockHostServer } from '../../mock-host/server/mock-host-server.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { appliesToProtocol, loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { describeFindings } from '../../scenarios/scenario-outcome.ts';

/**
 * The zero-false-positive bench: every conformance scenario against servers whose authorization server is
 * oidc-provider, an OpenID-certified implementation configured as a careful developer would, under every host that
 * installs them. A strict, correct server must draw no error and no warning: any that appears is a harness false
 * positive (or a real finding to argue about, never to hide).
 */

interface BenchTarget {
  /** What the host is pointed at: the plugin's origin, or the MCP endpoint as a user types it. */
  readonly origin: string;
  /** The PLUGIN_* settings a developer would export for it. */
  readonly env: Record<string, string>;
  readonly clock: { advance(seconds: number): void };
  close(): Promise<void>;
}

interface Bench {
  readonly name: string;
  readonly hosts: readonly ProfileId[];
  /** Read through the harness's own settings loader from this directory (it holds no config file that could add to it). */
  readonly dir: string;
  /**
   * Warnings that are true of the server as configured, per scenario, each documented in its README ("Known
   * findings"): the bench asserts they appear, exactly these, so they also prove the harness sees them.
   */
  known?(host: ProfileId, scenario: string): readonly string[];
  start(): Promise<BenchTarget>;
}

const BENCHES: readonly Bench[] = [
  {
    name: 'oidc-provider plugin',
    hosts: ['chatgpt-plugin'],
    dir: fileURLToPath(new URL('../../examples/oidc-plugin/', import.meta.url)),
    async start() {
      const plugin = await startOidcPlugin();
      return { origin: plugin.url, env: plugin.harnessEnv(), clock: plugin.clock, close: () => plugin.close() };
    },
  },
  {
    name: 'oidc-provider MCP server',
    hosts: ['chatgpt-app', 'claude-connector', 'claude-code'],
    dir: fileURLToPath(new URL('../../examples/oidc-mcp-server/', import.meta.url)),
    known(host, scenario) {
      if (scenario === 'concurrent-refresh') return ['REFRESH_CONCURRENT_FAILS@warning'];
      if (scenario === 'refresh-token-rotation') return ['REFRESH_REUSE_REVOKES_FAMILY@warning'];
      // Claude Code registers as a native client (application_type native), whose redirect URIs oidc-provider checks.
      if (scenario === 'dcr-redirect-validation' && host !== 'claude-code') return ['DCR_ACCEPTS_INSECURE_REDIRECT@warning'];
      return [];
    },
    async start() {
      const server = await startOidcMcpServer();
      // oidc-provider's dev login takes any account name as the user: the second account is just another name.
      const env = {
        PLUGIN_URL: server.mcpUrl,
        PLUGIN_LOGIN_USERNAME: server.options.username,
        PLUGIN_LOGIN_PASSWORD: server.options.password,
        PLUGIN_LOGIN_USERNAME_2: 'second-user@example.com',
        PLUGIN_LOGIN_PASSWORD_2: server.options.password,
      };
      return { origin: server.mcpUrl, env, clock: server.clock, close: () => server.close() };
    },
  },
];

// Steps and evidence go to Playwright's report. Never under the name scenario-result.json: that attachment feeds
// reports/summary.json, which describes the user's target, not this bench.
function playwrightReporting(testInfo: TestInfo): ScenarioReporting {
  return {
    step: (title, body) => test.step(title, body),
    attach: async (name, body, contentType) => {
      await testInfo.attach(name, { body, contentType });
    },
  };
}

const conformance = loadScenarioFiles().filter((s) => s.kind === 'conformance');

for (const bench of BENCHES) {
  for (const host of bench.hosts) {
    for (const scenario of conformance.filter((s) => appliesToProtocol(s, PROFILES[host].protocol))) {
      test(`${bench.name} under ${host}: ${scenario.id} draws no error or warning`, async ({ browser }, testInfo) => {
        // A server per test: the expired-token probe moves its clock forward, which would expire later tests' tokens.
        const target = await bench.start();
        const mockHost = new MockHostServer();
        await mockHost.start();
        const context = await browser.newContext();
        const session = new HostSession({
          scenario: scenario.id,
          profile: PROFILES[host],
          settings: loadSettings(target.env, bench.dir),
          origin: target.origin,
          hostOrigin: mockHost.origin,
          targetClock: target.clock,
        });
        mockHost.track(session);
        try {
          const result = await runScenario({ scenario, session, context, mockHost, reporting: playwrightReporting(testInfo) });
          await testInfo.attach(`${bench.name} scenario outcome`, { body: JSON.stringify(result, null, 2), contentType: 'application/json' });
          // Every finding the harness raised, not only those in the scenario's focus: none may be an error or warning.
          const all = session.findings.list();
          const infos = all.filter((f) => f.severity === 'info');
          if (infos.length) testInfo.annotations.push({ type: 'info findings', description: [...new Set(infos.map((f) => f.code))].join(', ') });
          const known = bench.known?.(host, scenario.id) ?? [];
          const problems = all.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !known.includes(`${f.code}@${f.severity}`));
          expect(problems, describeFindings(problems)).toEqual([]);
          expect([...new Set(all.map((f) => `${f.code}@${f.severity}`))].filter((k) => known.includes(k)), 'the known findings of this server').toEqual([...known]);
          expect(result.status, result.reason).not.toBe('failed');
          expect(result.status, `the harness could not finish: ${result.reason ?? ''}`).not.toBe('inconclusive');
          if (result.status === 'skipped') testInfo.annotations.push({ type: 'skipped scenario', description: result.reason ?? '' });
        } finally {
          mockHost.untrack(session);
          await context.close();
          await mockHost.close();
          await target.close();
        }
      });
    }
  }
}
