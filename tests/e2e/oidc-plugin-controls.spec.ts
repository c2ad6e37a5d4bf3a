import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import type { OidcPluginOptions } from '../../examples/oidc-plugin/options.ts';
import { startOidcPlugin } from '../../examples/oidc-plugin/start.ts';
import { loadSettings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import type { Finding } from '../../mock-host/findings/finding.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import type { ScenarioResult } from '../../mock-host/report/scenario-result.ts';
import { MockHostServer } from '../../mock-host/server/mock-host-server.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';

/**
 * Controls for zero-false-positives.spec.ts. Negative: the same real server with a manifest mistake developers make must
 * draw exactly the finding that names it, so "no findings" there is not a blind harness. Positive: the mock host's
 * own loopback callback (PLUGIN_REDIRECT=local) works against oidc-provider's exact redirect URI matching.
 */

const OIDC_PLUGIN_DIR = fileURLToPath(new URL('../../examples/oidc-plugin/', import.meta.url));
const quiet: ScenarioReporting = { step: (_title, body) => body(), attach: async () => undefined };

async function runAgainstOidcPlugin(args: {
  browser: Browser;
  scenarioId: string;
  options?: OidcPluginOptions;
  localRedirect?: boolean;
}): Promise<{ result: ScenarioResult; findings: readonly Finding[]; redirectUri: string | undefined }> {
  const scenario = loadScenarioFiles().find((s) => s.id === args.scenarioId);
  if (!scenario) throw new Error(`scenarios/${args.scenarioId}.yaml is missing`);
  const mockHost = new MockHostServer();
  await mockHost.start();
  const base = loadSettings({}, OIDC_PLUGIN_DIR);
  const localCallback = `${mockHost.origin}/aip/${base.pluginId}/oauth/callback`;
  const plugin = await startOidcPlugin({ ...args.options, ...(args.localRedirect ? { redirectUris: [localCallback] } : {}) });
  const context = await args.browser.newContext();
  const settings = { ...loadSettings(plugin.harnessEnv(), OIDC_PLUGIN_DIR), ...(args.localRedirect ? { redirect: 'local' as const } : {}) };
  const session = new HostSession({ scenario: scenario.id, profile: PROFILES['chatgpt-plugin'], settings, origin: plugin.url, hostOrigin: mockHost.origin, targetClock: plugin.clock });
  mockHost.track(session);
  try {
    const result = await runScenario({ scenario, session, context, mockHost, reporting: quiet });
    const exchange = session.recorder.exchanges().find((x) => x.label === 'exchange code');
    const redirectUri = new URLSearchParams(exchange?.request.body ?? '').get('redirect_uri') ?? undefined;
    return { result, findings: session.findings.list(), redirectUri };
  } finally {
    mockHost.untrack(session);
    await context.close();
    await mockHost.close();
    await plugin.close();
  }
}

const problemCodes = (findings: readonly Finding[]): string[] =>
  [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity}:${f.code}`))].sort();

test('without prompt=consent in client_url, oidc-provider drops offline_access: no refresh token, users lose access', async ({ browser }) => {
  const { result, findings } = await runAgainstOidcPlugin({ browser, scenarioId: 'absent-refresh-token', options: { manifestPromptsConsent: false } });
  expect(result.status).toBe('failed');
  expect(problemCodes(findings)).toEqual(['error:REFRESH_TOKEN_MISSING', 'error:USER_MISSING_CREDENTIALS']);
});

test('authorization_content_type application/json: oidc-provider takes form bodies only', async ({ browser }) => {
  const { result, findings } = await runAgainstOidcPlugin({ browser, scenarioId: 'install-and-use', options: { manifestContentType: 'application/json' } });
  expect(result.status).toBe('failed');
  expect(problemCodes(findings)).toEqual(['error:TOKEN_BODY_ENCODING_REJECTED']);
});

test('PLUGIN_REDIRECT=local: the mock host callback route completes installs and refreshes against oidc-provider', async ({ browser }) => {
  const { result, findings, redirectUri } = await runAgainstOidcPlugin({ browser, scenarioId: 'expired-token-refresh', localRedirect: true });
  expect(problemCodes(findings)).toEqual([]);
  expect(result.status, result.reason).toBe('passed');
  expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/aip\/plugin-[0-9a-f-]+\/oauth\/callback$/);
});
