import type { HostSession } from '../engine/session.ts';
import { LifecycleAbort } from '../model/lifecycle-abort.ts';
import { stepTitle, type Step } from '../steps/step-vocabulary.ts';

/** A half-open range of positions in an append-only list (the recorder's exchanges, the collector's findings). */
export interface Range {
  from: number;
  /** Absent while the step runs: everything recorded since `from` is its so far. */
  to?: number;
}

/** One step the debugger ran (a control, or a step of a scenario file), and where its evidence sits. */
export interface StepRecord {
  seq: number;
  step: Step;
  title: string;
  source: 'control' | 'scenario';
  status: 'running' | 'passed' | 'stopped';
  /** What stopped it: the lifecycle (a LifecycleAbort), or a harness bug. */
  abort?: LifecycleAbort;
  harnessError?: boolean;
  note?: string;
  /** The host's virtual clock. */
  startedAt: number;
  finishedAt?: number;
  /** Wall-clock ms, for reports. */
  realStart: number;
  realStop?: number;
  exchanges: Range;
  findings: Range;
}

/**
 * The steps run on one session, in order, each with the exchanges it recorded and the findings it added. Steps run
 * one at a time (the debugger refuses a control while one runs), so the positions before and after a step bound
 * exactly what it caused, as they bound a step's attachments in `npm test`.
 */
export class StepLog {
  readonly #records: StepRecord[] = [];

  constructor(
    private readonly session: HostSession,
    private readonly changed: () => void,
  ) {}

  records(): readonly StepRecord[] {
    return this.#records;
  }

  /** Runs one step's body (which runs it through runStep); a stop is kept on the record and rethrown. */
  async run<T>(step: Step, source: StepRecord['source'], body: () => Promise<T>): Promise<T> {
    const { recorder, findings } = this.session;
    const record: StepRecord = {
      seq: this.#records.length + 1,
      step,
      title: stepTitle(step),
      source,
      status: 'running',
      startedAt: this.session.now(),
      realStart: Date.now(),
      exchanges: { from: recorder.count() },
      findings: { from: findings.list().length },
    };
    this.#records.push(record);
    this.changed();
    try {
      const result = await body();
      record.status = 'passed';
      if (typeof result === 'string') record.note = result;
      return result;
    } catch (err) {
      record.status = 'stopped';
      if (err instanceof LifecycleAbort) {
        record.abort = err;
        record.note = err.message;
      } else {
        record.harnessError = true;
        record.note = `the harness failed: ${err instanceof Error ? err.message : String(err)}`;
      }
      throw err;
    } finally {
      record.exchanges.to = recorder.count();
      record.findings.to = findings.list().length;
      record.finishedAt = this.session.now();
      record.realStop = Date.now();
      this.changed();
    }
  }
}
