import type { FindingDraft } from '../../findings/finding.ts';
import type { ApiOperation } from '../../model/target.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import type { HostSession } from '../../engine/session.ts';
import { checkRedirectKeepsAuth } from '../../checks/api/redirect-drops-auth.ts';
import type { CallResult, CallStrategy } from '../host-profile.ts';

/** What a REST host adds to every call besides Authorization. */
export type ApiHeaders = (ctx: { conversationId: string; ephemeralUserId: string; actionId: string }) => Record<string, string>;

const BODY_METHODS = ['POST', 'PUT', 'PATCH'];

/**
 * The URL and body of a call. Without input (the host's own calls) every path parameter is `1` and a body is `{}`;
 * with input, path parameters take their fields and the rest goes in the JSON body, or the query for other methods.
 */
export function operationRequest(op: ApiOperation): { url: string; body?: string } {
  const rest: Record<string, unknown> = { ...(op.input ?? {}) };
  const path = op.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = rest[name];
    delete rest[name];
    return value === undefined ? '1' : encodeURIComponent(String(value));
  });
  const url = `${op.serverUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
  if (BODY_METHODS.includes(op.method)) return { url, body: JSON.stringify(rest) };
  const query = new URLSearchParams(Object.entries(rest).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)])).toString();
  return { url: query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url };
}

/**
 * One API call as the host makes it: its headers, the profile's timeout and size cap. Same-origin redirects are
 * followed with the Authorization header; a redirect to another origin is followed without it, as HTTP clients do,
 * and reported, since the call then arrives unauthenticated.
 */
export async function callOperation(session: HostSession, op: ApiOperation, authorization: string | undefined, label: string, apiHeaders: ApiHeaders): Promise<CallResult> {
  const { profile } = session;
  const headers: Record<string, string> = {
    ...apiHeaders({ conversationId: session.conversationId, ephemeralUserId: session.ephemeralUserId, actionId: session.settings.pluginId }),
    ...(authorization ? { Authorization: authorization } : {}),
  };
  const drafts: FindingDraft[] = [];
  const first = operationRequest(op);
  let url = first.url;
  const origin = new URL(url).origin;
  const { body } = first;
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
    const dropped = session.findings.run(checkRedirectKeepsAuth, { operationId: op.operationId, from: origin, to: next.origin, status: res?.status ?? 0, sendsAuth: !!headers.Authorization, exchangeId: outcome.exchangeId, curl: firstCurl });
    if (dropped.length) {
      drafts.push(...dropped);
      delete headers.Authorization;
      authDropped = true;
    }
    url = next.toString();
  }
  if (!outcome) throw new Error('unreachable: the redirect loop runs at least once');
  return { outcome, drafts, curl: firstCurl, authDropped };
}

/** The legacy hosts call OpenAPI operations over REST with their own headers. */
export function restCall(apiHeaders: ApiHeaders): CallStrategy {
  return {
    operations: async (session) => session.requireTarget().operations,
    known: (session) => session.target?.operations,
    call: (session, op, authorization, label) => callOperation(session, op, authorization, label, apiHeaders),
  };
}
