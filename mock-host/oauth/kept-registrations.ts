import type { HttpOutcome } from '../recorder/exchange.ts';
import type { SharedAnswer } from '../recorder/recorder.ts';
import { SharedAnswers } from '../recorder/shared-answers.ts';

/**
 * The clients one run registered at one target, per host: a host keeps the client it registered (RFC 7591) and
 * installs with it again, so the scenarios of a run register once per host and registration body, not once each.
 * The body holds the redirect URI, so a host whose redirect differs per install (a port per session) still
 * registers per install. Only an answer that issued a client is kept: after a refusal, a 429 or a timeout the next
 * install asks again, as the host would. Concurrent askers share the one registration in flight.
 */
export class KeptRegistrations {
  readonly #kept = new SharedAnswers();

  /** The run's answer to this host's registration at `endpoint` with `body`; `issued` says whether it gave a client. */
  answerFor(key: { host: string; endpoint: string; body: string }, issued: (outcome: HttpOutcome) => boolean): SharedAnswer {
    const id = JSON.stringify([key.host, key.endpoint, key.body]);
    return {
      copyNote: " (the run's registration: the host keeps the client it registered)",
      answer: (send) => this.#kept.answer(id, send, issued),
    };
  }
}
