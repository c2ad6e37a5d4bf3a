import { randomBytes, timingSafeEqual } from 'node:crypto';

// Enough for every tab a user keeps open on the debugger; older pages must be reloaded.
const KEPT = 32;

/**
 * Per-page-load secrets. The page shell carries one, which no other origin can read (no CORS, no framing), and every
 * debugger API request and the event stream must present it: a target's page in the same browser can neither read
 * the timeline nor drive a control, even where fetch metadata and Origin are missing (a DNS-rebinding page is also
 * refused earlier, by Host).
 */
export class PageTokens {
  readonly #tokens: Buffer[] = [];

  issue(): string {
    const token = randomBytes(24);
    this.#tokens.push(token);
    if (this.#tokens.length > KEPT) this.#tokens.shift();
    return token.toString('base64url');
  }

  valid(presented: unknown): boolean {
    if (typeof presented !== 'string' || !/^[A-Za-z0-9_-]{32}$/.test(presented)) return false;
    const given = Buffer.from(presented, 'base64url');
    return this.#tokens.some((token) => token.length === given.length && timingSafeEqual(token, given));
  }
}
