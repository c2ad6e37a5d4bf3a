import type { HttpOutcome } from './exchange.ts';

/**
 * Answers shared by key within a run: the first asker sends, later and concurrent askers get the same answer (the
 * one request in flight). With `keep`, an answer it does not keep, or a send that throws, is forgotten once known, so
 * the next asker sends again.
 */
export class SharedAnswers {
  readonly #answers = new Map<string, Promise<HttpOutcome>>();

  answer(key: string, send: () => Promise<HttpOutcome>, keep?: (outcome: HttpOutcome) => boolean): { outcome: Promise<HttpOutcome>; fresh: boolean } {
    const known = this.#answers.get(key);
    if (known) return { outcome: known, fresh: false };
    const outcome = send();
    this.#answers.set(key, outcome);
    if (keep) {
      const forget = () => {
        if (this.#answers.get(key) === outcome) this.#answers.delete(key);
      };
      outcome.then((answered) => !keep(answered) && forget(), forget);
    }
    return { outcome, fresh: true };
  }
}
