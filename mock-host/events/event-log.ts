import type { HostEvent, HostEventOf, LoggedEvent } from './host-event.ts';

/** The append-only event log of one session; listeners see each event as it happens (live views, the debugger). */
export class EventLog {
  readonly #events: LoggedEvent[] = [];
  readonly #listeners = new Set<(event: LoggedEvent) => void>();

  constructor(private readonly now: () => number) {}

  emit(event: HostEvent): LoggedEvent {
    const logged = { ...event, seq: this.#events.length + 1, at: this.now() } as LoggedEvent;
    this.#events.push(logged);
    for (const listener of this.#listeners) listener(logged);
    return logged;
  }

  list(): readonly LoggedEvent[] {
    return this.#events;
  }

  ofType<T extends HostEvent['type']>(type: T): (HostEventOf<T> & { seq: number; at: number })[] {
    return this.#events.filter((e): e is HostEventOf<T> & { seq: number; at: number } => e.type === type);
  }

  subscribe(listener: (event: LoggedEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
