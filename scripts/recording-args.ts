import { ConfigError } from '../mock-host/config/config-error.ts';

/**
 * Playwright flags that would record what the harness keeps out of its reports. A trace holds every value typed
 * into the login page (the test password) and every request and response body (codes, tokens, the client
 * secret), unredacted; playwright.config.ts keeps traces, videos and screenshots off for that reason, and a flag
 * passed through `npm test -- …` must not turn them back on.
 */
export function refuseRecordingArgs(args: readonly string[]): void {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const mode = arg === '--trace' ? args[i + 1] : arg.startsWith('--trace=') ? arg.slice('--trace='.length) : undefined;
    if (mode !== undefined && mode !== 'off') {
      throw new ConfigError(
        `--trace ${mode}: refused. A Playwright trace records the test password and every token unredacted; the harness keeps traces off. ` +
          'The report already holds every HTTP exchange (redacted) and a screenshot of a stuck login page.',
      );
    }
  }
}
