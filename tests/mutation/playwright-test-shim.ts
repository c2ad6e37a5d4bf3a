// The unit tests are written for Playwright's runner. For mutation runs (docs/mutation.md) StrykerJS drives them
// through Vitest instead, in one process with per-test coverage, so each mutant reruns only the tests that reach
// it. This module stands in for `@playwright/test` there: the same names, mapped onto Vitest's.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

type Body = (fixtures: Record<string, never>) => unknown;

function skipOrDeclare(...args: unknown[]): void {
  // test.skip(title, body) declares a skipped test; test.skip() / test.skip(condition, reason) inside a body skips it.
  if (typeof args[0] === 'string' && typeof args[1] === 'function') {
    it.skip(args[0], () => undefined);
    return;
  }
  if (args.length === 0 || args[0] === true) throw new Error('test.skip() inside a test is not supported under the mutation runner');
}

const withoutFixtures = (body: Body) => () => body({});

export const test = Object.assign((title: string, body: Body) => it(title, withoutFixtures(body)), {
  describe: Object.assign((title: string, body: () => void) => describe(title, body), {
    configure: (_options: unknown) => undefined,
  }),
  beforeAll: (body: Body) => beforeAll(withoutFixtures(body)),
  afterAll: (body: Body) => afterAll(withoutFixtures(body)),
  beforeEach: (body: Body) => beforeEach(withoutFixtures(body)),
  afterEach: (body: Body) => afterEach(withoutFixtures(body)),
  only: (title: string, body: Body) => it.only(title, withoutFixtures(body)),
  skip: skipOrDeclare,
  setTimeout: (_ms: number) => undefined,
  step: async <T>(_title: string, body: () => Promise<T> | T): Promise<T> => body(),
});

export { expect };
