// Mutation score of the pure core (issue 14): `npm run mutation` (not in CI; CPU heavy, one mutant at a time).
// StrykerJS's command runner runs the unit tests against each mutant of the checks, the gate, the OAuth helpers and
// the recorder; a mutant the tests still pass with survives. Narrow a run with (comma-separated globs)
//   MUTATION_FILES=mock-host/gate/apply-gate.ts MUTATION_TESTS=tests/unit/gate npm run mutation
// (`npm run mutation -- --mutate …` would hand the flag to the summary script, not to Stryker.)
const tests = process.env.MUTATION_TESTS ?? 'tests/unit';
const files = process.env.MUTATION_FILES?.split(',').map((f) => f.trim()).filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'command',
  commandRunner: { command: `npx playwright test --project=self-tests ${tests} --workers 1 --reporter=dot --max-failures 1` },
  mutate: files?.length ? files : ['mock-host/checks/**/*.ts', 'mock-host/gate/**/*.ts', 'mock-host/oauth/**/*.ts', 'mock-host/recorder/**/*.ts'],
  concurrency: 1,
  coverageAnalysis: 'off',
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: '.stryker-tmp',
  // Stryker rewrites the tsconfig's extends and references for its sandbox with an API TypeScript 7 no longer has;
  // ours has neither, so point it at no file (the sandbox keeps tsconfig.json as it is).
  tsconfigFile: '.stryker-no-tsconfig-rewrite.json',
  ignorePatterns: ['reports', '.stryker-tmp', 'build', 'docs'],
};
