import { z } from 'zod';
import { CONFLICTING_FAULTS, FAULT_NAMES, faultSchema, type Fault } from './faults.ts';
import { FAULTS_WITH_A_PROVIDER } from './provider-delegation.ts';

export { FAULT_NAMES, faultSchema, type Fault };

/** The plugin id in the default redirect URI: a fixed UUID so runs are reproducible. */
export const DEFAULT_PLUGIN_ID = 'plugin-00000000-0000-4000-8000-000000000000';
export const DEFAULT_REDIRECT_URI = `https://chat.openai.com/aip/${DEFAULT_PLUGIN_ID}/oauth/callback`;

const absoluteUrl = z.url({ protocol: /^https?$/ });

/** An external OAuth provider the plugin delegates to: the manifest points at it, the API accepts its JWTs. */
export const oauthProviderSchema = z.strictObject({
  /** The manifest's client_url: the provider's authorization page, with any extra parameters it needs. */
  authorizeUrl: absoluteUrl,
  /** The manifest's authorization_url: the provider's token endpoint. */
  tokenUrl: absoluteUrl,
  /** Where the provider publishes the keys its access tokens are signed with. */
  jwksUrl: absoluteUrl,
  /** When set, access tokens must carry this `iss`. */
  issuer: z.string().min(1).optional(),
});

export type OAuthProviderOptions = z.output<typeof oauthProviderSchema>;

export const referencePluginOptionsSchema = z
  .strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(0),
    clientId: z.string().min(1).default('reference-client'),
    clientSecret: z.string().min(1).default('reference-secret'),
    username: z.string().min(1).default('demo@example.com'),
    password: z.string().min(1).default('demo-password'),
    /** The manifest's scope, and what an authorization request with an empty scope is granted. */
    scope: z.string().default('todos:read todos:write'),
    accessTokenTtlSeconds: z.number().int().positive().default(3600),
    /** How long a rotated-away refresh token keeps working, so racing refreshes and lost responses survive. */
    refreshTokenGraceSeconds: z.number().int().min(0).default(60),
    /** Exact-match registered redirect URIs. */
    redirectUris: z
      .array(absoluteUrl)
      .min(1)
      .default(() => [DEFAULT_REDIRECT_URI]),
    /** RFC 8252 §7.3: any port on 127.0.0.1/localhost with a registered path is accepted. */
    allowLoopbackRedirectPort: z.boolean().default(true),
    verificationToken: z.string().min(1).default('reference-verification-token'),
    /** The manifest's `authorization_content_type`. */
    contentType: z.enum(['application/json', 'application/x-www-form-urlencoded']).default('application/json'),
    faults: z.array(faultSchema).default(() => []),
    /** How long `slow-api` makes listTodos wait. */
    slowApiMs: z.number().int().min(0).default(11_000),
    /**
     * Starts every issued code, access token and refresh token (which are otherwise random), so a test can search
     * reports for them. URL-safe characters only: codes travel in query strings.
     */
    credentialPrefix: z.string().regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, "-" and "_" only').max(64).default(''),
    /** Mounts POST /__reference/clock so tests in another process can move the plugin's clock. */
    exposeControl: z.boolean().default(false),
    /** Delegate OAuth to this provider instead of the plugin's own authorization server (absent: the plugin's own). */
    oauthProvider: oauthProviderSchema.optional(),
  })
  .superRefine((options, issues) => {
    const chosen = new Set(options.faults);
    for (const group of CONFLICTING_FAULTS) {
      const clash = group.filter((fault) => chosen.has(fault));
      if (clash.length > 1) {
        issues.addIssue({
          code: 'custom',
          path: ['faults'],
          message: `faults ${clash.join(' and ')} contradict each other; pick one`,
        });
      }
    }
    if (options.oauthProvider) {
      const ownServerFaults = options.faults.filter((fault) => !FAULTS_WITH_A_PROVIDER.has(fault));
      if (ownServerFaults.length > 0) {
        issues.addIssue({
          code: 'custom',
          path: ['faults'],
          message: `faults ${ownServerFaults.join(', ')} change the plugin's own authorization server, which oauthProvider replaces`,
        });
      }
    }
  });

export type ReferencePluginOptions = z.input<typeof referencePluginOptionsSchema>;
export type ResolvedReferencePluginOptions = z.output<typeof referencePluginOptionsSchema>;

export class ReferencePluginOptionsError extends Error {
  override name = 'ReferencePluginOptionsError';
}

/** Applies defaults and validates; throws ReferencePluginOptionsError with a readable list of problems. */
export function resolveReferencePluginOptions(input: ReferencePluginOptions = {}): ResolvedReferencePluginOptions {
  const parsed = referencePluginOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ReferencePluginOptionsError(`invalid reference plugin options:\n${z.prettifyError(parsed.error)}`);
  }
  return { ...parsed.data, faults: [...new Set(parsed.data.faults)] };
}
