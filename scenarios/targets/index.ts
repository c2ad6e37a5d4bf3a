import { referencePluginTarget } from './reference-plugin-target.ts';
import type { SimulatedTargetKind } from './simulated-target.ts';

/** Every kind of simulated target a scenario file may name. Add a kind here (one module each). */
export const SIMULATED_TARGET_KINDS: readonly SimulatedTargetKind[] = [referencePluginTarget as SimulatedTargetKind];
