import { hostilePluginTarget } from './hostile-target.ts';
import { mcpProviderTarget } from './mcp-provider-target.ts';
import { providerTarget } from './provider-target.ts';
import { referenceMcpServerTarget } from './reference-mcp-target.ts';
import { referencePluginTarget } from './reference-plugin-target.ts';
import type { SimulatedTargetKind } from './simulated-target.ts';

/** Every kind of simulated target a scenario file may name. Add a kind here (one module each). */
export const SIMULATED_TARGET_KINDS: readonly SimulatedTargetKind[] = [referencePluginTarget as SimulatedTargetKind, providerTarget as SimulatedTargetKind, hostilePluginTarget as SimulatedTargetKind, referenceMcpServerTarget as SimulatedTargetKind, mcpProviderTarget as SimulatedTargetKind];
