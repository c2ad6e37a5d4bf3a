import type { ReferencePluginOptions } from '../../examples/reference-plugin/options.ts';
import { startReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { runHarness, type HarnessOptions, type HarnessRun } from './run-harness.ts';

export interface SharedRun extends HarnessRun {
  /** The plugin's URL; the plugin itself is closed once the run has ended. */
  pluginUrl: string;
}

/**
 * One whole harness run against a reference plugin, made by the first test of a spec file that asks for it and
 * read by the others: each child run costs half a minute of a loaded machine, and several tests check different
 * outputs of the same run. Tests of one file run in order in one worker; a worker that Playwright replaces after a
 * failure (or a retry) starts without it and runs it again, so no test ever reads a run another worker made.
 */
export function sharedRun(plugin: ReferencePluginOptions, timeoutMs: number, options: HarnessOptions = {}): () => Promise<SharedRun> {
  let made: Promise<SharedRun> | undefined;
  return () =>
    (made ??= (async () => {
      const started = await startReferencePlugin(plugin);
      try {
        return { ...(await runHarness(started.harnessEnv(), timeoutMs, options)), pluginUrl: started.url };
      } finally {
        await started.close();
      }
    })());
}
