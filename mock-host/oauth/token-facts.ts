import { z } from 'zod';
import type { ProviderId } from '../model/provider-id.ts';
import { toCurl } from '../recorder/curl.ts';
import type { HttpErrorKind, HttpOutcome } from '../recorder/exchange.ts';
import type { SecretRegistry } from '../recorder/secrets.ts';
import { findErrorSignal, type ErrorSignal } from './error-signal.ts';
import { contentTypeOf, mediaTypeOf } from '../text/media-type.ts';
import { readResponseBody, type ResponseBody } from './response-body.ts';
import { registerResponseSecrets } from './response-secrets.ts';
import { locateTokenFields, type TokenLocation } from './token-locations.ts';
import type { TokenGrantType } from './token-request.ts';
import { readTokenSet, type TokenSet } from './token-set.ts';

export interface TokenHttpFacts {
  status: number;
  /** 2xx: the host takes the answer as success and looks for tokens. */
  success: boolean;
  /** Media type as declared, lower-cased, without parameters. */
  contentType?: string;
  /** Redacted Location header of a redirect. */
  location?: string;
  body: ResponseBody;
  truncated: boolean;
  maxBodyBytes: number;
  /** The body when it is a JSON object: the only thing the host reads. */
  top?: Readonly<Record<string, unknown>>;
  /** Top-level fields of a JSON object or form body, for error indicators whatever the encoding. */
  fields?: Readonly<Record<string, unknown>>;
  /** Every place (JSON or form) that holds a token-like field. */
  locations: readonly TokenLocation[];
  errorSignal?: ErrorSignal;
  /** What the host stores: only for a 2xx JSON object with a top-level access_token. */
  tokens?: TokenSet;
  /** The Cache-Control header, lower-cased (RFC 6749 §5.1 wants no-store). */
  cacheControl?: string;
  /** How long the answer took. */
  durationMs: number;
  /** The access token's JWT claims, decoded without verification, when it is a JWT (opaque tokens: undefined). */
  accessTokenClaims?: Readonly<Record<string, unknown>>;
}

/** Everything the token checks look at, gathered once from one exchange. Values are raw; messages redact. */
export interface TokenResponseFacts {
  exchangeId: string;
  grant: TokenGrantType;
  provider?: ProviderId;
  /** The RFC 8707 resource the request asked for, when it named one. */
  resource?: string;
  /** The token endpoint URL, redacted. */
  endpoint: string;
  reproduce: string;
  transport?: { kind: HttpErrorKind; message: string; timeoutMs: number };
  http?: TokenHttpFacts;
}

const jsonObject = z.record(z.string(), z.unknown());

export interface TokenFactsContext {
  grant: TokenGrantType;
  provider?: ProviderId;
  resource?: string;
  secrets: SecretRegistry;
}

export function gatherTokenFacts(outcome: HttpOutcome, ctx: TokenFactsContext): TokenResponseFacts {
  const { secrets } = ctx;
  const base = {
    exchangeId: outcome.exchangeId,
    grant: ctx.grant,
    ...(ctx.provider ? { provider: ctx.provider } : {}),
    ...(ctx.resource ? { resource: ctx.resource } : {}),
    endpoint: secrets.redact(outcome.request.url),
  };
  const response = outcome.response;
  if (!response) {
    const error = outcome.error ?? { kind: 'network' as const, message: 'no response' };
    return { ...base, reproduce: toCurl(outcome.request, secrets), transport: { kind: error.kind, message: error.message, timeoutMs: outcome.request.timeoutMs } };
  }
  const contentType = mediaTypeOf(contentTypeOf(response.headers)) || undefined;
  const body = readResponseBody(response.body, contentType);
  // Register before anything is rendered: the curl and every message must already see these values as secrets.
  registerResponseSecrets(secrets, body, response.body);
  const top = body.kind === 'json' ? jsonObject.safeParse(body.value).data : undefined;
  const fields = top ?? (body.kind === 'form' ? Object.fromEntries(body.fields) : undefined);
  const located = body.kind === 'json' ? body.value : fields;
  const success = response.status >= 200 && response.status < 300;
  const errorSignal = fields ? findErrorSignal(fields) : undefined;
  const tokens = success && top ? readTokenSet(top) : undefined;
  const location = response.headers.location;
  const cacheControl = response.headers['cache-control']?.toLowerCase();
  const claims = tokens ? decodeJwtClaims(tokens.accessToken) : undefined;
  return {
    ...base,
    reproduce: toCurl(outcome.request, secrets),
    http: {
      status: response.status,
      success,
      ...(contentType ? { contentType } : {}),
      ...(location ? { location: secrets.redact(location) } : {}),
      body,
      truncated: response.truncated,
      maxBodyBytes: outcome.request.maxBodyBytes,
      ...(top ? { top } : {}),
      ...(fields ? { fields } : {}),
      locations: located === undefined ? [] : locateTokenFields(located),
      ...(errorSignal ? { errorSignal } : {}),
      ...(tokens ? { tokens } : {}),
      ...(cacheControl ? { cacheControl } : {}),
      durationMs: response.durationMs,
      ...(claims ? { accessTokenClaims: claims } : {}),
    },
  };
}

/** The payload of a JWT, read without verifying it (the host only looks); undefined for anything else. */
function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
