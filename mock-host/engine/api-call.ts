import type { FindingDraft } from '../findings/finding.ts';
import type { HttpOutcome } from '../recorder/exchange.ts';
import type { HostSession } from './session.ts';
import type { ApiOperation } from '../model/target.ts';

/** Picks the operation the "use" steps call: PLUGIN_OPERATION, else the first that needs no input (GET first). */
export function pickOperation(session: HostSession, wanted?: string): ApiOperation {
  const ops = session.requireTarget().operations;
  const id = wanted ?? session.settings.operation;
  if (id) {
    const op = ops.find((o) => o.operationId === id);
    if (!op) return session.abort(`PLUGIN_OPERATION=${id} is not an operationId of the OpenAPI document (have: ${ops.map((o) => o.operationId).join(', ')})`, 'inconclusive');
    return op;
  }
  if (!ops.length) return session.abort('the OpenAPI document gave no operations to call (see the OPENAPI_* findings of the discovery scenario)', 'failed');
  const free = ops.filter((o) => !o.needsInput);
  const op = free.find((o) => o.method === 'GET') ?? free[0];
  if (!op) return session.abort('every operation needs input: set PLUGIN_OPERATION to one the harness may call', 'inconclusive');
  return op;
}

export function operationUrl(op: ApiOperation): string {
  const path = op.path.replace(/\{[^}]+\}/g, '1');
  return `${op.serverUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

export interface ApiCallResult {
  /** The last exchange of the chain (after redirects). */
  outcome: HttpOutcome;
  drafts: FindingDraft[];
  curl: string;
  /** A cross-origin redirect dropped the Authorization header, so the last request went without it. */
  authDropped: boolean;
}

/**
 * One API call as the host makes it: its headers, the profile's timeout and size cap. Same-origin redirects are
 * followed with the Authorization header; a redirect to another origin is followed without it, as HTTP clients do,
 * and reported, since the call then arrives unauthenticated.
 */
export async function callOperation(session: HostSession, op: ApiOperation, authorization: string | undefined, label: string): Promise<ApiCallResult> {
  const { profile } = session;
  const headers: Record<string, string> = {
    ...profile.apiHeaders({ conversationId: session.conversationId, ephemeralUserId: session.ephemeralUserId, actionId: session.settings.pluginId }),
    ...(authorization ? { Authorization: authorization } : {}),
  };
  const drafts: FindingDraft[] = [];
  let url = operationUrl(op);
  const origin = new URL(url).origin;
  const body = ['POST', 'PUT', 'PATCH'].includes(op.method) ? '{}' : undefined;
  let outcome: HttpOutcome | undefined;
  let firstCurl = '';
  let authDropped = false;
  for (let hop = 0; hop <= profile.limits.maxRedirects; hop++) {
    outcome = await session.recorder.send({
      method: op.method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      phase: 'use',
      label: hop === 0 ? label : `${label} (redirect ${hop})`,
      timeoutMs: profile.timeouts.apiMs,
      maxBodyBytes: profile.limits.maxBodyBytes,
    });
    if (hop === 0) firstCurl = session.recorder.curlOf(outcome.exchangeId);
    const res = outcome.response;
    const location = res && res.status >= 300 && res.status < 400 ? res.headers.location : undefined;
    // A Location that is no URL ends the chain: the 3xx itself is then the answer (and a failed call).
    if (!location || !URL.canParse(location, url)) break;
    const next = new URL(location, url);
    if (next.origin !== origin && headers.Authorization) {
      drafts.push({
        code: 'API_REDIRECT_DROPS_AUTH',
        message: `${op.operationId} answered ${res?.status} to ${next.origin}, another origin than ${origin}; HTTP clients drop the Authorization header there`,
        fix: 'Serve the API at the canonical URL given in the OpenAPI servers list; do not redirect authenticated calls to another host, scheme or port.',
        evidence: [outcome.exchangeId],
        reproduce: firstCurl,
      });
      delete headers.Authorization;
      authDropped = true;
    }
    url = next.toString();
  }
  if (!outcome) throw new Error('unreachable: the redirect loop runs at least once');
  return { outcome, drafts, curl: firstCurl, authDropped };
}
