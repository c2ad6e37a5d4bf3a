import type { FindingDraft } from '../../findings/finding.ts';
import { checkKeycloakSessionBound } from './keycloak-session.ts';
import { checkMetaNoRefresh } from './meta-no-refresh.ts';
import type { ProviderQuirkInput } from './quirk-input.ts';
import { checkRefreshSwitches } from './refresh-switches.ts';
import { checkGithubFormResponse, checkSlackNestedToken } from './response-shape-quirks.ts';

export type { ProviderQuirkInput } from './quirk-input.ts';

const CHECKS: readonly ((input: ProviderQuirkInput) => FindingDraft[])[] = [
  checkRefreshSwitches,
  checkGithubFormResponse,
  checkSlackNestedToken,
  checkMetaNoRefresh,
  checkKeycloakSessionBound,
];

/** FINDINGS.md §6: what the known provider behind the plugin needs that its defaults do not give. */
export function checkProviderQuirks(input: ProviderQuirkInput): FindingDraft[] {
  return CHECKS.flatMap((check) => check(input));
}
