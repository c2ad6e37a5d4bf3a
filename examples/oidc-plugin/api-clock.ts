/**
 * The resource server's notion of "now", in epoch seconds: real time plus an offset tests move forward. Only the
 * API judges access-token expiry on it. oidc-provider itself reads Date.now() (codes, refresh tokens, sessions) and
 * offers no clock hook; faking Date would also move the mock host and every other test in the worker.
 */
export class ApiClock {
  #offsetSeconds = 0;

  nowSeconds(): number {
    return Math.floor(Date.now() / 1000) + this.#offsetSeconds;
  }

  /** Forward only: expiry checks assume time never reverses. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`the API clock moves forward only, got ${seconds} s`);
    this.#offsetSeconds += Math.ceil(seconds);
  }
}
