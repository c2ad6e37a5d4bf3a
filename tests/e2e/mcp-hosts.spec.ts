import { test, expect } from '@playwright/test';
import { startReferenceMcpServer } from '../../examples/reference-mcp-server/start.ts';
import type { ReferenceMcpServerOptions } from '../../examples/reference-mcp-server/options.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { runHarness } from './run-harness.ts';

interface SummaryShape {
  verdict: string;
  findings: { code: string; severity: string; message: string; profile?: string; profiles?: string[] }[];
  scenarios: { id: string; status: string; profile?: string }[];
  hosts?: { profile: string; verdict: string; phase?: string; firstError?: string; userSees?: string }[];
}

const MCP_HOSTS = ['chatgpt-app', 'claude-connector', 'claude-code'] as const;

async function runAgainst(options: ReferenceMcpServerOptions, scenarios: readonly string[]) {
  const server = await startReferenceMcpServer(options);
  try {
    // Exactly what a user sets: the MCP URL and a test account; no PLUGIN_PROFILE, no client (the hosts get their own).
    const env = { PLUGIN_URL: server.mcpUrl, PLUGIN_LOGIN_USERNAME: 'demo@example.com', PLUGIN_LOGIN_PASSWORD: 'demo-password' };
    // The whole bench already runs every scenario under every host against this server; these runs are about the
    // way there (detection, the host matrix, exit codes), so a few scenarios do.
    return await runHarness(env, 300_000, { playwrightArgs: ['--grep', scenarios.map((s) => `› ${s}:`).join('|')] });
  } finally {
    await server.close();
  }
}

const seenBy = (f: SummaryShape['findings'][number]) => f.profiles ?? (f.profile ? [f.profile] : []);

// PLUGIN_URL=<an MCP endpoint> npm test: the harness tells an MCP server from a plugin by itself, runs every MCP host
// and reports the host matrix (FINDINGS.md §8).
test.describe('an MCP server through PLUGIN_URL, every MCP host', () => {
  test.describe.configure({ timeout: 360_000 });

  test('the reference MCP server works under every MCP host: exit 0, no error or warning', async () => {
    const run = await runAgainst({}, ['discovery', 'install-and-use', 'expired-token-refresh']);
    const summary = run.summary as SummaryShape;
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('An MCP server');
    expect(summary.hosts?.map((h) => [h.profile, h.verdict])).toEqual(MCP_HOSTS.map((id) => [id, 'works']));
    expect(new Set(summary.scenarios.map((s) => s.profile))).toEqual(new Set(MCP_HOSTS));
    expect(summary.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(summary.scenarios.filter((s) => s.status === 'failed' || s.status === 'inconclusive')).toEqual([]);
  });

  test('no refresh token: exit 1; each host loses access after install and use worked, with its own words', async () => {
    const run = await runAgainst({ faults: ['no-refresh-token'] }, ['install-and-use', 'absent-refresh-token']);
    const summary = run.summary as SummaryShape;
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    for (const host of MCP_HOSTS) {
      const mine = summary.findings.filter((f) => seenBy(f).includes(host));
      expect(mine.map((f) => f.code), host).toEqual(expect.arrayContaining(['REFRESH_TOKEN_MISSING', 'CONNECTION_EXPIRED']));
      const expired = mine.find((f) => f.code === 'CONNECTION_EXPIRED');
      for (const words of PROFILES[host].lostCredentials.userMessage.split('<App>')) expect(expired?.message, host).toContain(words);
      expect(summary.scenarios.find((s) => s.id === 'install-and-use' && s.profile === host)?.status, host).toBe('passed');
      expect(summary.hosts?.find((h) => h.profile === host)).toMatchObject({ verdict: 'degrades', phase: 'refresh', firstError: 'REFRESH_TOKEN_MISSING → CONNECTION_EXPIRED' });
    }
  });
});
