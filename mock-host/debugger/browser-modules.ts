import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const MOCK_HOST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The mock-host files the page may load, as paths under mock-host/: the debugger's UI, the wire contract it shares
 * with the server, and the step vocabulary. Anything else (the engine, settings, secrets) is never served.
 */
const BROWSER_MODULE = /^(debugger\/(ui|wire)\/[a-z0-9-]+\.(ts|css)|steps\/step-vocabulary\.ts)$/;
/** The page itself, read by the routes. */
const SHELL = 'debugger/ui/shell.html';

/**
 * Every file of mock-host/ the page is built from, as paths under mock-host/: sources the server serves (and so the
 * package ships as they are, beside the compiled modules) rather than modules the server runs.
 */
export function browserSourceFiles(): string[] {
  const files = [SHELL, 'steps/step-vocabulary.ts'];
  for (const dir of ['debugger/ui', 'debugger/wire'])
    for (const name of readdirSync(join(MOCK_HOST_DIR, dir))) if (BROWSER_MODULE.test(`${dir}/${name}`)) files.push(`${dir}/${name}`);
  return files;
}

/** The packages the page imports (through its import map) and serves from node_modules, file by file. */
export const VENDOR_PACKAGES = ['preact', 'htm', 'zod'] as const;
const VENDOR_FILE = /^[A-Za-z0-9_.\/-]+\.js$/;

export interface BrowserFile {
  contentType: string;
  body: string;
}

const transpiled = new Map<string, { mtimeMs: number; body: string }>();

/**
 * A module of the page: TypeScript with its types stripped (esbuild's transform, one file at a time: no bundle, the
 * browser resolves the imports), or a stylesheet. Undefined for anything outside the allowed files.
 */
export async function browserModule(path: string): Promise<BrowserFile | undefined> {
  if (!BROWSER_MODULE.test(path)) return undefined;
  const file = join(MOCK_HOST_DIR, path);
  if (path.endsWith('.css')) return { contentType: 'text/css; charset=utf-8', body: readFileSync(file, 'utf8') };
  const { mtimeMs } = statSync(file);
  const cached = transpiled.get(file);
  if (cached?.mtimeMs === mtimeMs) return { contentType: 'text/javascript; charset=utf-8', body: cached.body };
  const { code } = await transform(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: path });
  transpiled.set(file, { mtimeMs, body: code });
  return { contentType: 'text/javascript; charset=utf-8', body: code };
}

const roots = new Map<string, string>();

/** The folder of an installed package, found from its entry point (htm exports no package.json to resolve). */
function packageRoot(name: (typeof VENDOR_PACKAGES)[number]): string {
  const known = roots.get(name);
  if (known) return known;
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === name) break;
    } catch {
      // no package.json here: keep climbing
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the ${name} package`);
    dir = up;
  }
  roots.set(name, dir);
  return dir;
}

/** A file of one of the page's packages, as installed; undefined for other packages, paths or kinds of file. */
export function vendorFile(name: string, path: string): BrowserFile | undefined {
  const pkg = VENDOR_PACKAGES.find((p) => p === name);
  if (!pkg || !VENDOR_FILE.test(path) || path.split('/').includes('..')) return undefined;
  const root = packageRoot(pkg);
  const file = resolve(root, path);
  if (!file.startsWith(root + sep)) return undefined;
  try {
    return { contentType: 'text/javascript; charset=utf-8', body: readFileSync(file, 'utf8') };
  } catch {
    return undefined;
  }
}
