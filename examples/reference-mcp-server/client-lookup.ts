import { secretMethods, type ClientRecord } from './clients.ts';
import { clientFromMetadataDocument, isClientIdUrl } from './client-metadata-document.ts';
import type { ServerContext } from './context.ts';
import type { PreRegisteredClient } from './options.ts';

export type ClientLookup = { ok: true; client: ClientRecord } | { ok: false; reason: string };

export function preRegisteredRecord(client: PreRegisteredClient): ClientRecord {
  return {
    clientId: client.clientId,
    kind: 'pre-registered',
    displayName: client.clientName ?? client.clientId,
    clientSecret: client.clientSecret,
    declaredAuthMethod: client.tokenEndpointAuthMethod,
    authMethods: secretMethods(client.tokenEndpointAuthMethod),
    redirectUris: client.redirectUris,
    grantTypes: client.grantTypes,
    jwks: client.jwks === undefined ? undefined : { keys: client.jwks.keys },
    jwksUri: client.jwksUri,
  };
}

/** Whether the AS accepts metadata-document client ids at all (advertised, and not faulted away). */
export function supportsClientIdMetadataDocuments(ctx: ServerContext): boolean {
  return ctx.options.clientIdMetadataDocuments && !ctx.has('no-client-registration');
}

/** A client_id as /authorize, /token and /revoke see it: pre-registered, registered by DCR, or a CIMD URL. */
export async function findClient(ctx: ServerContext, clientId: string): Promise<ClientLookup> {
  const preRegistered = ctx.options.preRegisteredClients.find((client) => client.clientId === clientId);
  if (preRegistered !== undefined) return { ok: true, client: preRegisteredRecord(preRegistered) };
  const registered = ctx.store.findRegisteredClient(clientId);
  if (registered !== undefined) return { ok: true, client: registered };
  if (isClientIdUrl(clientId, ctx.options.allowHttpLoopbackClientIds)) {
    if (!supportsClientIdMetadataDocuments(ctx)) return { ok: false, reason: 'client metadata documents are not supported' };
    // The fault: CIMD is advertised, but every document client is turned away.
    if (ctx.has('cimd-rejected')) return { ok: false, reason: 'this client is not allowed' };
    return clientFromMetadataDocument(ctx, clientId);
  }
  return { ok: false, reason: 'the client_id is not registered' };
}
