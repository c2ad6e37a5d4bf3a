// Loaded with --import before the module under test: appends every module URL the process resolves to the file
// named by RECORD_IMPORTS_TO, one per line (a resolve hook runs on the loader thread, so it writes to a file).
import { register } from 'node:module';

const hook = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(process.env.RECORD_IMPORTS_TO ?? '/dev/null')}, resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
