import type { ReferencePluginOptions } from '../../../examples/reference-plugin/options.ts';
import type { RunningReferencePlugin } from '../../../examples/reference-plugin/start.ts';

/**
 * One fault's focused test. `check` runs the same probe against a plugin without the fault (faulty = false) and
 * with it (faulty = true) and asserts the behaviour expected of each, so every case shows the fault is what
 * changes that behaviour.
 */
export interface FaultCase {
  /** Options for both instances (the fault itself is added by the runner). */
  readonly options?: Omit<ReferencePluginOptions, 'faults'>;
  check(plugin: RunningReferencePlugin, faulty: boolean): Promise<void>;
}
