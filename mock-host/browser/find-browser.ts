import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export type BrowserSource = 'playwright' | 'env' | 'system' | 'none';

export interface BrowserLookup {
  /** Always an explicit path when a browser was found, so callers never depend on Playwright's own default. */
  executablePath?: string;
  /**
   * Where the pick came from. `env` without `executablePath` means PLUGIN_BROWSER_PATH names a file that is not
   * an executable: an explicit choice that is wrong must be reported, not replaced by a guess.
   */
  source: BrowserSource;
  /** Every path looked at, in order, for the "no browser" message. */
  tried: string[];
}

export interface FindChromiumOptions {
  env?: NodeJS.ProcessEnv;
  /** Overrides for tests; the defaults are the real Playwright install and the usual system locations. */
  playwrightPaths?: () => readonly string[];
  systemPaths?: readonly string[];
  pathNames?: readonly string[];
}

/**
 * Extra Chromium flags. Playwright already adds most of these in headless mode; GPU and QUIC are not, and the
 * rest are repeated so a headed run (`--headed`) behaves the same on a CI box without a GPU or /dev/shm space.
 */
export const chromiumLaunchArgs: readonly string[] = Object.freeze([
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]);

const SYSTEM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const PATH_NAMES: readonly string[] = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Like `which`, without spawning a process, so the lookup stays synchronous and cheap in playwright.config.ts. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * `npx playwright install chromium --only-shell` installs only the headless shell, which Playwright has no public
 * API to locate; it sits beside the full build under the same revision (ms-playwright/chromium_headless_shell-<rev>).
 */
export function headlessShellBeside(chromiumPath: string): string | undefined {
  const match = /^(.*[\\/])chromium-(\d+)[\\/]chrome-([^\\/]+)[\\/]/.exec(chromiumPath);
  if (!match) return undefined;
  const [, root, revision, platform] = match;
  const exe = platform?.startsWith('win') ? 'chrome-headless-shell.exe' : 'chrome-headless-shell';
  return join(`${root}chromium_headless_shell-${revision}`, `chrome-headless-shell-${platform}`, exe);
}

/**
 * Whether Playwright may have a Chromium of its own here: always when PLAYWRIGHT_BROWSERS_PATH chooses the place
 * (Playwright knows where), otherwise only when its default folder for this platform holds a chromium download. Where
 * it holds none (a CI box with a system Chromium), the lookup skips loading Playwright, 0.7 s of the run's start.
 */
export function mayHavePlaywrightChromium(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): boolean {
  if (env.PLAYWRIGHT_BROWSERS_PATH) return true;
  const cache =
    platform === 'win32' ? join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ms-playwright')
    : platform === 'darwin' ? join(home, 'Library', 'Caches', 'ms-playwright')
    : join(env.XDG_CACHE_HOME || join(home, '.cache'), 'ms-playwright');
  try {
    return readdirSync(cache).some((name) => name.startsWith('chromium'));
  } catch {
    return false;
  }
}

function playwrightBundledPaths(env: NodeJS.ProcessEnv): string[] {
  if (!mayHavePlaywrightChromium(env)) return [];
  let full: string;
  try {
    // Loaded only here: in Playwright's own processes it is loaded already; elsewhere it is worth avoiding.
    const { chromium } = createRequire(import.meta.url)('@playwright/test') as typeof import('@playwright/test');
    full = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser registry entry for this platform; that just means "not installed".
    return [];
  }
  const shell = headlessShellBeside(full);
  return shell ? [full, shell] : [full];
}

/** Finds a Chromium to drive: PLUGIN_BROWSER_PATH, then Playwright's own download, then a system install. */
export function findChromium(options: FindChromiumOptions = {}): BrowserLookup {
  const env = options.env ?? process.env;
  const tried: string[] = [];

  const explicit = env.PLUGIN_BROWSER_PATH?.trim();
  if (explicit) {
    tried.push(explicit);
    return isExecutableFile(explicit) ? { executablePath: explicit, source: 'env', tried } : { source: 'env', tried };
  }

  for (const path of options.playwrightPaths ? options.playwrightPaths() : playwrightBundledPaths(env)) {
    tried.push(path);
    if (isExecutableFile(path)) return { executablePath: path, source: 'playwright', tried };
  }

  for (const path of options.systemPaths ?? SYSTEM_PATHS) {
    tried.push(path);
    if (isExecutableFile(path)) return { executablePath: path, source: 'system', tried };
  }
  for (const name of options.pathNames ?? PATH_NAMES) {
    tried.push(`${name} on PATH`);
    const found = findOnPath(name, env);
    if (found) return { executablePath: found, source: 'system', tried };
  }
  return { source: 'none', tried };
}
