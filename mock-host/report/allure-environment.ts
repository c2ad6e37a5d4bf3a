import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from './summary-schema.ts';

/** Escapes a value for a Java .properties line, the format Allure reads environment info from. */
function propertyValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/^\s/, '\\ ');
}

/** "Chromium 156.0.8078.79" from the executable, or undefined when it will not say (quickly). */
export function browserVersion(executable: string): string | undefined {
  try {
    const out = execFileSync(executable, ['--version'], { timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim();
    // Debian's build adds " built on Debian GNU/Linux 12 (bookworm)": the name and version are what matter.
    return out.replace(/\s+built on .*$/, '') || undefined;
  } catch {
    return undefined;
  }
}

export interface EnvironmentFacts {
  summary?: Summary;
  browserPath?: string;
  shard?: string;
}

/** What a reviewer needs to know about the run before reading any test: target, profile, harness, browser, policy. */
export function allureEnvironment({ summary, browserPath, shard }: EnvironmentFacts): Record<string, string> {
  const version = browserPath && browserVersion(browserPath);
  const browser = browserPath && (version ? `${version} (${browserPath})` : browserPath);
  return {
    ...(summary
      ? {
          target: summary.target.url || 'bundled reference plugin',
          profile: summary.target.profile,
          auth: summary.target.authType,
          harness: `${summary.tool.name} ${summary.tool.version}`,
          verdict: summary.verdict,
          ...(summary.gate ? { 'fail-on': summary.gate.failOn } : {}),
          ...(summary.baseline ? { baseline: summary.baseline.file } : {}),
        }
      : {}),
    ...(browser ? { browser } : {}),
    node: process.version,
    ...(shard ? { shard } : {}),
  };
}

/**
 * Writes <results>/environment.properties, which Allure shows as the report's environment. allure-playwright
 * writes one at the end of the run from what playwright.config.ts knows; this one, written just before
 * `allure generate`, replaces it with what only the finished run knows (the target's auth type, the verdict).
 */
export function writeAllureEnvironment(resultsDir: string, properties: Record<string, string>): void {
  const lines = Object.entries(properties).map(([key, value]) => `${key}=${propertyValue(value)}`);
  writeFileSync(join(resultsDir, 'environment.properties'), `${lines.join('\n')}\n`);
}
