import type { z } from 'zod';
import type { Settings } from '../../mock-host/config/settings.ts';
import type { TargetClock } from '../../mock-host/engine/session.ts';

/** A simulated target, running: where it is and how the harness must be configured to use it. */
export interface StartedTarget {
  origin: string;
  settings: Settings;
  /** Simulated targets let the harness move their clock (expiry probes without waiting). */
  targetClock?: TargetClock;
  close(): Promise<void>;
}

/**
 * One kind of simulated target a scenario file can name under `target:`. Its schema validates the YAML when the
 * scenario files load (a bad file is exit code 2 before anything runs); `start` brings it up for one test.
 */
export interface SimulatedTargetKind<Schema extends z.ZodType = z.ZodType> {
  key: string;
  schema: Schema;
  start(spec: z.output<Schema>, base: Settings): Promise<StartedTarget>;
  /** What this spec simulates, in a few words (the faults it switches on): the detection matrix's first column. */
  describe?(spec: z.output<Schema>): string;
}

export function defineTargetKind<Schema extends z.ZodType>(kind: SimulatedTargetKind<Schema>): SimulatedTargetKind<Schema> {
  return kind;
}
