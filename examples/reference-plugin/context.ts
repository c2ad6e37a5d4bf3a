import type { PluginClock } from './clock.ts';
import type { Fault, ResolvedReferencePluginOptions } from './options.ts';
import type { ReferenceStore } from './store.ts';

/** What every route factory of one plugin instance shares. */
export interface PluginContext {
  readonly options: ResolvedReferencePluginOptions;
  readonly clock: PluginClock;
  readonly store: ReferenceStore;
  has(fault: Fault): boolean;
}

export function createPluginContext(
  options: ResolvedReferencePluginOptions,
  clock: PluginClock,
  store: ReferenceStore,
): PluginContext {
  const faults = new Set<Fault>(options.faults);
  return { options, clock, store, has: (fault) => faults.has(fault) };
}
