import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { summarySchema, type Summary } from './summary-schema.ts';

export type SummaryRead = { ok: true; summary: Summary } | { ok: false; problem: string };

/** Reads summary.json back (run script, shard merge); a missing or malformed file is a described problem, not a throw. */
export function readSummary(path: string): SummaryRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, problem: missing ? `${path} was not written` : `${path} cannot be read: ${(err as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `${path} is not JSON: ${(err as Error).message}` };
  }
  const parsed = summarySchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `${path} does not match the summary schema:\n${z.prettifyError(parsed.error)}` };
  return { ok: true, summary: parsed.data };
}
