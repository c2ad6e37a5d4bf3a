// oidc-provider ships no types, and the project adds no @types package for it: these declarations cover only the
// part of its public API the OIDC plugin uses (oidc-provider 8.x, https://github.com/panva/node-oidc-provider/tree/v8.x/docs).
declare module 'oidc-provider' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** Koa's context as oidc-provider passes it to configuration functions; the plugin never reads it. */
  export type KoaContextWithOIDC = object;

  /** What an adapter stores for one model instance (token, code, session, grant…). */
  export interface AdapterPayload {
    readonly [key: string]: unknown;
    grantId?: string;
    userCode?: string;
    uid?: string;
    consumed?: number;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: 'client_secret_post' | 'client_secret_basic' | 'none';
    scope?: string;
  }

  /** The registered client as configuration functions see it. */
  export interface Client {
    readonly clientId: string;
    readonly clientAuthMethod: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<{ sub: string; [claim: string]: unknown }>;
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
  }

  export interface Configuration {
    adapter?: (name: string) => Adapter;
    clients?: ClientMetadata[];
    cookies?: { keys?: string[] };
    findAccount?: (ctx: KoaContextWithOIDC, sub: string) => Promise<Account | undefined>;
    jwks?: { keys: object[] };
    scopes?: string[];
    pkce?: { methods?: ('S256' | 'plain')[]; required?: (ctx: KoaContextWithOIDC, client: Client) => boolean };
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    features?: {
      devInteractions?: { enabled: boolean };
      revocation?: { enabled: boolean };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (ctx: KoaContextWithOIDC, client: Client, oneOf?: string[]) => Promise<string | string[] | undefined>;
        useGrantedResource?: (ctx: KoaContextWithOIDC, model: object) => Promise<boolean>;
        getResourceServerInfo?: (ctx: KoaContextWithOIDC, resourceIndicator: string, client: Client) => Promise<ResourceServerInfo>;
      };
    };
    ttl?: Partial<Record<'AccessToken' | 'AuthorizationCode' | 'IdToken' | 'Interaction' | 'Grant' | 'Session' | 'RefreshToken', number>>;
  }

  /** An access token as the provider stored it; `exp` and `iat` are epoch seconds. */
  export interface AccessToken {
    readonly jti: string;
    readonly accountId: string;
    readonly clientId: string;
    readonly scope?: string;
    readonly aud?: string | string[];
    readonly exp: number;
    readonly iat: number;
  }

  export class Provider extends EventEmitter {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    /** The provider as a plain Node request handler, for mounting in Express. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    readonly AccessToken: {
      find(value: string, options?: { ignoreExpiration?: boolean }): Promise<AccessToken | undefined>;
    };
  }

  export namespace errors {
    class OIDCProviderError extends Error {
      readonly error: string;
      readonly error_description?: string;
    }
    class InvalidTarget extends OIDCProviderError {
      constructor(description?: string);
    }
  }

  export default Provider;
}
