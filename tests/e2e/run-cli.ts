import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarySchema, type Summary } from '../../mock-host/report/summary-schema.ts';
import { cleanEnv } from './run-harness.ts';
import { runProcess, type ProcessRun } from './run-process.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Runs a node program from this repository with a clean environment, collecting its output. */
export function runNode(args: readonly string[], options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, args, { cwd: options.cwd ?? ROOT, env: { ...cleanEnv(), ...options.env }, timeoutMs: options.timeoutMs ?? 150_000 });
}

/** `plugin-conformance <args>` as a user runs it: the package bin, from the user's own directory. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<ProcessRun> {
  return runNode([join(ROOT, 'bin', 'plugin-conformance.mjs'), ...args], options);
}

/** Each setting of a target as the CLI (`--<name>`) and the GitHub Action (its input `<name>`) both spell it. */
const OPTION_NAMES: Record<string, string> = {
  PLUGIN_URL: 'url',
  PLUGIN_CLIENT_ID: 'client-id',
  PLUGIN_CLIENT_SECRET: 'client-secret',
  PLUGIN_LOGIN_USERNAME: 'login-username',
  PLUGIN_LOGIN_PASSWORD: 'login-password',
  PLUGIN_VERIFICATION_TOKEN: 'verification-token',
};

/** The settings a developer would give the CLI or the Action for a running reference plugin, by option name. */
export function optionsFor(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).flatMap(([name, value]) => (OPTION_NAMES[name] ? [[OPTION_NAMES[name], value]] : [])));
}

/** The CLI flags a developer would pass to point the harness at a running reference plugin. */
export function flagsFor(env: Record<string, string>): string[] {
  return Object.entries(optionsFor(env)).flatMap(([name, value]) => [`--${name}`, value]);
}

export function readSummaryIn(reportsDir: string): Summary | undefined {
  const path = join(reportsDir, 'summary.json');
  return existsSync(path) ? summarySchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
}

/** Playwright's --grep for a few scenarios by id, so an end-to-end run stays short on a loaded machine. */
export function onlyScenarios(...ids: string[]): string[] {
  return ['--', '--grep', ` (${ids.join('|')}): `];
}
