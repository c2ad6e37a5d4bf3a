import { z } from 'zod';
import { CATALOG, type FindingCode, type FindingSection } from '../findings/catalog.ts';
import type { Finding } from '../findings/finding.ts';
import { isProfileId, PROFILES } from '../profiles/registry.ts';
import type { ScenarioResult } from './scenario-result.ts';

/** The phases of a host's link, in the order a user meets them (FINDINGS.md §8). */
export const HOST_PHASES = ['discover', 'register', 'authorize', 'token', 'use', 'refresh', 'reuse'] as const;
export type HostPhase = (typeof HOST_PHASES)[number];

const PHASE_OF_SECTION: Record<FindingSection, HostPhase> = {
  discovery: 'discover',
  'resource-server': 'discover',
  'authorization-server': 'discover',
  registration: 'register',
  authorization: 'authorize',
  token: 'token',
  api: 'use',
  refresh: 'refresh',
  // A provider quirk is the root cause of a lost refresh token, met at the first expiry.
  provider: 'refresh',
};

/** Codes whose phase is not their section's. */
const PHASE_OF_CODE: Partial<Record<FindingCode, HostPhase>> = {
  API_REFRESHED_TOKEN_REJECTED: 'reuse',
  REFRESH_TOKEN_MISSING: 'refresh',
  TOKEN_NO_EXPIRY: 'refresh',
};

export function phaseOf(code: FindingCode): HostPhase {
  return PHASE_OF_CODE[code] ?? PHASE_OF_SECTION[CATALOG[code].section];
}

export const hostLineSchema = z.object({
  profile: z.string(),
  verdict: z.enum(['works', 'breaks', 'degrades', 'inconclusive']),
  /** The first phase with an error; later phases were not reached (absent: it works). */
  phase: z.enum(HOST_PHASES).optional(),
  firstError: z.string().optional(),
  findings: z.array(z.string()),
  /** What that host's users see at that phase. */
  userSees: z.string().optional(),
});
export type HostLine = z.infer<typeof hostLineSchema>;

function userSeesAt(profileId: string, phase: HostPhase, appName: string): string | undefined {
  if (!isProfileId(profileId)) return undefined;
  const profile = PROFILES[profileId];
  const text = phase === 'refresh' || phase === 'reuse' ? profile.lostCredentials.userMessage : profile.linkingFailure[phase];
  return text?.replaceAll('<App>', appName);
}

/**
 * FINDINGS.md §8: per host of the run, whether the target works for its users, breaks at a phase, or degrades
 * (install and first use work, then access is lost), with what those users see. Built from the conformance scenarios.
 */
export function buildHostMatrix(results: readonly ScenarioResult[]): HostLine[] {
  const byProfile = new Map<string, ScenarioResult[]>();
  for (const r of results) {
    if (r.kind !== 'conformance') continue;
    const list = byProfile.get(r.target.profile) ?? [];
    list.push(r);
    byProfile.set(r.target.profile, list);
  }
  return [...byProfile].map(([profile, runs]) => {
    const findings: Finding[] = runs.flatMap((r) => r.findings);
    const codes = [...new Set(findings.map((f) => f.code))];
    const errors = findings.filter((f) => f.severity === 'error');
    if (!errors.length) {
      const inconclusive = runs.some((r) => r.status === 'inconclusive');
      return { profile, verdict: inconclusive ? 'inconclusive' : 'works', findings: codes };
    }
    const first = [...errors].sort((a, b) => HOST_PHASES.indexOf(phaseOf(a.code)) - HOST_PHASES.indexOf(phaseOf(b.code)))[0] as Finding;
    const phase = phaseOf(first.code);
    const degrades = phase === 'refresh' || phase === 'reuse';
    const url = runs.find((r) => URL.canParse(r.target.url))?.target.url;
    const appName = url ? new URL(url).host : 'the app';
    const userSees = userSeesAt(profile, phase, appName);
    return {
      profile,
      verdict: degrades ? 'degrades' : 'breaks',
      phase,
      // For a degraded link the outcome and its first root cause: "REFRESH_NEEDS_SCOPE → CONNECTION_EXPIRED".
      firstError: degrades ? rootCauseChain(errors) : first.code,
      findings: codes,
      ...(userSees ? { userSees } : {}),
    };
  });
}

const OUTCOMES: readonly FindingCode[] = ['CONNECTION_EXPIRED', 'USER_MISSING_CREDENTIALS'];

function rootCauseChain(errors: readonly Finding[]): string {
  const outcome = errors.find((f) => OUTCOMES.includes(f.code));
  const cause = errors.find((f) => !OUTCOMES.includes(f.code) && (phaseOf(f.code) === 'refresh' || phaseOf(f.code) === 'reuse'));
  if (outcome && cause) return `${cause.code} → ${outcome.code}`;
  return (outcome ?? cause ?? errors[0])?.code ?? '';
}
