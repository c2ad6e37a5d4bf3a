import type { PluginContext } from './context.ts';
import { safeEqual } from './secrets.ts';

export interface ClientCredentialsInBody {
  readonly client_id?: string | undefined;
  readonly client_secret?: string | undefined;
}

export type ClientAuthResult = { ok: true; clientId: string } | { ok: false; description: string };

interface Credentials {
  readonly id: string;
  readonly secret: string | undefined;
}

/** RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and base64-encoded. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

type BasicResult = { kind: 'absent' } | { kind: 'malformed' } | { kind: 'present'; credentials: Credentials };

function readBasic(header: string | undefined): BasicResult {
  const match = /^basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header ?? '');
  if (match?.[1] === undefined) return { kind: 'absent' };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return { kind: 'malformed' };
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  if (id === undefined || secret === undefined) return { kind: 'malformed' };
  return { kind: 'present', credentials: { id, secret } };
}

/**
 * Authenticates the client of a token request, by HTTP Basic or by client_id/client_secret in the body.
 * Both at once are accepted when they name the same client: some hosts add client_id to the body next to Basic.
 */
export function authenticateClient(
  ctx: PluginContext,
  authorizationHeader: string | undefined,
  body: ClientCredentialsInBody,
): ClientAuthResult {
  const fail = (description: string): ClientAuthResult => ({ ok: false, description });
  const basic = readBasic(authorizationHeader);
  if (basic.kind === 'malformed') return fail('the HTTP Basic credentials are malformed');
  if (basic.kind === 'present' && ctx.has('body-auth-only')) {
    return fail('HTTP Basic client authentication is not supported; send client_id and client_secret in the body');
  }
  const inBody: Credentials | undefined =
    body.client_secret === undefined ? undefined : { id: body.client_id ?? '', secret: body.client_secret };
  if (inBody !== undefined && ctx.has('basic-auth-only')) {
    return fail('client credentials in the request body are not supported; use HTTP Basic');
  }

  const presented: Credentials | undefined =
    basic.kind === 'present'
      ? basic.credentials
      : (inBody ?? (body.client_id === undefined ? undefined : { id: body.client_id, secret: undefined }));
  if (presented === undefined) return fail('client authentication is required');
  if (body.client_id !== undefined && body.client_id !== presented.id) {
    return fail('client_id in the body differs from the authenticated client');
  }
  if (inBody !== undefined && basic.kind === 'present' && inBody.secret !== presented.secret) {
    return fail('the client secrets in the body and the Authorization header differ');
  }
  if (presented.id !== ctx.options.clientId) return fail('unknown client');
  if (ctx.has('any-client-secret')) return { ok: true, clientId: presented.id };
  if (presented.secret === undefined || !safeEqual(presented.secret, ctx.options.clientSecret)) {
    return fail('client authentication failed');
  }
  return { ok: true, clientId: presented.id };
}
