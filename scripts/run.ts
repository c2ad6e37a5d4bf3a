// The body of `npm test`: one conformance run configured by the environment (and the config file), with any
// arguments passed on to Playwright (`npm test -- --grep discovery`). The CLI runs the same runConformance().
import { runConformance } from './run-conformance.ts';

runConformance({ playwrightArgs: process.argv.slice(2) }).then(
  (outcome) => process.exit(outcome.exitCode),
  (err: unknown) => {
    console.error('plugin-conformance: the run script failed:', err);
    process.exit(1);
  },
);
