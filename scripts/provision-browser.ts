import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../mock-host/config/config-error.ts';
import { findChromium, findOnPath, type BrowserLookup } from '../mock-host/browser/find-browser.ts';

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

/** Runs one apt-get command quietly; on failure, the command, its exit status and the end of its output. */
function aptGet(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const command = `apt-get ${args.join(' ')}`;
    const child = spawn('apt-get', args, { env: APT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    // apt prints a lot; only the end matters when it fails. Chunks split lines anywhere, so cut lines at the end.
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => reject(new ConfigError(`${command} could not start: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const lines = tail.split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-20);
      reject(new ConfigError(`${command} ${how}. Last output:\n  ${lines.join('\n  ')}`));
    });
  });
}

function canInstallWithApt(): boolean {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0 && findOnPath('apt-get') !== undefined;
}

function howToInstall(lookup: BrowserLookup): string {
  return [
    'No Chromium or Chrome found. Looked at:',
    ...lookup.tried.map((p) => `  - ${p}`),
    'Install one of:',
    '  - Playwright\'s build:  npx playwright install chromium',
    '  - the OS package:      sudo apt-get install chromium chromium-headless-shell   (Debian; brew install --cask chromium on macOS)',
    'or point PLUGIN_BROWSER_PATH at a Chromium/Chrome executable.',
  ].join('\n');
}

/**
 * Returns the path of a Chromium to drive, installing Debian's package when that is possible without asking
 * (a root CI container). Anything else is left to the developer: changing their machine is not ours to do.
 */
export async function ensureBrowser(): Promise<string> {
  const lookup = findChromium();
  if (lookup.executablePath) return lookup.executablePath;
  if (lookup.source === 'env')
    throw new ConfigError(`PLUGIN_BROWSER_PATH: not an executable file: ${lookup.tried[0] ?? ''}`);
  if (!canInstallWithApt()) throw new ConfigError(howToInstall(lookup));

  const started = Date.now();
  console.error('provision-browser: no browser found; installing Debian\'s chromium and its headless shell with apt-get (about 40 s, ~140 MB)…');
  await aptGet(['update']);
  await aptGet(['install', '-y', 'chromium']);
  // Optional: the shell halves the CPU each authorization costs, but a release without the package still has a browser.
  await aptGet(['install', '-y', 'chromium-headless-shell']).catch((err: unknown) =>
    console.error(`provision-browser: no headless shell (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); the full browser will do, at about twice the CPU per sign-in`),
  );
  const after = findChromium();
  if (!after.executablePath) throw new ConfigError(`apt-get install chromium succeeded, but no browser was found afterwards.\n${howToInstall(after)}`);
  console.error(`provision-browser: installed ${after.executablePath} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return after.executablePath;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureBrowser().then(
    (path) => console.log(path),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(err instanceof ConfigError ? err.exitCode : 1);
    },
  );
}
