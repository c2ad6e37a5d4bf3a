import type { JSONWebKeySet } from 'jose';
import type { TokenEndpointAuthMethod } from './options.ts';

/** How the server came to know a client. */
export type ClientKind = 'pre-registered' | 'dynamic' | 'metadata-document';

/** A client as the authorization and token endpoints see it, whichever way it registered. */
export interface ClientRecord {
  readonly clientId: string;
  readonly kind: ClientKind;
  /** Shown on the consent page: the client name, or for a CIMD client the host of its client_id URL. */
  readonly displayName: string;
  readonly clientSecret: string | undefined;
  /** The one method the client declared (DCR body, options, or a CIMD document's singular member). */
  readonly declaredAuthMethod: TokenEndpointAuthMethod;
  /**
   * Every method it may use at /token. A secret client may use either secret method (as oidc-provider does); a CIMD
   * client also every method of its document's plural token_endpoint_auth_methods_supported that the server has.
   */
  readonly authMethods: readonly TokenEndpointAuthMethod[];
  readonly redirectUris: readonly string[];
  readonly grantTypes: readonly string[];
  readonly jwks: JSONWebKeySet | undefined;
  readonly jwksUri: string | undefined;
}

export function secretMethods(declared: TokenEndpointAuthMethod): readonly TokenEndpointAuthMethod[] {
  return declared === 'client_secret_post' || declared === 'client_secret_basic' ? ['client_secret_post', 'client_secret_basic'] : [declared];
}
