import { checkAuthorizedCall, checkRateLimited } from '../checks/api/check-api-response.ts';
import type { ApiOperation } from '../model/target.ts';
import type { CallResult } from '../profiles/host-profile.ts';
import { bearerChallenge } from '../oauth/www-authenticate.ts';
import { loseAccess, refreshCredentials, usableAccessToken } from './refresh.ts';
import type { HostSession } from './session.ts';

// A 429 is retried once after this long at most, whatever Retry-After asks: the harness must finish.
const MAX_BACKOFF_MS = 2_000;

/** Picks the operation the "use" steps call: PLUGIN_OPERATION, else the first that needs no input (GET first). */
export async function pickOperation(session: HostSession, wanted?: string): Promise<ApiOperation> {
  const ops = await session.profile.flow.call.operations(session);
  const id = wanted ?? session.settings.operation;
  if (id) {
    const op = ops.find((o) => o.operationId === id);
    if (!op) return session.abort(`PLUGIN_OPERATION=${id} is not an operationId of the OpenAPI document (have: ${ops.map((o) => o.operationId).join(', ')})`, 'inconclusive');
    return op;
  }
  if (!ops.length) return session.abort('the OpenAPI document gave no operations to call (see the OPENAPI_* findings of the discovery scenario)', 'failed');
  const free = ops.filter((o) => !o.needsInput);
  // Read-only first: a host's own calls must not change the user's data (GET, or an MCP readOnlyHint tool).
  const op = free.find((o) => o.method === 'GET' || o.readOnly) ?? free[0];
  if (!op) return session.abort('every operation needs input: set PLUGIN_OPERATION to one the harness may call', 'inconclusive');
  return op;
}

/** The Authorization header value the host sends for this target right now (refreshing first when its policy says). */
export async function hostAuthorization(session: HostSession): Promise<string | undefined> {
  const auth = session.requireTarget().auth;
  switch (auth.type) {
    case 'none':
      return undefined;
    case 'service_http':
    case 'user_http': {
      const token = auth.type === 'service_http' ? session.settings.serviceToken : session.settings.userToken;
      if (!token) {
        return session.abort(`a ${auth.type} plugin needs ${auth.type === 'service_http' ? 'PLUGIN_SERVICE_TOKEN' : 'PLUGIN_USER_TOKEN'}`, 'inconclusive');
      }
      return `${auth.authorizationType === 'basic' ? 'Basic' : 'Bearer'} ${token}`;
    }
    case 'oauth':
      return `Bearer ${await usableAccessToken(session)}`;
  }
}

export interface UseResult {
  operation: ApiOperation;
  status: number;
  exchangeId: string;
}

/** One call of the host's own, with the profile's call strategy, recorded as an event. */
export async function hostCall(session: HostSession, op: ApiOperation, authorization: string | undefined, label: string, tokenSource: 'exchange' | 'refresh' | 'static' | 'none'): Promise<CallResult> {
  const call = await session.profile.flow.call.call(session, op, authorization, label);
  const status = call.outcome.response?.status;
  session.emit({ type: 'api-response', exchangeId: call.outcome.exchangeId, operationId: op.operationId, ...(status !== undefined ? { status } : {}), tokenSource });
  return call;
}

/**
 * The "use" step: call an operation as the host would, with everything that implies for expired tokens. `input`
 * replaces the arguments the host would fill in itself (what a model would send).
 */
export async function usePlugin(session: HostSession, operationId?: string, input?: Readonly<Record<string, unknown>>): Promise<UseResult> {
  const picked = await pickOperation(session, operationId);
  const op = input ? { ...picked, input } : picked;
  const authorization = await hostAuthorization(session);
  const authType = session.requireTarget().auth.type;
  const tokenSource = authType === 'oauth' ? (session.credentials?.source ?? 'exchange') : authType === 'none' ? 'none' : 'static';
  let call = await hostCall(session, op, authorization, `call ${op.operationId}`, tokenSource);
  if (call.outcome.response?.status === 429) {
    session.findings.run(checkRateLimited, { outcome: call.outcome, operationId: op.operationId });
    const retryAfter = Number(call.outcome.response.headers['retry-after']);
    await new Promise((r) => setTimeout(r, Math.min(MAX_BACKOFF_MS, Number.isFinite(retryAfter) ? retryAfter * 1000 : MAX_BACKOFF_MS)));
    call = await hostCall(session, op, authorization, `call ${op.operationId} after backing off`, tokenSource);
  }
  if (call.outcome.response?.status === 401 && authType === 'oauth') call = (await reactToUnauthorized(session, op, call)) ?? call;
  const judged = session.findings.run(checkAuthorizedCall, {
    outcome: call.outcome,
    profile: session.profile,
    operationId: op.operationId,
    // After a reactive refresh the call that counts was made with the refreshed token.
    tokenSource: authType === 'oauth' ? (session.credentials?.source ?? 'exchange') : 'static',
    curl: call.curl,
    authDropped: call.authDropped,
    ...(call.failureInBody ? { failureInBody: call.failureInBody } : {}),
  });
  const status = call.outcome.response?.status ?? 0;
  // The token a refresh gave is refused: an MCP host has nothing left to try, and users see its reconnect message.
  const held = session.credentials;
  if (status === 401 && held?.source === 'refresh' && session.profile.flow.refresh.refusedRefreshLosesConnection) loseAccess(session, held, undefined, 'refreshed-token-refused');
  if (status < 200 || status >= 300 || call.failureInBody) {
    session.abort(`${op.operationId} answered ${status || call.outcome.error?.message}${call.failureInBody ? ` (${call.failureInBody})` : ''}`, 'failed', session.findings.errorCodesOf([...call.drafts, ...judged]));
  }
  return { operation: op, status, exchangeId: call.outcome.exchangeId };
}

/**
 * A 401 to the host's own call: hosts that refresh on a 401 (the profile's `reactiveOn401`) refresh and retry once;
 * a refresh that fails leaves the user without access. Returns the retried call, or undefined when the host does not react.
 */
async function reactToUnauthorized(session: HostSession, op: ApiOperation, call: CallResult): Promise<CallResult | undefined> {
  const policy = session.profile.flow.refresh;
  const challenge = bearerChallenge(call.outcome.response?.headers['www-authenticate']);
  const reacts = policy.reactiveOn401 === 'any' || (policy.reactiveOn401 === 'invalid_token' && challenge?.params.error === 'invalid_token');
  const held = session.credentials;
  if (!reacts || !held) return undefined;
  if (!held.refreshToken || !(await refreshCredentials(session)) || !session.credentials) return loseAccess(session, held);
  return hostCall(session, op, `Bearer ${session.credentials.accessToken}`, `call ${op.operationId} again after refreshing on the 401`, 'refresh');
}
