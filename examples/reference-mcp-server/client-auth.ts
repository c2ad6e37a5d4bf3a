import { decodeJwt } from 'jose';
import { verifyClientAssertion } from './client-assertion.ts';
import { findClient } from './client-lookup.ts';
import type { ClientRecord } from './clients.ts';
import type { ServerContext } from './context.ts';
import type { TokenEndpointAuthMethod } from './options.ts';
import { safeEqual } from './secrets.ts';
import type { TokenError } from './token-errors.ts';

/** The client-authentication parameters of a token or revocation request (RFC 6749 §2.3, RFC 7523 §2.2). */
export interface ClientCredentialParameters {
  readonly client_id?: string | undefined;
  readonly client_secret?: string | undefined;
  readonly client_assertion_type?: string | undefined;
  readonly client_assertion?: string | undefined;
}

export type ClientAuthResult =
  | { ok: true; client: ClientRecord; method: TokenEndpointAuthMethod }
  | { ok: false; failure: TokenError };

/** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

type Basic = { kind: 'absent' } | { kind: 'malformed' } | { kind: 'present'; id: string; secret: string };

function readBasic(header: string | undefined): Basic {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (match?.[1] === undefined) return { kind: 'absent' };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return { kind: 'malformed' };
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id === undefined || secret === undefined ? { kind: 'malformed' } : { kind: 'present', id, secret };
}

function assertionSubject(assertion: string | undefined): string | undefined {
  if (assertion === undefined) return undefined;
  try {
    const { sub } = decodeJwt(assertion);
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}

const invalidClient = (description: string): ClientAuthResult => ({ ok: false, failure: { error: 'invalid_client', description } });
const invalidRequest = (description: string): ClientAuthResult => ({ ok: false, failure: { error: 'invalid_request', description } });

/**
 * Authenticates the client of a token or revocation request by the method it used, which must be one the client
 * may use: none (client_id only; PKCE is the proof), client_secret_post, client_secret_basic or private_key_jwt.
 */
export async function authenticateClient(
  ctx: ServerContext,
  authorizationHeader: string | undefined,
  parameters: ClientCredentialParameters,
  endpointUrl: string,
): Promise<ClientAuthResult> {
  const basic = readBasic(authorizationHeader);
  if (basic.kind === 'malformed') return invalidClient('the HTTP Basic credentials are malformed');
  const usesAssertion = parameters.client_assertion !== undefined || parameters.client_assertion_type !== undefined;
  const used = [basic.kind === 'present', parameters.client_secret !== undefined, usesAssertion].filter(Boolean).length;
  if (used > 1) return invalidRequest('use exactly one client authentication method');
  const method: TokenEndpointAuthMethod =
    basic.kind === 'present' ? 'client_secret_basic' : parameters.client_secret !== undefined ? 'client_secret_post' : usesAssertion ? 'private_key_jwt' : 'none';

  const clientId = basic.kind === 'present' ? basic.id : (parameters.client_id ?? assertionSubject(parameters.client_assertion));
  if (clientId === undefined || clientId === '') return invalidClient('client authentication is required (send client_id)');
  if (parameters.client_id !== undefined && parameters.client_id !== clientId) {
    return invalidRequest('client_id in the body differs from the authenticated client');
  }
  const lookup = await findClient(ctx, clientId);
  if (!lookup.ok) {
    // The fault: the one answer (401 invalid_client) that makes Claude re-register is replaced by a generic 400.
    return ctx.has('unknown-client-400') ? invalidRequest(`unknown client: ${lookup.reason}`) : invalidClient(`unknown client: ${lookup.reason}`);
  }
  const client = lookup.client;

  if (ctx.has('client-secret-basic-only') && method === 'client_secret_post') {
    return invalidClient('client credentials in the request body are not supported; use HTTP Basic');
  }
  if (ctx.has('public-client-rejected') && method === 'none') return invalidClient('client authentication failed');
  if (!client.authMethods.includes(method)) {
    return invalidClient(`this client authenticates with ${client.authMethods.join(' or ')}, not ${method}`);
  }
  switch (method) {
    case 'client_secret_basic':
    case 'client_secret_post': {
      const secret = basic.kind === 'present' ? basic.secret : (parameters.client_secret ?? '');
      if (client.clientSecret === undefined || !safeEqual(secret, client.clientSecret)) return invalidClient('client authentication failed');
      break;
    }
    case 'private_key_jwt': {
      const check = await verifyClientAssertion(ctx, client, parameters.client_assertion_type, parameters.client_assertion, endpointUrl);
      if (!check.ok) return invalidClient(check.description);
      break;
    }
    case 'none':
      break;
  }
  return { ok: true, client, method };
}
