import type { HttpOutcome, OutboundRequest } from './exchange.ts';

/**
 * The answers one run got to the requests every scenario sends alike (discovery documents, the unauthenticated
 * probe), per target: the first scenario sends, the others read. An unreachable document then costs one timeout per
 * run, not one per scenario. Concurrent askers share the one request in flight.
 */
export class ResponseCache {
  readonly #answers = new Map<string, Promise<HttpOutcome>>();

  answer(request: OutboundRequest, send: () => Promise<HttpOutcome>): { outcome: Promise<HttpOutcome>; fresh: boolean } {
    const key = JSON.stringify([request.method, request.url, request.headers ?? {}, request.body ?? null, request.maxBodyBytes]);
    const known = this.#answers.get(key);
    if (known) return { outcome: known, fresh: false };
    const outcome = send();
    this.#answers.set(key, outcome);
    return { outcome, fresh: true };
  }
}
