import { SETTING_NAMES } from './settings.ts';

// PLUGIN_* variables that are read outside the settings schema: the run's own plumbing and `npm run host`.
const OTHER_KNOWN = ['PLUGIN_CONFIG', 'PLUGIN_BROWSER_PATH', 'PLUGIN_HOST_PORT', 'PLUGIN_HOST_BIND', 'PLUGIN_CONFORMANCE_RUNNER', 'PLUGIN_SKIP_HTML_REPORT'];

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * Warnings for PLUGIN_* environment variables that no part of the harness reads: a typo such as PLUGIN_CLIENTID
 * would otherwise be silently ignored. Warnings, not errors: other tools may use the prefix too.
 */
export function unknownPluginVariables(env: NodeJS.ProcessEnv): string[] {
  const known = [...SETTING_NAMES, ...OTHER_KNOWN];
  return Object.keys(env)
    .filter((name) => name.startsWith('PLUGIN_') && !known.includes(name))
    .map((name) => {
      const closest = known.map((k) => ({ k, d: distance(name, k) })).sort((x, y) => x.d - y.d)[0];
      const hint = closest && closest.d <= 3 ? ` (did you mean ${closest.k}?)` : '';
      return `warning: ${name} is not a plugin-conformance setting and is ignored${hint}`;
    });
}
