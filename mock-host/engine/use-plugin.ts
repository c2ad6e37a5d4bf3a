import { checkAuthorizedCall, checkRateLimited } from '../checks/api/check-api-response.ts';
import { callOperation, pickOperation, type ApiCallResult } from './api-call.ts';
import { usableAccessToken } from './refresh.ts';
import type { HostSession } from './session.ts';
import type { ApiOperation } from '../model/target.ts';

// A 429 is retried once after this long at most, whatever Retry-After asks: the harness must finish.
const MAX_BACKOFF_MS = 2_000;

/** The Authorization header value the host sends for this plugin right now (refreshing first when needed). */
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

/** The "use" step: call an operation as the host would, with everything that implies for expired tokens. */
export async function usePlugin(session: HostSession, operationId?: string): Promise<UseResult> {
  const op = pickOperation(session, operationId);
  const authorization = await hostAuthorization(session);
  const tokenSource = session.requireTarget().auth.type === 'oauth' ? (session.credentials?.source ?? 'exchange') : 'static';
  let call: ApiCallResult = await callOperation(session, op, authorization, `call ${op.operationId}`);
  if (call.outcome.response?.status === 429) {
    session.findings.addAll(checkRateLimited(call.outcome, op.operationId));
    const retryAfter = Number(call.outcome.response.headers['retry-after']);
    await new Promise((r) => setTimeout(r, Math.min(MAX_BACKOFF_MS, Number.isFinite(retryAfter) ? retryAfter * 1000 : MAX_BACKOFF_MS)));
    call = await callOperation(session, op, authorization, `call ${op.operationId} after backing off`);
  }
  const drafts = [...call.drafts, ...checkAuthorizedCall({ outcome: call.outcome, profile: session.profile, operationId: op.operationId, tokenSource, curl: call.curl, authDropped: call.authDropped })];
  session.findings.addAll(drafts);
  const status = call.outcome.response?.status ?? 0;
  if (status < 200 || status >= 300) {
    session.abort(`${op.operationId} answered ${status || call.outcome.error?.message}`, 'failed', session.findings.errorCodesOf(drafts));
  }
  return { operation: op, status, exchangeId: call.outcome.exchangeId };
}
