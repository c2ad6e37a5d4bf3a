import type { Fault, ReferenceMcpServerOptions } from '../../../examples/reference-mcp-server/options.ts';
import type { RunningReferenceMcpServer } from '../../../examples/reference-mcp-server/start.ts';
import type { DocumentHost } from '../support/document-host.ts';

/**
 * One fault's focused test. `check` runs the same probe against a server without the fault (faulty = false) and
 * with it (faulty = true) and asserts the wire behaviour expected of each, so every case shows that the fault
 * switch, and nothing else, changes that behaviour.
 */
export interface FaultCase {
  /** Options for both instances (the runner adds the fault itself). */
  readonly options?: Omit<ReferenceMcpServerOptions, 'faults'>;
  check(server: RunningReferenceMcpServer, faulty: boolean, documents: DocumentHost): Promise<void>;
}

export type FaultCases<K extends Fault> = Record<K, FaultCase>;
