// `npm run host` in a clone: the debugger of run-debugger.ts, as `plugin-conformance host` runs it.
import { ConfigError } from '../config/config-error.ts';
import { runDebugger } from './run-debugger.ts';

runDebugger().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
