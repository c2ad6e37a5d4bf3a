// Mutation score of the pure core (issue 14): `npm run mutation` (not in CI: CPU heavy). StrykerJS mutates the
// checks, the gate, the OAuth helpers and the recorder, and reruns, for each mutant, only the unit tests that reach it
// (per-test coverage), in one Vitest process: tests/mutation/vitest.config.ts maps the tests' `@playwright/test`
// onto Vitest. A mutant the tests still pass with survives. Narrow a run with (comma-separated)
//   MUTATION_FILES=mock-host/gate/apply-gate.ts MUTATION_TESTS=tests/unit/gate npm run mutation
// (`npm run mutation -- --mutate …` would hand the flag to the summary script, not to Stryker.)
const files = process.env.MUTATION_FILES?.split(',').map((f) => f.trim()).filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: files?.length ? files : ['mock-host/checks/**/*.ts', 'mock-host/gate/**/*.ts', 'mock-host/oauth/**/*.ts', 'mock-host/recorder/**/*.ts'],
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level value: a check's codes, a table, a pattern) is reached by no test in particular,
  // so each would rerun every unit test: 846 of the 6272 mutants, 81 % of the time. They are left out of the
  // standing score (Stryker counts them Ignored); MUTATION_STATIC=1 includes them, for a narrowed run.
  ignoreStatic: process.env.MUTATION_STATIC !== '1',
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: '.stryker-tmp',
  // Stryker rewrites the tsconfig's extends and references for its sandbox with an API TypeScript 7 no longer has;
  // ours has neither, so point it at no file (the sandbox keeps tsconfig.json as it is).
  tsconfigFile: '.stryker-no-tsconfig-rewrite.json',
  ignorePatterns: ['reports', '.stryker-tmp', 'build'],
};
