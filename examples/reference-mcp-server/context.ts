import type { AccessTokenVerifier } from './access-token-verifier.ts';
import type { ServerClock } from './clock.ts';
import { serverUrls, type ServerUrls } from './endpoints.ts';
import { externalAccessTokenVerifier } from './external-access-tokens.ts';
import type { Fault } from './faults.ts';
import type { NotesStore } from './notes-store.ts';
import type { OAuthStore } from './oauth-store.ts';
import type { OutboundFetch, ResolvedReferenceMcpServerOptions } from './options.ts';
import { ownAccessTokenVerifier } from './own-access-tokens.ts';
import type { RequestLog } from './request-log.ts';
import type { SigningKey } from './signing-keys.ts';

/** What every route factory of one server instance shares. */
export interface ServerContext {
  readonly options: ResolvedReferenceMcpServerOptions;
  readonly clock: ServerClock;
  readonly store: OAuthStore;
  readonly notes: NotesStore;
  readonly log: RequestLog;
  readonly urls: ServerUrls;
  /** The issuer the PRM names and tokens must carry: the built-in AS's, or options.authorizationServer's. */
  readonly issuer: string;
  readonly key: SigningKey;
  readonly fetch: OutboundFetch;
  has(fault: Fault): boolean;
  readonly verifyAccessToken: AccessTokenVerifier;
}

export function createServerContext(
  options: ResolvedReferenceMcpServerOptions,
  origin: string,
  parts: { clock: ServerClock; store: OAuthStore; notes: NotesStore; log: RequestLog; key: SigningKey },
): ServerContext {
  const faults = new Set<Fault>(options.faults);
  const has = (fault: Fault) => faults.has(fault);
  const urls = serverUrls(origin);
  const external = options.authorizationServer;
  const verifyAccessToken = external
    ? externalAccessTokenVerifier(external, external.audience ?? urls.mcp, parts.clock, has)
    : ownAccessTokenVerifier({ ...parts, urls, ttlSeconds: options.accessTokenTtlSeconds, has });
  const fetch: OutboundFetch = options.outboundFetch ?? ((url, init) => globalThis.fetch(url, init));
  return { options, ...parts, urls, issuer: external?.issuer ?? urls.issuer, fetch, has, verifyAccessToken };
}
