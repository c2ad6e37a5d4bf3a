import { test as base } from '@playwright/test';
import { startReferencePlugin, type RunningReferencePlugin } from '../../examples/reference-plugin/start.ts';
import type { ReferencePluginOptions } from '../../examples/reference-plugin/options.ts';

/** `startPlugin(options)`: a reference plugin for this test only, closed when the test ends however it ends. */
export const test = base.extend<{ startPlugin: (options?: ReferencePluginOptions) => Promise<RunningReferencePlugin> }>({
  startPlugin: async ({}, use) => {
    const started: RunningReferencePlugin[] = [];
    await use(async (options = {}) => {
      const plugin = await startReferencePlugin(options);
      started.push(plugin);
      return plugin;
    });
    await Promise.all(started.map((p) => p.close()));
  },
});
export { expect } from '@playwright/test';
