import { checkBearerCase, checkInvalidCredentialAnswer, type InvalidCredential } from '../checks/api/check-invalid-token.ts';
import type { ApiOperation } from '../model/target.ts';
import type { HostSession } from './session.ts';

/** An operation that needs the user's token and no input; the probes need one to be meaningful. */
export async function protectedOperation(session: HostSession): Promise<ApiOperation | undefined> {
  const ops = (await session.profile.flow.call.operations(session)).filter((o) => o.requiresAuth && !o.needsInput);
  const wanted = session.settings.operation;
  return ops.find((o) => o.operationId === wanted) ?? ops.find((o) => o.method === 'GET' || o.readOnly) ?? ops[0];
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
  const op = await protectedOperation(session);
  if (!op) {
    session.findings.skip(checkInvalidCredentialAnswer, 'no operation requires authentication and takes no input');
    return session.abort('no operation requires authentication and takes no input: nothing to probe', 'skipped');
  }
  const garbage = `conformance-invalid-${crypto.randomUUID()}`;
  const probes: [InvalidCredential, string | undefined][] = [
    ['garbage', `Bearer ${garbage}`],
    ['missing', undefined],
  ];
  for (const [credential, authorization] of probes) {
    const call = await probeCall(session, op, authorization, `probe ${op.operationId} with ${credential === 'garbage' ? 'a garbage token' : 'no token'}`);
    session.findings.run(checkInvalidCredentialAnswer, { outcome: call.outcome, credential, operationId: op.operationId, curl: call.curl });
  }
  const token = session.credentials?.accessToken;
  if (token) {
    const upper = await probeCall(session, op, `Bearer ${token}`, `probe ${op.operationId} with "Bearer"`);
    const lower = await probeCall(session, op, `bearer ${token}`, `probe ${op.operationId} with "bearer"`);
    session.findings.run(checkBearerCase, { upper: upper.outcome, lower: lower.outcome, operationId: op.operationId, curl: lower.curl });
  }
}
