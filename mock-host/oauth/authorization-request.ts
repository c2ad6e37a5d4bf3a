import { randomUUID } from 'node:crypto';
import type { AuthorizationRequest } from '../model/authorization.ts';
import type { AuthorizationRequestShape } from '../profiles/host-profile.ts';
import { newCodeVerifier, s256Challenge } from './pkce.ts';

/**
 * The authorization URL as the host builds it: its own parameters in the host's order, `scope` even when empty if
 * the host does that, a fresh unguessable state, PKCE and `resource` when the host sends them. Parameters already in
 * the authorization URL are kept; the host's own values win on a clash, as a URL builder would set them.
 */
export function buildAuthorizationRequest(args: {
  shape: Pick<AuthorizationRequestShape, 'parameterOrder' | 'sendsEmptyScope' | 'pkce'>;
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  resource?: string;
  prompt?: string;
  /** Probes: leave a parameter out, or send another value (`code_challenge_method: 'plain'`). */
  overrides?: Partial<Record<string, string | null>>;
}): AuthorizationRequest {
  const state = randomUUID();
  const codeVerifier = args.shape.pkce === 'S256' ? newCodeVerifier() : undefined;
  const values: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: args.clientId,
    redirect_uri: args.redirectUri,
    scope: args.scope === '' && !args.shape.sendsEmptyScope ? undefined : args.scope,
    state,
    code_challenge: codeVerifier && s256Challenge(codeVerifier),
    code_challenge_method: codeVerifier && 'S256',
    resource: args.resource,
    prompt: args.prompt,
  };
  const url = new URL(args.authorizeUrl);
  for (const name of args.shape.parameterOrder) {
    const override = args.overrides?.[name];
    const value = override === null ? undefined : (override ?? values[name]);
    if (value === undefined) continue;
    url.searchParams.delete(name);
    url.searchParams.append(name, value);
  }
  return {
    url: url.toString(),
    state,
    redirectUri: args.redirectUri,
    clientId: args.clientId,
    scope: args.scope,
    ...(codeVerifier ? { codeVerifier } : {}),
    ...(args.resource ? { resource: args.resource } : {}),
  };
}
