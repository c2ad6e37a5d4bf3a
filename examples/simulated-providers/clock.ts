/**
 * The provider's notion of "now": real time plus an offset the harness moves forward. Token lifetimes (the JWT's
 * iat/exp) and refresh-token idle limits follow it, so a test that moves the plugin's clock can move this one too
 * and both sides agree on which tokens are alive.
 */
export class ProviderClock {
  #offsetMs = 0;

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`clock.advance needs a finite, non-negative number of seconds, got ${seconds}`);
    this.#offsetMs += Math.round(seconds * 1000);
  }
}
