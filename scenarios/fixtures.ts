import { test as base } from '@playwright/test';
import { launchOptionsFor } from '../mock-host/browser/find-browser.ts';
import { loadSettings, type Settings } from '../mock-host/config/settings.ts';
import { sharedTargetState, type StartedTarget } from './targets/simulated-target.ts';
import type { HostProfile } from '../mock-host/profiles/registry.ts';
import type { MockHostServer } from '../mock-host/server/mock-host-server.ts';
import { startReferenceMcpTarget, startReferencePluginTarget } from './reference-target.ts';
import type { runScenarioTest } from './run-scenario-test.ts';

/** Where the scenarios run: PLUGIN_URL, the bundled plugin, or a simulated target. */
export type ConformanceTarget = Omit<StartedTarget, 'close'>;

interface WorkerFixtures {
  harnessSettings: Settings;
  /** The target for a protocol: PLUGIN_URL, or the bundled reference plugin / reference MCP server on port 0. */
  conformanceTarget: (protocol: HostProfile['protocol']) => Promise<ConformanceTarget>;
  mockHost: MockHostServer;
  /** Runs one scenario as the test (run-scenario-test.ts). */
  scenarioRunner: typeof runScenarioTest;
}

let scenarioRunnerModule: Promise<typeof import('./run-scenario-test.ts')> | undefined;
/** The engine behind the scenario runner, imported once per worker (never by the runner listing the tests). */
function loadScenarioRunner(): Promise<typeof import('./run-scenario-test.ts')> {
  return (scenarioRunnerModule ??= import('./run-scenario-test.ts'));
}

/**
 * Worker-scoped: the settings, the targets (PLUGIN_URL, or a bundled reference target started on first use), the
 * mock host's HTTP server and the scenario runner. Each test gets its own HostSession and browser context. The
 * engine is imported by the fixtures, not at the top, so listing the tests (Playwright's runner, before any worker
 * starts) loads only the settings and the scenario files.
 */
export const test = base.extend<object, WorkerFixtures>({
  // `--headed` cannot use the headless shell the lookup prefers. The project's options (the command line's
  // --headed included) say which; Playwright's `headless` fixture cannot, as it is itself read from launchOptions.
  launchOptions: [async ({ launchOptions }, use, workerInfo) => use(launchOptionsFor(launchOptions, workerInfo.project.use.headless ?? true)), { scope: 'worker' }],
  harnessSettings: [async ({}, use) => use(loadSettings()), { scope: 'worker' }],
  conformanceTarget: [
    async ({ harnessSettings }, use) => {
      const started = new Map<HostProfile['protocol'], Promise<StartedTarget>>();
      // The bundled targets' clocks are ours to move, so expiry probes need no real waiting. Tests in a worker run
      // one at a time and each installs afresh, so moving a clock cannot expire another test's tokens.
      const start = (protocol: HostProfile['protocol']): Promise<StartedTarget> =>
        harnessSettings.url
          ? Promise.resolve({ origin: harnessSettings.url, settings: harnessSettings, shared: sharedTargetState(), close: async () => undefined })
          : protocol === 'mcp'
            ? startReferenceMcpTarget(harnessSettings)
            : startReferencePluginTarget(harnessSettings);
      await use((protocol) => {
        let target = started.get(protocol);
        if (!target) started.set(protocol, (target = start(protocol)));
        return target;
      });
      for (const target of started.values()) await (await target).close();
    },
    { scope: 'worker' },
  ],
  mockHost: [
    async ({}, use) => {
      // The engine loads (half a second of CPU here) while the mock host starts and Playwright launches the browser.
      void loadScenarioRunner().catch(() => undefined);
      const { MockHostServer } = await import('../mock-host/server/mock-host-server.ts');
      const host = new MockHostServer();
      await host.start();
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
  scenarioRunner: [async ({}, use) => use((await loadScenarioRunner()).runScenarioTest), { scope: 'worker' }],
});

