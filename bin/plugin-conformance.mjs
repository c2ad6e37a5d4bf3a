#!/usr/bin/env node
// The package's bin. The harness ships as TypeScript source with no build step (like `npm test`), so this loads
// tsx's ESM hooks in-process and then the CLI; signals and the exit code stay those of the CLI itself. The
// harness's own tsconfig is named so a tsconfig.json in the user's working directory cannot change how it loads.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../cli/main.ts');
