import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import { canonicalResource } from '../../mcp/resource-uri.ts';

/** One fetch of a protected resource metadata URL, as the host made it. */
export interface PrmFetch {
  url: string;
  exchangeId: string;
  curl: string;
  /** Undefined: no answer at all (the message says why). */
  status?: number;
  contentType?: string;
  error?: string;
  /** The body parsed as a JSON object (undefined when it is not one). */
  json?: Record<string, unknown>;
}

const cite = (f: PrmFetch) => ({ evidence: [f.exchangeId], reproduce: f.curl });

/**
 * PRM_UNREACHABLE: none of the URLs the profile tries answered 200. A 200 that is not JSON metadata was reached:
 * PRM_INVALID says what is wrong with it.
 */
export const checkPrmReachable = defineCheck<{ tried: readonly PrmFetch[]; timeoutMs: number }>({ id: 'prm-reachable', codes: ['PRM_UNREACHABLE'] }, ({ tried, timeoutMs }) => {
  if (tried.some((f) => f.status === 200)) return [];
  const last = tried.at(-1);
  if (!last) return [];
  const what = tried.map((f) => `${f.url} → ${f.status ?? f.error ?? 'no answer'}`).join('; ');
  return [
    {
      code: 'PRM_UNREACHABLE',
      message: `no protected resource metadata the host can read: ${what}${tried.some((f) => f.error?.startsWith('timeout')) ? ` (the host waits ${timeoutMs / 1000} s)` : ''}`,
      fix: 'Serve RFC 9728 metadata as application/json at /.well-known/oauth-protected-resource<path of the MCP URL> (and at the root for clients that try it), and point at it from the 401 challenge.',
      evidence: tried.map((f) => f.exchangeId),
      reproduce: last.curl,
    },
  ];
});

/** PRM_INVALID: one finding per broken member (RFC 9728 §2: resource and authorization_servers are what hosts need). */
export const checkPrmValid = defineCheck<{ fetch: PrmFetch }>({ id: 'prm-valid', codes: ['PRM_INVALID'] }, ({ fetch }) => {
  if (fetch.status !== 200) return [];
  const drafts: FindingDraft[] = [];
  const add = (message: string, fix: string) => drafts.push({ code: 'PRM_INVALID', message, fix, ...cite(fetch) });
  if (!fetch.json) {
    add(`${fetch.url} answered 200 ${fetch.contentType ?? 'without a Content-Type'} that is not a JSON object`, 'Serve the metadata as a JSON object with Content-Type: application/json.');
    return drafts;
  }
  if (fetch.contentType !== 'application/json') add(`${fetch.url} is JSON but served as ${fetch.contentType ?? 'no Content-Type'}`, 'Serve the metadata with Content-Type: application/json.');
  const { resource, authorization_servers: servers } = fetch.json;
  if (typeof resource !== 'string' || !resource) add('the metadata has no resource (the MCP URL it describes)', 'Add "resource": "<the MCP URL exactly as users enter it>".');
  if (!Array.isArray(servers) || servers.length === 0 || !servers.every((s) => typeof s === 'string' && URL.canParse(s))) {
    add('the metadata has no non-empty authorization_servers list of issuer URLs', 'Add "authorization_servers": ["<issuer of your authorization server>"] (the issuer exactly as its metadata states it).');
  }
  return drafts;
});

/**
 * PRM_WELL_KNOWN_FORM_MISSING: one RFC 9728 form answers, the other 404s. Hosts that try only the missing one fail,
 * which makes it an error for a host whose only probe it is and that got no pointer.
 */
export const checkPrmWellKnownForms = defineCheck<{ pathInserted?: PrmFetch; root?: PrmFetch; pointerGiven: boolean; hostTriesOnly?: 'path-inserted' }>(
  { id: 'prm-served-at-both-well-known-forms', codes: ['PRM_WELL_KNOWN_FORM_MISSING'] },
  ({ pathInserted, root, pointerGiven, hostTriesOnly }) => {
    if (!pathInserted || !root) return [];
    const ok = (f: PrmFetch) => f.status === 200 && !!f.json;
    if (ok(pathInserted) === ok(root) || (root.url === pathInserted.url)) return [];
    const missing = ok(pathInserted) ? root : pathInserted;
    const fatal = !pointerGiven && hostTriesOnly === 'path-inserted' && missing === pathInserted;
    return [
      {
        code: 'PRM_WELL_KNOWN_FORM_MISSING',
        ...(fatal ? { severity: 'error' as const } : {}),
        message: `${missing.url} answers ${missing.status ?? missing.error ?? 'nothing'} while ${(missing === root ? pathInserted : root).url} serves the metadata${fatal ? '; this host tries only the path-inserted form, and the 401 gave no pointer' : ''}`,
        fix: 'Serve the same metadata at both /.well-known/oauth-protected-resource<path> and /.well-known/oauth-protected-resource, or point at it with resource_metadata in the 401 challenge.',
        ...cite(missing),
      },
    ];
  },
);

/** PRM_RESOURCE_MISMATCH: the metadata's resource must be the MCP URL as the user entered it. */
export const checkPrmResource = defineCheck<{ fetch: PrmFetch; resource: string; entered: string; comparison: 'exact' | 'canonical' }>(
  { id: 'prm-resource-is-the-mcp-url', codes: ['PRM_RESOURCE_MISMATCH'] },
  ({ fetch, resource, entered, comparison }) => {
    if (resource === entered) return [];
    const sameCanonically = canonicalResource(resource) !== undefined && canonicalResource(resource) === canonicalResource(entered);
    // A host comparing after RFC 8707 canonicalisation accepts this one; it still differs from what users type.
    if (sameCanonically && comparison === 'canonical') {
      return [{ code: 'PRM_RESOURCE_MISMATCH', severity: 'warning', message: `the metadata's resource "${resource}" equals the MCP URL ${entered} only after canonicalisation`, fix: `Set "resource" to exactly ${entered}.`, ...cite(fetch) }];
    }
    return [
      {
        code: 'PRM_RESOURCE_MISMATCH',
        message: `the metadata's resource "${resource.slice(0, 200)}" is not the MCP URL the user entered (${entered})${comparison === 'exact' ? '; this host compares byte for byte, path and trailing slash included' : ''}`,
        fix: `Set "resource" to exactly ${entered}, the URL users type into the host.`,
        ...cite(fetch),
      },
    ];
  },
);

/** PRM_OFFLINE_ACCESS_ADVERTISED: offline_access belongs in the authorization server's metadata, not the resource's. */
export const checkPrmNoOfflineAccess = defineCheck<{ fetch: PrmFetch; scopes?: readonly string[]; challengeScope?: string; challengeExchangeId?: string }>(
  { id: 'prm-does-not-advertise-offline-access', codes: ['PRM_OFFLINE_ACCESS_ADVERTISED'] },
  ({ fetch, scopes, challengeScope, challengeExchangeId }) => {
    const inPrm = scopes?.includes('offline_access') ?? false;
    const inChallenge = (challengeScope ?? '').split(/\s+/).includes('offline_access');
    if (!inPrm && !inChallenge) return [];
    const where = [inPrm ? 'scopes_supported' : '', inChallenge ? 'the 401 challenge scope' : ''].filter(Boolean).join(' and ');
    return [
      {
        code: 'PRM_OFFLINE_ACCESS_ADVERTISED',
        message: `offline_access is in the resource server's ${where}; clients add it themselves when the authorization server lists it`,
        fix: 'Remove offline_access from the protected resource metadata and the challenge; list it in the authorization server metadata scopes_supported instead.',
        evidence: [...(inPrm ? [fetch.exchangeId] : []), ...(inChallenge && challengeExchangeId ? [challengeExchangeId] : [])],
      },
    ];
  },
);
