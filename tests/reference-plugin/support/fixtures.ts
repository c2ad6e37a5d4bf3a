import { test as base } from '@playwright/test';
import type { ReferencePluginOptions } from '../../../examples/reference-plugin/options.ts';
import { startReferencePlugin, type RunningReferencePlugin } from '../../../examples/reference-plugin/start.ts';

export { expect } from '@playwright/test';

export type StartPlugin = (options?: ReferencePluginOptions) => Promise<RunningReferencePlugin>;

/**
 * `startPlugin` starts a reference plugin on a free port, in-process; every instance is closed when the test ends.
 * Test-scoped on purpose: each test gets fresh state (users, tokens, clock), and starting one takes milliseconds.
 */
export const test = base.extend<{ startPlugin: StartPlugin }>({
  // Playwright reads the fixture's dependencies from the destructuring pattern, so it must stay an (empty) pattern.
  startPlugin: async ({}, use) => {
    const started: RunningReferencePlugin[] = [];
    await use(async (options = {}) => {
      const plugin = await startReferencePlugin({ port: 0, ...options });
      started.push(plugin);
      return plugin;
    });
    await Promise.all(started.map((plugin) => plugin.close()));
  },
});
