import type { TokenRefusal } from './access-token-verifier.ts';
import type { ServerContext } from './context.ts';
import { DEFAULT_SCOPES, formatScope, OFFLINE_ACCESS, RESOURCE_SCOPES } from './scopes.ts';

/** WWW-Authenticate values of the MCP endpoint (RFC 6750 §3, RFC 9728 §5.1). */

function bearer(attributes: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}="${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);
  return `Bearer ${parts.join(', ')}`;
}

/** The PRM pointer, unless a fault drops it. */
function resourceMetadata(ctx: ServerContext): string | undefined {
  return ctx.has('challenge-without-resource-metadata') || ctx.has('prm-root-only') ? undefined : ctx.urls.prmPathInserted;
}

/** RFC 6750 §3.1: no error code when the request carried no token; the scope tells the client what to ask for. */
export function missingTokenChallenge(ctx: ServerContext): string {
  const scope = ctx.has('prm-offline-access') ? [...DEFAULT_SCOPES, OFFLINE_ACCESS] : [...DEFAULT_SCOPES];
  return bearer({ resource_metadata: resourceMetadata(ctx), scope: formatScope(scope) });
}

export function invalidTokenChallenge(ctx: ServerContext, refusal: TokenRefusal): string {
  // The fault: the client is not told why, so it cannot tell "refresh now" from "sign in again".
  if (ctx.has('expired-challenge-no-error') && refusal.reason !== 'invalid') return bearer({ resource_metadata: resourceMetadata(ctx) });
  return bearer({ error: 'invalid_token', error_description: refusal.description, resource_metadata: resourceMetadata(ctx) });
}

/** RFC 6750 §3.1 insufficient_scope, naming every scope the call needs together with those already held. */
export function insufficientScopeChallenge(ctx: ServerContext, held: readonly string[], needed: readonly string[], description: string): string {
  const wanted = RESOURCE_SCOPES.filter((scope) => held.includes(scope) || needed.includes(scope));
  return bearer({ error: 'insufficient_scope', scope: formatScope(wanted), resource_metadata: resourceMetadata(ctx), error_description: description });
}

/** ChatGPT's tool-level form of the same challenge, for `_meta["mcp/www_authenticate"]` of an isError result. */
export function toolLevelChallenge(ctx: ServerContext): string {
  return bearer({ resource_metadata: ctx.urls.prmPathInserted, error: 'invalid_token', error_description: 'Sign in to use this tool' });
}
