import { readFileSync } from 'node:fs';
import { z } from 'zod';

const packageJsonSchema = z.object({ name: z.string(), version: z.string() });

/** The harness's own name and version, from its package.json (not the target's, not the cwd's). */
export function readToolInfo(packageJsonUrl: URL = new URL('../../package.json', import.meta.url)): { name: string; version: string } {
  try {
    return packageJsonSchema.parse(JSON.parse(readFileSync(packageJsonUrl, 'utf8')));
  } catch {
    // A report without a version is still worth writing; the name is fixed by the project anyway.
    return { name: 'plugin-conformance', version: '0.0.0' };
  }
}
