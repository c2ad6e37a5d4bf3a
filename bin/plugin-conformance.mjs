#!/usr/bin/env node
// The package's bin. The installed package holds compiled JavaScript (scripts/build-package.ts); a clone of the
// repository holds only the TypeScript sources, which this loads through tsx's ESM hooks, in-process, with the
// harness's own tsconfig so a tsconfig.json in the user's working directory cannot change how it loads. Signals and
// the exit code stay those of the CLI itself.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../cli/main.js', import.meta.url);
if (existsSync(fileURLToPath(compiled))) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  await import('../cli/main.ts');
}
