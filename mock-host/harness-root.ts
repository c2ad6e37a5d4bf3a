// Where the harness's own files are, the same in a clone (TypeScript run by tsx or Playwright) and in the installed
// package (compiled JavaScript under node_modules, where Playwright transpiles nothing).
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);

/** The folder holding package.json, playwright.config, mock-host/ and scenarios/. */
export const HARNESS_ROOT = resolve(dirname(SELF), '..');

/** `.ts` in a clone, `.js` in the package. */
export const MODULE_EXTENSION = extname(SELF);

/** A module of the harness by its path without extension, e.g. `scenarios/conformance.spec`: an absolute path. */
export function harnessModule(pathWithoutExtension: string): string {
  return join(HARNESS_ROOT, `${pathWithoutExtension}${MODULE_EXTENSION}`);
}

/** Any other file of the harness (allurerc.mjs, docs/, package.json): an absolute path. */
export function harnessFile(path: string): string {
  return join(HARNESS_ROOT, path);
}
