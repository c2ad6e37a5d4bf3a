import type { z } from 'zod';
import type { Settings } from '../../mock-host/config/settings.ts';
import type { SavedSignIn } from '../scenario-browser-state.ts';
import type { TargetClock } from '../../mock-host/engine/session.ts';
import { ResponseCache } from '../../mock-host/recorder/response-cache.ts';
import { KeptRegistrations } from '../../mock-host/oauth/kept-registrations.ts';

/** A simulated target, running: where it is and how the harness must be configured to use it. */
export interface StartedTarget {
  origin: string;
  settings: Settings;
  /** Simulated targets let the harness move their clock (expiry probes without waiting). */
  targetClock?: TargetClock;
  /** What the scenarios of one run against this target share (conformance targets; each simulated scenario has its own). */
  shared?: SharedTargetState;
  close(): Promise<void>;
}

/**
 * A run's memory of one target, as a returning user's host has it: the documents it already fetched, per host the
 * browser's signed-in state (so a later install skips the sign-in page and only consents), and per host the client
 * it registered (so a later install with the same registration body uses it again instead of registering another).
 */
export interface SharedTargetState {
  responses: ResponseCache;
  signIns: Map<string, SavedSignIn>;
  registrations: KeptRegistrations;
}

export function sharedTargetState(): SharedTargetState {
  return { responses: new ResponseCache(), signIns: new Map(), registrations: new KeptRegistrations() };
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
