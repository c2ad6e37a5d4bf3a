import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { LaunchOptions } from '@playwright/test';

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
  /**
   * Default true: a headless shell is preferred, which a headless run can use and costs about half the CPU per
   * authorization of a full browser on this machine kind. `false` (`--headed`) looks only for browsers that can
   * show a window.
   */
  headless?: boolean;
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
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const PATH_NAMES: readonly string[] = ['chrome-headless-shell', 'chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/**
 * Chromium's old headless mode, shipped as its own executable (Playwright's `chromium_headless_shell-<rev>`,
 * Debian's `chromium-headless-shell`, Google's `chrome-headless-shell`): what Playwright itself drives for a
 * headless run. It has no windows, so a headed run needs the full browser.
 */
export function isHeadlessShell(path: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(path);
}

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

/**
 * Finds a Chromium to drive: PLUGIN_BROWSER_PATH, then Playwright's own download, then a system install; for a
 * headless run a headless shell of either kind comes before any full browser.
 */
export function findChromium(options: FindChromiumOptions = {}): BrowserLookup {
  const env = options.env ?? process.env;
  const headless = options.headless ?? true;
  const tried: string[] = [];

  const explicit = env.PLUGIN_BROWSER_PATH?.trim();
  if (explicit) {
    tried.push(explicit);
    return isExecutableFile(explicit) ? { executablePath: explicit, source: 'env', tried } : { source: 'env', tried };
  }

  // Each candidate: how it shows in `tried`, the file name that says whether it is a shell, and how to look for it.
  const exact = (source: 'playwright' | 'system') => (path: string) => ({ source, label: path, name: path, look: () => (isExecutableFile(path) ? path : undefined) });
  const candidates = [
    ...(options.playwrightPaths ? options.playwrightPaths() : playwrightBundledPaths(env)).map(exact('playwright')),
    ...(options.systemPaths ?? SYSTEM_PATHS).map(exact('system')),
    ...(options.pathNames ?? PATH_NAMES).map((name) => ({ source: 'system' as const, label: `${name} on PATH`, name, look: () => findOnPath(name, env) })),
  ];
  const shells = candidates.filter((c) => isHeadlessShell(c.name));
  const windowed = candidates.filter((c) => !isHeadlessShell(c.name));
  for (const candidate of headless ? [...shells, ...windowed] : windowed) {
    tried.push(candidate.label);
    const found = candidate.look();
    if (found) return { executablePath: found, source: candidate.source, tried };
  }
  return { source: 'none', tried };
}

/**
 * The launch options for a run that may be headed (`--headed`, `--debug`): a headless shell cannot show a window,
 * so a headed run swaps it for a full browser from the same lookup, a shell named by PLUGIN_BROWSER_PATH included
 * (the CLI passes the headless pick on that way).
 */
export function launchOptionsFor(
  launchOptions: LaunchOptions,
  headless: boolean,
  env: NodeJS.ProcessEnv = process.env,
  lookup: Omit<FindChromiumOptions, 'env' | 'headless'> = {},
): LaunchOptions {
  const shell = launchOptions.executablePath;
  if (headless || !shell || !isHeadlessShell(shell)) return launchOptions;
  const { PLUGIN_BROWSER_PATH: _shell, ...withoutShell } = env;
  const windowed = findChromium({ ...lookup, env: withoutShell, headless: false });
  if (!windowed.executablePath)
    throw new Error(`a headed run needs a Chromium or Chrome that can show windows, and ${shell} is a headless shell; looked at ${windowed.tried.join(', ')}`);
  return { ...launchOptions, executablePath: windowed.executablePath };
}
