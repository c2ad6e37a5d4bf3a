import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/config-error.ts';
import { BASELINE_FILE_NAME } from '../config/settings.ts';
import { baselineFileSchema, describeEntry, type BaselineEntry } from './baseline-schema.ts';

export interface LoadedBaseline {
  /** Absolute path of the file read. */
  file: string;
  entries: BaselineEntry[];
}

/** The baseline to use: the configured file (which must exist), else ./plugin-conformance.baseline.json when present. */
export function baselinePath(configured: string | undefined, cwd = process.cwd()): string | undefined {
  if (configured) return resolve(cwd, configured);
  const fallback = resolve(cwd, BASELINE_FILE_NAME);
  return existsSync(fallback) ? fallback : undefined;
}

/**
 * Reads and validates a baseline. Bad input is a ConfigError (exit 2) naming the file and the entry: a typo in a
 * code or a scenario id would otherwise surface later as a confusing "stale entry".
 */
export function loadBaseline(file: string, knownScenarios?: readonly string[]): LoadedBaseline {
  let json: unknown;
  try {
    // Stryker disable next-line StringLiteral: equivalent, without an encoding JSON.parse reads the Buffer as UTF-8 text all the same
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ConfigError(`baseline ${file}: ${missing ? 'file not found' : `is not valid JSON (${(err as Error).message})`}`);
  }
  const parsed = baselineFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`baseline ${file}: invalid:\n${z.prettifyError(parsed.error)}`);
  const entries = parsed.data.accepted;
  const problems: string[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const key = describeEntry(entry);
    if (seen.has(key)) problems.push(`accepted.${index}: ${key} is listed twice`);
    seen.add(key);
    if (entry.scenario && knownScenarios && !knownScenarios.includes(entry.scenario))
      problems.push(`accepted.${index}.scenario: unknown scenario "${entry.scenario}"; expected one of ${knownScenarios.join(', ')}`);
  });
  if (problems.length) throw new ConfigError(`baseline ${file}: invalid:\n  ${problems.join('\n  ')}`);
  return { file, entries };
}
