import { z } from 'zod';

export const oidcMcpServerOptionsSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(0),
  accessTokenTtlSeconds: z.number().int().positive().default(3600),
  /** oidc-provider's default (14 days); rotation and expiry here follow real time, not the RS clock. */
  refreshTokenTtlSeconds: z.number().int().positive().default(14 * 24 * 3600),
  /**
   * What the harness types into oidc-provider's dev login page. The dev interactions accept any login name and ignore
   * the password: the name becomes the token's `sub` (and `whoami`'s username).
   */
  username: z.string().min(1).default('demo@example.com'),
  password: z.string().min(1).default('demo-password'),
  /** MCP POST answers as JSON bodies (default) or SSE streams, as in the reference server. */
  responseMode: z.enum(['json', 'sse']).default('json'),
});

export type OidcMcpServerOptions = z.input<typeof oidcMcpServerOptionsSchema>;
export type ResolvedOidcMcpServerOptions = z.output<typeof oidcMcpServerOptionsSchema>;

export function resolveOidcMcpServerOptions(input: OidcMcpServerOptions = {}): ResolvedOidcMcpServerOptions {
  return oidcMcpServerOptionsSchema.parse(input);
}
