import type { TokenAuthMethod } from '../profiles/host-profile.ts';
import type { TokenGrantType } from '../oauth/token-request.ts';

/**
 * What the host did and saw, in order: the one vocabulary between the engine (which emits), the checks (which read)
 * and the reports. Values are what the host knows; anything secret stays in the redacted exchanges they point at.
 */
export type HostEvent =
  | { type: 'discovered'; authType: string; operations: number }
  | { type: 'client-obtained'; clientId: string; source: 'configured' | 'dcr' | 'cimd'; authMethod: TokenAuthMethod }
  | { type: 'authorization-sent'; exchangeId: string; state: string; redirectUri: string; purpose: GrantPurpose }
  | { type: 'browser-hop'; exchangeId: string; status?: number }
  | { type: 'signed-in' }
  | { type: 'callback-received'; exchangeId?: string; state: string | null; hasCode: boolean; error: string | null }
  | { type: 'token-response'; exchangeId: string; grant: TokenGrantType; purpose: GrantPurpose; issued: boolean; scope?: string; returnedRefreshToken: boolean }
  | { type: 'api-response'; exchangeId: string; operationId: string; status?: number; tokenSource: 'exchange' | 'refresh' | 'static' | 'none' }
  | { type: 'credentials-stored'; generation: number; expiresAt?: number; hasRefreshToken: boolean; source: 'exchange' | 'refresh' }
  | { type: 'revocation-response'; exchangeId: string; hint: 'refresh_token' | 'access_token'; status?: number }
  | { type: 'credentials-dropped'; reason: 'revoke' | 'disconnect' }
  | { type: 'clock-moved'; seconds: number; now: number };

/** The host's own lifecycle requests, a probe's deliberate ones, or a diagnosis after a refusal. */
export type GrantPurpose = 'host' | 'probe' | 'diagnose';

export type HostEventOf<T extends HostEvent['type']> = Extract<HostEvent, { type: T }>;

/** A timestamped, numbered event as the log keeps it. */
export type LoggedEvent = HostEvent & { seq: number; at: number };
