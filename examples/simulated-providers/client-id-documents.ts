import { z } from 'zod';

/**
 * Client ID metadata documents at a simulated provider (tenant `clientIdMetadataDocuments`): a `client_id` that is a
 * URL names a JSON document the provider fetches at /authorize. `read-singular` imitates an authorization server
 * that reads only the singular `token_endpoint_auth_method` (ChatGPT declares `private_key_jwt` there and lists
 * `none` in the plural member): a client whose singular method it does not support is refused.
 */
export type ClientIdDocumentMode = 'off' | 'on' | 'read-singular';

const FETCH_TIMEOUT_MS = 5000;
const MAX_DOCUMENT_BYTES = 5 * 1024;

const documentSchema = z.looseObject({
  client_id: z.string(),
  redirect_uris: z.array(z.string().min(1)).min(1),
  token_endpoint_auth_method: z.string().optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
});

/** Only loopback documents are fetched: the simulated provider never sends traffic off the machine. */
export function isClientIdUrl(clientId: string): boolean {
  try {
    const url = new URL(clientId);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && url.pathname !== '/';
  } catch {
    return false;
  }
}

export type DocumentVerdict = { ok: true; method: string } | { ok: false; error: 'invalid_client' | 'invalid_request'; description: string };

async function fetchDocument(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (text.length > MAX_DOCUMENT_BYTES) throw new Error('document too large');
  return JSON.parse(text);
}

/**
 * Fetches and judges the document behind a client_id URL for this authorization request: its client_id, the
 * redirect_uri, and the token endpoint authentication method the provider reads from it.
 */
export async function judgeClientIdDocument(args: { clientId: string; redirectUri: string | null; mode: Exclude<ClientIdDocumentMode, 'off'>; supportedMethods: readonly string[] }): Promise<DocumentVerdict> {
  let raw: unknown;
  try {
    raw = await fetchDocument(args.clientId);
  } catch (error) {
    return { ok: false, error: 'invalid_client', description: `the client metadata document could not be fetched: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid_client', description: 'the client metadata document is invalid' };
  const document = parsed.data;
  if (document.client_id !== args.clientId) return { ok: false, error: 'invalid_client', description: "the document's client_id differs from its URL" };
  if (args.redirectUri === null || !document.redirect_uris.includes(args.redirectUri)) return { ok: false, error: 'invalid_request', description: 'redirect_uri is not among the document\'s redirect_uris' };
  const singular = document.token_endpoint_auth_method ?? 'none';
  const candidates = args.mode === 'read-singular' ? [singular] : [...(document.token_endpoint_auth_methods_supported ?? []), singular];
  const method = candidates.find((m) => args.supportedMethods.includes(m));
  if (method === undefined) return { ok: false, error: 'invalid_client', description: `token_endpoint_auth_method ${singular} is not supported for this client` };
  return { ok: true, method };
}
