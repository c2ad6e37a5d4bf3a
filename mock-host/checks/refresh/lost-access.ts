import { findingDocPath, type FindingCode } from '../../findings/catalog.ts';
import { defineCheck } from '../../findings/check.ts';
import type { LostCredentials } from '../../profiles/host-profile.ts';

/** The findings that explain why a host is left without a way to a fresh access token. */
export const LOST_ACCESS_CAUSES: readonly FindingCode[] = [
  'REFRESH_TOKEN_MISSING',
  'AS_OFFLINE_ACCESS_NOT_ADVERTISED',
  'REFRESH_TOKEN_LOST',
  'REFRESH_REJECTED',
  'REFRESH_NEEDS_SCOPE',
  'RESOURCE_PARAMETER_REJECTED',
  'REFRESH_ERROR_NOT_INVALID_GRANT',
  'REFRESH_REUSE_REVOKES_FAMILY',
  'REFRESH_CONCURRENT_FAILS',
  'API_REFRESHED_TOKEN_REJECTED',
  'API_INVALID_TOKEN_STATUS',
  'TOKEN_NO_EXPIRY',
  'TOKEN_ERROR_WITH_200',
  'TOKEN_FIELDS_NONSTANDARD',
  'TOKEN_RESPONSE_NOT_JSON',
  'TOKEN_ENDPOINT_UNREACHABLE',
];

export interface LostAccessInput {
  /** The token expired on the host's clock and the host has no usable one. */
  lost: boolean;
  heldRefreshToken: boolean;
  lifetimeSeconds?: number;
  lostCredentials: LostCredentials;
  /** Root-cause findings seen so far, with their evidence. */
  causes: readonly { code: FindingCode; evidence: readonly string[] }[];
  /** The host's own refresh policy is why access is lost (it never refreshes on a 401): users lose it with any server. */
  hostDefect?: string;
  /** The target's name, for the user message's `<App>`. */
  appName?: string;
  /** How access ended: no refresh gave a token (default), or the token a refresh gave is refused by the server. */
  how?: 'refresh-failed' | 'refreshed-token-refused';
}

/**
 * The outcome: once the access token has expired on the host's clock, the host still has a working token. When not,
 * users see the profile's lost-credentials message; the finding links its root causes and their evidence.
 */
export const checkAccessSurvivesExpiry = defineCheck<LostAccessInput>({ id: 'access-survives-expiry', codes: ['USER_MISSING_CREDENTIALS', 'CONNECTION_EXPIRED'] }, (i) => {
  if (!i.lost) return [];
  const codes = [...new Set(i.causes.map((c) => c.code))];
  const { code, hostBehaviour } = i.lostCredentials;
  const userMessage = i.lostCredentials.userMessage.replaceAll('<App>', i.appName ?? 'the app');
  if (!codes.length && i.hostDefect) {
    return [
      {
        code,
        severity: 'info',
        message: `the host lost access without a fault of the server: ${i.hostDefect}. Users see: ${userMessage}. ${hostBehaviour}.`,
        fix: 'Nothing in the server is wrong; a longer access-token lifetime makes the host meet it less often.',
        evidence: [],
      },
    ];
  }
  const why = i.how === 'refreshed-token-refused' ? 'the server refuses the access token the refresh gave' : i.heldRefreshToken ? 'the refresh failed' : 'the host holds no refresh token';
  return [
    {
      code,
      message: `the access token expired on the host's clock (after ${i.lifetimeSeconds ?? '?'} s) and ${why}. Users see: ${userMessage}. ${hostBehaviour}. Root cause: ${codes.length ? codes.map((c) => `${c} (${findingDocPath(c)})`).join(', ') : 'see the refresh exchange'}.`,
      fix: codes.includes('REFRESH_TOKEN_MISSING')
        ? 'Return a refresh_token with the access token (see REFRESH_TOKEN_MISSING for the provider switch), and accept grant_type=refresh_token.'
        : i.how === 'refreshed-token-refused'
          ? 'Accept the access tokens the refresh grant mints wherever the originals work (see the root-cause finding).'
          : 'Make grant_type=refresh_token work with the refresh token you issued (see the root-cause finding).',
      // The exchanges of the root-cause findings: where the refresh token went missing or was refused.
      evidence: [...new Set(i.causes.flatMap((c) => c.evidence))],
    },
  ];
});
