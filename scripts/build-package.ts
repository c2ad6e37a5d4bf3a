// `npm run package`: the publishable package in build/package and its tarball in build/ (what `npm publish` and
// the GitHub Action install). The harness compiled by tsconfig.package.json (only what its entry points import),
// the data files of the folders it came from (scenario files, JSON schemas, READMEs), the debugger page's sources,
// the Allure config, the findings docs, and a package.json derived from this one without what only a clone needs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { browserSourceFiles } from '../mock-host/debugger/browser-modules.ts';
import { HARNESS_ROOT } from '../mock-host/harness-root.ts';

export const BUILD_DIR = join(HARNESS_ROOT, 'build');
export const PACKAGE_DIR = join(BUILD_DIR, 'package');

/** Files beside the compiled modules that the harness reads at run time or users read. */
const DATA_FILE = /\.(json|yaml|md)$/;
/** Copied as they are: the bin and the Allure config and generate script (plain JS, run by Node and the Allure CLI), the docs. */
const VERBATIM = ['bin/plugin-conformance.mjs', 'allurerc.mjs', 'mock-host/report/allure-generate.mjs', 'docs', 'README.md', 'LICENSE'];

const manifestSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    scripts: z.record(z.string(), z.string()).optional(),
    devDependencies: z.record(z.string(), z.string()).optional(),
    private: z.boolean().optional(),
  })
  .loose();

/** This package.json, minus what only a clone uses: scripts, dev dependencies, `private`. */
function packageManifest(): Record<string, unknown> {
  const { scripts: _scripts, devDependencies: _dev, private: _private, ...published } = manifestSchema.parse(JSON.parse(readFileSync(join(HARNESS_ROOT, 'package.json'), 'utf8')));
  return published;
}

function compiledDirs(dir: string, found: Set<string> = new Set()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) compiledDirs(path, found);
    else if (entry.name.endsWith('.js')) found.add(relative(PACKAGE_DIR, dir));
  }
  return found;
}

function copyDataFiles(dirs: ReadonlySet<string>): void {
  for (const dir of dirs) {
    const source = join(HARNESS_ROOT, dir);
    for (const name of readdirSync(source)) if (DATA_FILE.test(name) && statSync(join(source, name)).isFile()) copyFileSync(join(source, name), join(PACKAGE_DIR, dir, name));
  }
}

export interface BuiltPackage {
  dir: string;
  tarball: string;
  files: { path: string; size: number }[];
}

export function buildPackage(): BuiltPackage {
  rmSync(PACKAGE_DIR, { recursive: true, force: true });
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(HARNESS_ROOT, 'tsconfig.package.json')], { stdio: 'inherit' });
  copyDataFiles(compiledDirs(PACKAGE_DIR));
  // The debugger's page is served from its sources (types stripped per request), so those ship as they are.
  for (const path of [...VERBATIM, ...browserSourceFiles().map((file) => join('mock-host', file))]) {
    mkdirSync(dirname(join(PACKAGE_DIR, path)), { recursive: true });
    cpSync(join(HARNESS_ROOT, path), join(PACKAGE_DIR, path), { recursive: true });
  }
  writeFileSync(join(PACKAGE_DIR, 'package.json'), `${JSON.stringify(packageManifest(), null, 2)}\n`);
  const packed = z
    .array(z.object({ filename: z.string(), files: z.array(z.object({ path: z.string(), size: z.number() })) }))
    .parse(JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', BUILD_DIR], { cwd: PACKAGE_DIR, encoding: 'utf8' })));
  const [result] = packed;
  if (!result) throw new Error('npm pack reported no tarball');
  return { dir: PACKAGE_DIR, tarball: join(BUILD_DIR, result.filename), files: result.files };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = buildPackage();
  const bytes = built.files.reduce((sum, f) => sum + f.size, 0);
  const largest = [...built.files].sort((a, b) => b.size - a.size).slice(0, 3);
  console.log(`${built.tarball}: ${built.files.length} files, ${(bytes / 1e6).toFixed(1)} MB unpacked, ${(statSync(built.tarball).size / 1e6).toFixed(2)} MB packed`);
  console.log(`largest: ${largest.map((f) => `${f.path} (${(f.size / 1e3).toFixed(0)} kB)`).join(', ')}`);
  if (!existsSync(join(built.dir, 'cli', 'main.js'))) process.exit(1);
}
