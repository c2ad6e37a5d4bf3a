import { randomUUID } from 'node:crypto';
import type { HostProfile } from '../profiles/host-profile.ts';

export interface AuthorizationRequest {
  url: string;
  state: string;
  redirectUri: string;
}

/**
 * The authorization URL as the host builds it from `client_url`: its own parameters in the host's order, `scope`
 * even when empty, a fresh unguessable state, no PKCE. Parameters already in `client_url` are kept; the host's own
 * values win on a clash, as a URL builder would set them.
 */
export function buildAuthorizationRequest(args: {
  profile: HostProfile;
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}): AuthorizationRequest {
  const state = randomUUID();
  const url = new URL(args.authorizeUrl);
  const values: Record<HostProfile['authorize']['parameterOrder'][number], string> = {
    response_type: 'code',
    client_id: args.clientId,
    redirect_uri: args.redirectUri,
    scope: args.scope,
    state,
  };
  for (const name of args.profile.authorize.parameterOrder) {
    if (name === 'scope' && args.scope === '' && !args.profile.authorize.sendsEmptyScope) continue;
    url.searchParams.delete(name);
    url.searchParams.append(name, values[name]);
  }
  return { url: url.toString(), state, redirectUri: args.redirectUri };
}
