// Members of oidc-provider 8.x's public API that the OIDC MCP server uses beyond those examples/oidc-plugin/oidc-provider.d.ts
// declares. Interface declarations merge with that ambient module; only new, optional members are added here.
// Reference: https://github.com/panva/node-oidc-provider/blob/v8.x/docs/README.md
declare module 'oidc-provider' {
  interface Client {
    /** Whether the client registered this grant type. */
    grantTypeAllowed(grantType: string): boolean;
    readonly redirectUris: readonly string[];
  }

  interface ResourceServerInfo {
    /** Signing of JWT-format access tokens. */
    jwt?: { sign?: { alg: string } };
  }

  interface Configuration {
    /** Whether a code exchange (or a refresh) issues a refresh token. Default: only with offline_access. */
    issueRefreshToken?: (ctx: KoaContextWithOIDC, client: Client, code: object) => Promise<boolean>;
    /** Whether a refresh rotates the refresh token; default: public clients, or past 70 % of its lifetime. */
    rotateRefreshToken?: boolean | ((ctx: KoaContextWithOIDC) => boolean | Promise<boolean>);
    /** Response types the provider supports; default includes the implicit and hybrid ones. */
    responseTypes?: string[];
  }
}
