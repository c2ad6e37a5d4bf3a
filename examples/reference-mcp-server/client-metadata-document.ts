import { z } from 'zod';
import type { ClientRecord } from './clients.ts';
import type { ServerContext } from './context.ts';
import type { TokenEndpointAuthMethod } from './options.ts';
import { fetchDocument, isJsonContentType } from './outbound-fetch.ts';
import { isLoopbackHost } from './redirect-uri.ts';

/** Client ID Metadata Documents (MCP 2025-11-25, draft-ietf-oauth-client-id-metadata-document). */

const FETCH_TIMEOUT_MS = 5000;
const MAX_DOCUMENT_BYTES = 5 * 1024;
const CACHE_MS = 30_000;

const jwksSchema = z.looseObject({ keys: z.array(z.looseObject({ kty: z.string() })).min(1) });

/** Members the server reads; the rest of a document is allowed and ignored. */
export const clientMetadataDocumentSchema = z.looseObject({
  client_id: z.string(),
  redirect_uris: z.array(z.string().min(1)).min(1),
  client_name: z.string().optional(),
  token_endpoint_auth_method: z.string().optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  grant_types: z.array(z.string()).optional(),
  response_types: z.array(z.string()).optional(),
  jwks_uri: z.url().optional(),
  jwks: jwksSchema.optional(),
});

/** A document cannot hold a secret, so only these make sense for it. */
const DOCUMENT_METHODS: readonly TokenEndpointAuthMethod[] = ['none', 'private_key_jwt'];

const isDocumentMethod = (value: string): value is TokenEndpointAuthMethod => (DOCUMENT_METHODS as readonly string[]).includes(value);

/** A client_id that names a metadata document: https with a path, or http on loopback when allowed. */
export function isClientIdUrl(clientId: string, allowHttpLoopback: boolean): boolean {
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return false;
  }
  if (url.pathname === '/' || url.hash !== '' || url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return allowHttpLoopback && url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

export type DocumentResult = { ok: true; client: ClientRecord } | { ok: false; reason: string };

const cache = new WeakMap<ServerContext, Map<string, { client: ClientRecord; untilMs: number }>>();

/** Fetches, validates and (briefly) caches the document a client_id URL names. */
export async function clientFromMetadataDocument(ctx: ServerContext, clientId: string): Promise<DocumentResult> {
  const cached = cache.get(ctx)?.get(clientId);
  if (cached !== undefined && cached.untilMs > ctx.clock.now()) return { ok: true, client: cached.client };

  const fetched = await fetchDocument(clientId, {
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_DOCUMENT_BYTES,
    allowNonLoopback: ctx.options.allowNonLoopbackFetch,
    fetch: ctx.fetch,
  });
  if (!fetched.ok) return { ok: false, reason: `the client metadata document could not be fetched: ${fetched.reason}` };
  if (!isJsonContentType(fetched.contentType)) return { ok: false, reason: 'the client metadata document is not application/json' };
  let json: unknown;
  try {
    json = JSON.parse(fetched.text);
  } catch {
    return { ok: false, reason: 'the client metadata document is not valid JSON' };
  }
  const parsed = clientMetadataDocumentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `the client metadata document is invalid: ${z.prettifyError(parsed.error)}` };
  const document = parsed.data;
  if (document.client_id !== clientId) return { ok: false, reason: 'the document\'s client_id differs from its URL' };
  if (document.response_types !== undefined && !document.response_types.includes('code')) {
    return { ok: false, reason: 'the document does not allow response_type code' };
  }

  // Absent, the singular member means a public client: a document cannot carry a secret.
  const declared = document.token_endpoint_auth_method ?? 'none';
  if (!isDocumentMethod(declared)) return { ok: false, reason: `token_endpoint_auth_method ${declared} is not possible for a metadata document client` };
  // ChatGPT declares singular private_key_jwt and plural ["none","private_key_jwt"]: honour every supported one.
  const plural = ctx.has('cimd-singular-auth-method-only') ? [] : (document.token_endpoint_auth_methods_supported ?? []).filter(isDocumentMethod);
  const hasKeys = document.jwks !== undefined || document.jwks_uri !== undefined;
  const methods = [...new Set([declared, ...plural])].filter((method) => method !== 'private_key_jwt' || hasKeys);
  if (methods.length === 0) return { ok: false, reason: 'private_key_jwt needs jwks_uri or jwks in the document' };

  const client: ClientRecord = {
    clientId,
    kind: 'metadata-document',
    displayName: new URL(clientId).host,
    clientSecret: undefined,
    declaredAuthMethod: declared,
    authMethods: methods,
    redirectUris: document.redirect_uris,
    // Unknown grants (Claude lists jwt-bearer) are ignored rather than refused.
    grantTypes: document.grant_types ?? ['authorization_code'],
    jwks: document.jwks === undefined ? undefined : { keys: document.jwks.keys },
    jwksUri: document.jwks_uri,
  };
  const entries = cache.get(ctx) ?? new Map();
  entries.set(clientId, { client, untilMs: ctx.clock.now() + CACHE_MS });
  cache.set(ctx, entries);
  return { ok: true, client };
}
