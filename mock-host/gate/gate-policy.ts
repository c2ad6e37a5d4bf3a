import type { Settings } from '../config/settings.ts';
import { dayOf, type GatePolicy } from './apply-gate.ts';
import { baselinePath, loadBaseline } from './load-baseline.ts';

export interface PolicyContext {
  /** When the run started: baseline expiry is judged on that day, so a run across midnight is judged once. */
  startedAt: Date | string;
  partial?: boolean;
  cwd?: string;
  /** Scenario ids a baseline entry may name; checked when given. */
  knownScenarios?: readonly string[];
}

/** The failure policy of these settings: PLUGIN_FAIL_ON and the baseline file (configured, or the default one). */
export function loadGatePolicy(settings: Pick<Settings, 'failOn' | 'baseline'>, ctx: PolicyContext): GatePolicy {
  const file = baselinePath(settings.baseline, ctx.cwd);
  return {
    failOn: settings.failOn,
    today: dayOf(ctx.startedAt),
    ...(file ? { baseline: loadBaseline(file, ctx.knownScenarios) } : {}),
    ...(ctx.partial ? { partial: true } : {}),
  };
}
