import type { Check } from '../../findings/check.ts';
import { checkKeycloakSessionBound } from './keycloak-session.ts';
import { checkMetaNoRefresh } from './meta-no-refresh.ts';
import type { ProviderQuirkInput } from './quirk-input.ts';
import { checkRefreshSwitches } from './refresh-switches.ts';
import { checkGithubFormResponse, checkSlackNestedToken } from './response-shape-quirks.ts';

export type { ProviderQuirkInput } from './quirk-input.ts';

/** FINDINGS.md §6: what the known provider behind the plugin needs that its defaults do not give. */
export const PROVIDER_CHECKS: readonly Check<ProviderQuirkInput>[] = [
  checkRefreshSwitches,
  checkGithubFormResponse,
  checkSlackNestedToken,
  checkMetaNoRefresh,
  checkKeycloakSessionBound,
];
