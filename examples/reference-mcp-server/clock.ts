/**
 * The server's notion of "now": real time plus an offset. Tests move it forward to expire codes, access tokens,
 * client assertions and refresh grace windows without waiting; nothing in the server reads Date.now() directly.
 */
export class ServerClock {
  #offsetMs = 0;

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Moves the clock forward. Going back is refused: expiry checks assume time never reverses. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new RangeError(`clock.advance needs a finite, non-negative number of seconds, got ${seconds}`);
    }
    this.#offsetMs += Math.round(seconds * 1000);
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }
}
