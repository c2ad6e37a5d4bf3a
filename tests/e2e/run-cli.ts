import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarySchema, type Summary } from '../../mock-host/report/summary-schema.ts';
import { cleanEnv } from './run-harness.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface ProcessRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a node program from this repository with a clean environment, collecting its output. */
export async function runNode(args: readonly string[], options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<ProcessRun> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...cleanEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 150_000);
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);
  return { exitCode, stdout, stderr };
}

/** `plugin-conformance <args>` as a user runs it: the package bin, from the user's own directory. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<ProcessRun> {
  return runNode([join(ROOT, 'bin', 'plugin-conformance.mjs'), ...args], options);
}

/** The CLI flags a developer would pass to point the harness at a running reference plugin. */
export function flagsFor(env: Record<string, string>): string[] {
  const flags: Record<string, string> = {
    PLUGIN_URL: '--url',
    PLUGIN_CLIENT_ID: '--client-id',
    PLUGIN_CLIENT_SECRET: '--client-secret',
    PLUGIN_LOGIN_USERNAME: '--login-username',
    PLUGIN_LOGIN_PASSWORD: '--login-password',
    PLUGIN_VERIFICATION_TOKEN: '--verification-token',
  };
  return Object.entries(env).flatMap(([name, value]) => (flags[name] ? [flags[name], value] : []));
}

export function readSummaryIn(reportsDir: string): Summary | undefined {
  const path = join(reportsDir, 'summary.json');
  return existsSync(path) ? summarySchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
}

/** Playwright's --grep for a few scenarios by id, so an end-to-end run stays short on a loaded machine. */
export function onlyScenarios(...ids: string[]): string[] {
  return ['--', '--grep', ` (${ids.join('|')}): `];
}
