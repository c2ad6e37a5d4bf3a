import { spawnSync } from 'node:child_process';
import { harnessFile } from '../mock-host/harness-root.ts';

/**
 * hostsOfTarget for a synchronous caller (a Playwright config is loaded synchronously, also by `require` from a
 * CommonJS config): runs `plugin-conformance detect <url>` and returns the comma list it prints. Detection problems
 * are not fatal here either: the CLI falls back to the legacy plugin host and says so on stderr, which is passed on.
 */
export function hostsOfTargetSync(url: string, env: NodeJS.ProcessEnv = process.env): string {
  const run = spawnSync(process.execPath, [harnessFile('bin/plugin-conformance.mjs'), 'detect', url], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    // Detection sends at most four requests with a 10 s timeout each.
    timeout: 60_000,
  });
  const profiles = run.stdout?.trim();
  if (run.status !== 0 || !profiles) throw new Error(`plugin-conformance detect ${url} failed (${run.error?.message ?? `exit ${run.status}`})`);
  return profiles;
}
