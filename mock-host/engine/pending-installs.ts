/**
 * States the host has issued and not yet seen come back. A state is single-use and expires (PROTOCOL.md §2: the
 * host fails the flow when state does not match or has expired), so a replayed or late callback is refused.
 */
export type StateVerdict<T> = { ok: true; value: T } | { ok: false; reason: 'missing' | 'unknown' | 'expired' };

export class PendingStates<T> {
  readonly #pending = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(state: string, value: T): void {
    this.#pending.set(state, { value, expiresAt: this.now() + this.ttlMs });
  }

  /** Takes the state out: a second call with the same state is 'unknown'. */
  consume(state: string | null | undefined): StateVerdict<T> {
    if (!state) return { ok: false, reason: 'missing' };
    const entry = this.#pending.get(state);
    if (!entry) return { ok: false, reason: 'unknown' };
    this.#pending.delete(state);
    if (this.now() > entry.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, value: entry.value };
  }

  size(): number {
    return this.#pending.size;
  }
}
