import { defineCheck } from '../../findings/check.ts';
import { z } from 'zod';
import type { FindingDraft } from '../../findings/finding.ts';
import { quirkDraft, type ProviderQuirkInput } from './quirk-input.ts';
import { topLevelJsonFields } from './token-body-fields.ts';

const ONE_DAY_SECONDS = 86_400;
const seconds = z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]);

function humanDuration(s: number): string {
  return s >= 3600 ? `${+(s / 3600).toFixed(1)} h` : `${+(s / 60).toFixed(1)} min`;
}

/**
 * A normal Keycloak refresh token dies with the SSO session (30 min idle, 10 h max by default). Keycloak says so in
 * refresh_expires_in; 0 there means an offline token, which is what a host needs.
 */
export const checkKeycloakSessionBound = defineCheck<ProviderQuirkInput>({ id: 'provider-keycloak-refresh-outlives-session', codes: ['PROVIDER_KEYCLOAK_SESSION_BOUND'] }, (input) => {
  if (input.provider !== 'keycloak') return [];
  const raw = topLevelJsonFields(input.tokenResponseBody)?.refresh_expires_in;
  const parsed = seconds.safeParse(raw);
  if (!parsed.success || parsed.data <= 0 || parsed.data >= ONE_DAY_SECONDS) return [];
  return [
    quirkDraft(input, {
      code: 'PROVIDER_KEYCLOAK_SESSION_BOUND',
      message: `Keycloak's refresh_expires_in is ${parsed.data} s (${humanDuration(parsed.data)}): the refresh token is bound to the SSO session and stops working after that much idle time, so users who come back later must sign in again`,
      fix: input.scope.split(/\s+/).includes('offline_access')
        ? 'offline_access was requested and Keycloak still bound the refresh token to the SSO session: assign the offline_access client scope to the client (Client scopes tab) and give users the offline_access role, or raise "SSO Session Idle" and "SSO Session Max" in the realm settings.'
        : 'Request the offline_access scope (offline tokens outlive the SSO session; MCP hosts ask for it when the metadata lists it in scopes_supported), or raise "SSO Session Idle" and "SSO Session Max" in the realm settings.',
    }),
  ];
});
