import { expect, type Browser, type Page } from '@playwright/test';
import { defaultSettings, type Settings } from '../../mock-host/config/settings.ts';
import { debuggerRoutes } from '../../mock-host/debugger/debugger-routes.ts';
import { HostDebugger, type HostDebuggerOptions } from '../../mock-host/debugger/host-debugger.ts';
import { openTarget } from '../../mock-host/debugger/open-target.ts';
import type { ConfigureRequest } from '../../mock-host/debugger/wire/controls.ts';
import type { DebuggerView } from '../../mock-host/debugger/wire/view.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES, type ProfileId } from '../../mock-host/profiles/registry.ts';
import { MockHostServer } from '../../mock-host/server/mock-host-server.ts';
import { runStep } from '../../mock-host/steps/run-step.ts';
import type { Step } from '../../mock-host/steps/step-vocabulary.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { scratchDir } from '../scratch-dir.ts';

/** The flow the README walks by hand: install, call, past expiry, refresh, call (discover runs before the install). */
export const MANUAL_FLOW: readonly Step[] = [{ action: 'discover' }, { action: 'install' }, { action: 'use' }, { action: 'expire' }, { action: 'refresh' }, { action: 'use' }];

/** The bundled targets' test account (their READMEs). */
export const TEST_ACCOUNT = { username: 'demo@example.com', password: 'demo-password' };

export interface RunningDebugger {
  host: MockHostServer;
  app: HostDebugger;
  base: Settings;
  reportsDir: string;
  close(): Promise<void>;
}

/** `npm run host` in-process: the mock host on 127.0.0.1:0 serving the debugger, configured as given. */
export async function startDebugger(config: ConfigureRequest = { profile: 'chatgpt-plugin', target: { kind: 'reference' } }, options: Pick<HostDebuggerOptions, 'launchHarnessBrowser'> = {}): Promise<RunningDebugger> {
  const reportsDir = scratchDir('debugger-reports');
  const base = defaultSettings({ reportsDir });
  const host = new MockHostServer();
  await host.start();
  const app = new HostDebugger({ mockHost: host, base, scenarios: loadScenarioFiles().filter((s) => s.kind === 'conformance'), reportsDir, ...options });
  await app.configure(config);
  host.enableDebugger(debuggerRoutes(app, host.hostNames));
  return {
    host,
    app,
    base,
    reportsDir,
    close: async () => {
      await app.close();
      await host.close();
    },
  };
}

/** The user at the target's pages: sign in, allow, and land on the mock host's callback page. */
export async function signInAtTarget(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(TEST_ACCOUNT.username);
  await page.getByLabel('Password').fill(TEST_ACCOUNT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.locator('h1')).toHaveText('Installed');
}

/** The step with this sequence number, once it has finished as expected. */
export async function expectStep(page: Page, seq: number, action: string, status: 'passed' | 'stopped' = 'passed'): Promise<void> {
  const step = page.locator(`.step[data-seq="${seq}"]`);
  await expect(step).toHaveAttribute('data-action', action);
  await expect(step).toHaveClass(new RegExp(`\\b${status}\\b`), { timeout: 30_000 });
}

/** Findings as the comparison needs them: code and severity, sorted. */
export function digest(findings: readonly { code: string; severity: string }[]): string[] {
  return findings.map((f) => `${f.severity} ${f.code}`).sort();
}

export function viewFindings(view: DebuggerView): { code: string; severity: string }[] {
  return [...view.timeline.flatMap((s) => s.findings), ...view.unplaced.findings];
}

/**
 * The same steps on the engine directly: a HostSession on a fresh bundled target of the same kind, each step through
 * runStep, the install in a harness browser coming back to the same mock host's callback route.
 */
export async function runOnEngine(args: { profile: ProfileId; base: Settings; host: MockHostServer; browser: Browser; steps: readonly Step[] }): Promise<HostSession> {
  const profile = PROFILES[args.profile];
  const target = await openTarget({ kind: 'reference' }, profile, args.base);
  const context = await args.browser.newContext();
  const session = new HostSession({ scenario: 'engine', profile, settings: target.settings, origin: target.origin, hostOrigin: args.host.origin, documents: args.host, ...(target.targetClock ? { targetClock: target.targetClock } : {}) });
  args.host.track(session);
  try {
    for (const step of args.steps) await runStep(step, { session, context, mockHost: args.host });
    return session;
  } finally {
    args.host.untrack(session);
    await session.dispose();
    await context.close();
    await target.close();
  }
}
