import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Manifest } from './documents.ts';

/**
 * The routes a behaviour can take over. The two probes are discovery's plain GETs of the manifest's OAuth URLs
 * (no parameters), told apart from the host's real authorization request and token POST.
 */
export type Route = 'manifest' | 'openapi' | 'authorize' | 'authorizeProbe' | 'login' | 'token' | 'tokenProbe' | 'api';

/** What an answer may need besides the request: where the server is, and the credentials it issued. */
export interface RequestContext {
  origin: string;
  /** The same server under its other loopback name: another origin and root domain, still this machine. */
  otherOrigin: string;
  url: URL;
  credentials: CredentialBook;
}

export type RouteAnswer = (req: IncomingMessage, res: ServerResponse, ctx: RequestContext) => void;

/**
 * One hostile behaviour: the baseline plugin with one thing changed. `answers` replace a route's answer only on
 * the requests of the host's real flow (an authorization request with parameters, a POST to the token endpoint),
 * not on discovery's plain probes of the same URLs, so each behaviour yields its own finding and no other.
 */
export interface Behaviour {
  /** One line: what the server does. */
  description: string;
  /** Serve everything over https with a self-signed certificate. */
  tls?: true;
  /** Changes to the manifest document (the baseline otherwise). */
  manifest?: (manifest: Manifest, ctx: RequestContext) => Manifest;
  /** Changes to the OpenAPI document. */
  openapi?: (document: Record<string, unknown>, ctx: RequestContext) => Record<string, unknown>;
  answers?: Partial<Record<Route, RouteAnswer>>;
}

export function defineBehaviours<const T extends Record<string, Behaviour>>(behaviours: T): T {
  return behaviours;
}

const credential = (kind: string): string => `hostile-${kind}-${randomBytes(12).toString('base64url')}`;

/** Codes and tokens this server issued; the API accepts only its own access tokens. */
export class CredentialBook {
  readonly #accessTokens = new Set<string>();

  code(): string {
    return credential('code');
  }

  /** A fresh access and refresh token pair; `accessToken` overrides the access token's value (already issued as is). */
  tokens(accessToken = credential('access')): { accessToken: string; refreshToken: string } {
    this.#accessTokens.add(accessToken);
    return { accessToken, refreshToken: credential('refresh') };
  }

  accepts(authorization: string | undefined): boolean {
    const match = /^bearer\s+(\S+)$/i.exec(authorization ?? '');
    return match?.[1] !== undefined && this.#accessTokens.has(match[1]);
  }
}
