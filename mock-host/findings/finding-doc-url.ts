import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { findingDocPath, type FindingCode } from './catalog.ts';

const ROOT = new URL('../../', import.meta.url);
const packageSchema = z.object({ repository: z.union([z.string(), z.object({ url: z.string() })]).optional() });

/**
 * Where docs/findings.md can be opened from a report: on GitHub when package.json names a GitHub repository (a
 * report shared as a CI artifact is read elsewhere), else this checkout's file, which works where the run ran.
 */
export function docsBaseUrl(packageJson: URL = new URL('package.json', ROOT)): string {
  try {
    const { repository } = packageSchema.parse(JSON.parse(readFileSync(packageJson, 'utf8')));
    const url = typeof repository === 'string' ? repository : repository?.url;
    const github = url && /github(?:\.com[/:]|:)([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url);
    if (github) return `https://github.com/${github[1]}/blob/HEAD/`;
  } catch {
    // An unreadable package.json only costs the public link.
  }
  return pathToFileURL(new URL('.', packageJson).pathname).href.replace(/\/?$/, '/');
}

export function findingDocUrl(code: FindingCode, base: string = docsBaseUrl()): string {
  return new URL(findingDocPath(code), base).href;
}
