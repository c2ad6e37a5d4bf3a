/**
 * The host's virtual clock. Token expiry is judged on it, so a test can jump an hour ahead without waiting.
 * Starts at real time; only `advance` moves it beyond.
 */
export class VirtualClock {
  #offsetMs = 0;

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`cannot advance the clock by ${seconds} s`);
    this.#offsetMs += seconds * 1000;
  }

  offsetSeconds(): number {
    return this.#offsetMs / 1000;
  }
}
