import { checkBearerCase, checkInvalidCredentialAnswer } from '../checks/api/check-invalid-token.ts';
import type { CallResult } from '../profiles/host-profile.ts';
import type { ApiOperation } from '../model/target.ts';
import type { HostSession } from './session.ts';

// Operations tried without a token before giving up: each costs one call.
const MAX_TRIED = 4;

export type ProtectedOperation = { op: ApiOperation; withoutToken: CallResult } | { op?: undefined; tried: string };

/**
 * The operation the token probes call: one that needs no input and refuses a call without a token. Declared
 * security is only a hint (generated OpenAPI documents often declare none): each candidate is tried without a
 * token, and the first that answers 401 or 403 is it. PLUGIN_OPERATION, when set, is the first candidate. A declared
 * protected operation that answers 2xx without a token is kept too: that is the finding (API_ACCEPTS_MISSING_TOKEN).
 */
export async function protectedOperation(session: HostSession): Promise<ProtectedOperation> {
  const all = (await session.profile.flow.call.operations(session)).filter((o) => !o.needsInput);
  const wanted = session.settings.operation;
  const rank = (o: ApiOperation) => (o.operationId === wanted ? 0 : o.requiresAuth ? 1 : 2) * 2 + (o.method === 'GET' || o.readOnly ? 0 : 1);
  const candidates = [...all].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_TRIED);
  const tried: string[] = [];
  for (const op of candidates) {
    const withoutToken = await probeCall(session, op, undefined, `probe ${op.operationId} without a token (is it protected?)`);
    const status = withoutToken.outcome.response?.status;
    if (status === 401 || status === 403 || op.requiresAuth) return { op, withoutToken };
    tried.push(`${op.operationId} (${status ?? withoutToken.outcome.error?.kind ?? 'no answer'} without a token)`);
  }
  const none = all.length === 0 ? 'no operation takes no input (set PLUGIN_OPERATION to one the harness may call)' : `tried ${tried.join(', ')}: none refuses a call without a token`;
  return { tried: none };
}

/** A probe's call: the profile's call strategy, with whatever credential the probe sends. */
export function probeCall(session: HostSession, op: ApiOperation, authorization: string | undefined, label: string) {
  return session.profile.flow.call.call(session, op, authorization, label);
}

/**
 * RFC 6750 probes: a garbage token and no token must get 401 with a Bearer challenge; with a valid token, the
 * lower-case scheme must work as well as "Bearer" (token_type is "bearer" in the docs' own example).
 */
export async function probeInvalidTokens(session: HostSession): Promise<void> {
  const found = await protectedOperation(session);
  if (!found.op) {
    session.findings.skip(checkInvalidCredentialAnswer, found.tried);
    return session.abort(`nothing to probe: ${found.tried}`, 'skipped');
  }
  const { op, withoutToken } = found;
  // The call without a token that found the operation is the "missing token" probe.
  session.findings.run(checkInvalidCredentialAnswer, { outcome: withoutToken.outcome, credential: 'missing', operationId: op.operationId, curl: withoutToken.curl });
  const garbage = `conformance-invalid-${crypto.randomUUID()}`;
  session.secrets.addProbeValue(garbage);
  const call = await probeCall(session, op, `Bearer ${garbage}`, `probe ${op.operationId} with a garbage token`);
  session.findings.run(checkInvalidCredentialAnswer, { outcome: call.outcome, credential: 'garbage', operationId: op.operationId, curl: call.curl });
  const token = session.credentials?.accessToken;
  if (token) {
    const upper = await probeCall(session, op, `Bearer ${token}`, `probe ${op.operationId} with "Bearer"`);
    const lower = await probeCall(session, op, `bearer ${token}`, `probe ${op.operationId} with "bearer"`);
    session.findings.run(checkBearerCase, { upper: upper.outcome, lower: lower.outcome, operationId: op.operationId, curl: lower.curl });
  }
}
