import { checkInvalidCredentialAnswer } from '../../checks/api/check-invalid-token.ts';
import { checkExpiredChallengeNamesError } from '../../checks/resource-server/expired-challenge.ts';
import { probeCall, protectedOperation } from '../probe-tokens.ts';
import type { HostSession } from '../session.ts';

/**
 * After the token's real lifetime the old access token must be refused (API_ACCEPTS_EXPIRED_TOKEN). A simulated
 * target's clock is moved; against a real target the probe waits for real, but only for lifetimes up to
 * PLUGIN_EXPIRY_WAIT_MAX_SECONDS, and is skipped (with the reason) otherwise.
 */
export async function probeExpiredToken(session: HostSession): Promise<string> {
  const c = session.credentials;
  if (!c) return session.abort('no credentials: install first', 'inconclusive');
  if (c.expiresInSeconds === undefined) return session.abort('the token response has no expires_in, so there is no lifetime to outlive (see TOKEN_NO_EXPIRY)', 'skipped');
  const found = await protectedOperation(session);
  if (!found.op) {
    session.findings.skip(checkInvalidCredentialAnswer, found.tried);
    return session.abort(`nothing to probe: ${found.tried}`, 'skipped');
  }
  const { op } = found;
  const wait = c.expiresInSeconds + 2;
  let how: string;
  if (session.targetClock) {
    session.targetClock.advance(wait);
    how = `moved the target's clock ${wait} s`;
  } else if (wait <= session.settings.expiryWaitMaxSeconds) {
    await new Promise((r) => setTimeout(r, wait * 1000));
    how = `waited ${wait} s for real`;
  } else {
    return session.abort(
      `the token lives ${c.expiresInSeconds} s; waiting for it is over PLUGIN_EXPIRY_WAIT_MAX_SECONDS=${session.settings.expiryWaitMaxSeconds}. Lower the access-token lifetime of a test deployment, or raise the setting`,
      'skipped',
    );
  }
  const call = await probeCall(session, op, `Bearer ${c.accessToken}`, `probe ${op.operationId} with the expired access token`);
  session.findings.run(checkInvalidCredentialAnswer, { outcome: call.outcome, credential: 'expired', operationId: op.operationId, curl: call.curl });
  // MCP hosts tell "refresh now" from "sign in again" by the challenge's error (EXPIRED_TOKEN_CHALLENGE_NO_ERROR).
  if (session.profile.mcp) session.findings.run(checkExpiredChallengeNamesError, { outcome: call.outcome, credential: 'expired', curl: call.curl });
  return `${how}; the old token got ${call.outcome.response?.status ?? call.outcome.error?.kind}`;
}
