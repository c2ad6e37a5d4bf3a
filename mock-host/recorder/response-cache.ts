import type { HttpOutcome, OutboundRequest } from './exchange.ts';
import { SharedAnswers } from './shared-answers.ts';

/**
 * The answers one run got to the requests every scenario sends alike (discovery documents, the unauthenticated
 * probe), per target: the first scenario sends, the others read. An unreachable document then costs one timeout per
 * run, not one per scenario. Concurrent askers share the one request in flight.
 */
export class ResponseCache {
  readonly #answers = new SharedAnswers();

  answer(request: OutboundRequest, send: () => Promise<HttpOutcome>): { outcome: Promise<HttpOutcome>; fresh: boolean } {
    return this.#answers.answer(JSON.stringify([request.method, request.url, request.headers ?? {}, request.body ?? null, request.maxBodyBytes]), send);
  }
}
