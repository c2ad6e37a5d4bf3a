import type { Settings } from '../config/settings.ts';

/** The OAuth providers whose quirks the harness knows (FINDINGS.md §6); the same names PLUGIN_PROVIDER accepts. */
export const PROVIDER_IDS = [
  'google',
  'auth0',
  'entra',
  'okta',
  'dropbox',
  'salesforce',
  'github',
  'slack',
  'meta',
  'keycloak',
  'cognito',
  'zoom',
  'atlassian',
] as const;

export type ProviderId = (typeof PROVIDER_IDS)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Breaks the build when PLUGIN_PROVIDER in settings.ts and this list drift apart.
const matchesSettings: Same<ProviderId, NonNullable<Settings['provider']>> = true;
void matchesSettings;
