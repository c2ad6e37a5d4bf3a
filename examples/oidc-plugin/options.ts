import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** ChatGPT's plugin callback for the harness's default plugin id (PROTOCOL.md §2): registered verbatim. */
export const CHATGPT_CALLBACK = 'https://chat.openai.com/aip/plugin-00000000-0000-4000-8000-000000000000/oauth/callback';

export const API_SCOPE = 'todos:read';

const ONE_HOUR = 3600;

export const oidcPluginOptionsSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(0),
  clientId: z.string().min(1).default('oidc-plugin-client'),
  /** A fresh random secret per start unless given: nothing here is a credential worth keeping. */
  clientSecret: z.string().min(16).optional(),
  /**
   * Exact redirect URIs of the registered client. oidc-provider compares them byte for byte, so the mock host's
   * loopback callback (PLUGIN_REDIRECT=local, a port known only at run time) must be added by the caller.
   */
  redirectUris: z.array(z.url()).min(1).default([CHATGPT_CALLBACK]),
  /** The account the login page is filled with. oidc-provider's dev login accepts any name and ignores the password. */
  username: z.string().min(1).default('demo@example.com'),
  password: z.string().min(1).default('demo-password'),
  accessTokenTtlSeconds: z.number().int().positive().default(ONE_HOUR),
  verificationToken: z.string().min(1).default('oidc-plugin-verification-token'),
  /**
   * Two manifest mistakes developers make with oidc-provider, for negative controls: without prompt=consent in
   * client_url no refresh token is issued; application/json token bodies are refused (form bodies only).
   */
  manifestPromptsConsent: z.boolean().default(true),
  manifestContentType: z.enum(['application/x-www-form-urlencoded', 'application/json']).default('application/x-www-form-urlencoded'),
});

export type OidcPluginOptions = z.input<typeof oidcPluginOptionsSchema>;
export type ResolvedOidcPluginOptions = Omit<z.output<typeof oidcPluginOptionsSchema>, 'clientSecret'> & { clientSecret: string };

export function resolveOidcPluginOptions(input: OidcPluginOptions): ResolvedOidcPluginOptions {
  const parsed = oidcPluginOptionsSchema.parse(input);
  return { ...parsed, clientSecret: parsed.clientSecret ?? randomBytes(24).toString('base64url') };
}
