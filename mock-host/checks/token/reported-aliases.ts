import type { TokenHttpFacts } from '../../oauth/token-facts.ts';
import type { TokenLocation, TokenRole } from '../../oauth/token-locations.ts';

/**
 * The non-standard token fields worth reporting. Without a usable top-level access_token, every alias matters
 * (the host stores nothing). With one, only aliases of fields missing at the top level do (a nested second token,
 * e.g. Slack's bot and user tokens side by side, is not a mistake).
 */
export function reportedAliases(http: TokenHttpFacts): TokenLocation[] {
  if (!http.success || http.body.kind !== 'json') return [];
  const aliases = http.locations.filter((l) => !l.standard);
  if (!http.tokens) return aliases.some((l) => l.role === 'access_token') ? aliases : [];
  const standard = new Set(http.locations.filter((l) => l.standard).map((l) => l.role));
  return aliases.filter((l) => l.role !== 'access_token' && !standard.has(l.role));
}

/** A missing-field check stays quiet when the field exists under another name: TOKEN_FIELDS_NONSTANDARD says so. */
export function hasReportedAlias(http: TokenHttpFacts, role: TokenRole): boolean {
  return reportedAliases(http).some((l) => l.role === role);
}
