import { z } from 'zod';
import { actsOnResourceServer, CONFLICTING_FAULTS, FAULT_NAMES, faultSchema, type Fault } from './faults.ts';
import { HOST_CALLBACKS } from './host-callbacks.ts';

export { FAULT_NAMES, faultSchema, type Fault };

/** A fetch the server uses for what it must download (CIMD documents, client jwks_uri): tests may inject one. */
export type OutboundFetch = (url: string, init: RequestInit) => Promise<Response>;

export const TOKEN_ENDPOINT_AUTH_METHODS = ['none', 'client_secret_post', 'client_secret_basic', 'private_key_jwt'] as const;
export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

const GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;

const userSchema = z.strictObject({
  username: z.string().min(1),
  password: z.string().min(1),
  /** Display name; `whoami` returns it next to the username. */
  name: z.string().min(1),
});

const jwksSchema = z.looseObject({ keys: z.array(z.looseObject({ kty: z.string() })).min(1) });

const preRegisteredClientSchema = z
  .strictObject({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    tokenEndpointAuthMethod: z.enum(TOKEN_ENDPOINT_AUTH_METHODS),
    /** Exact-match redirect URIs (loopback ports aside); default: every host callback. */
    redirectUris: z.array(z.string().min(1)).min(1).default(() => [...HOST_CALLBACKS]),
    clientName: z.string().min(1).optional(),
    grantTypes: z.array(z.enum(GRANT_TYPES)).min(1).default(() => [...GRANT_TYPES]),
    /** For private_key_jwt: the client's keys, inline or where to fetch them. */
    jwks: jwksSchema.optional(),
    jwksUri: z.url().optional(),
  })
  .superRefine((client, issues) => {
    const needsSecret = client.tokenEndpointAuthMethod.startsWith('client_secret_');
    if (needsSecret !== (client.clientSecret !== undefined)) {
      issues.addIssue({ code: 'custom', path: ['clientSecret'], message: needsSecret ? 'required for client_secret_* methods' : 'only client_secret_* clients have a secret' });
    }
    if (client.tokenEndpointAuthMethod === 'private_key_jwt' && client.jwks === undefined && client.jwksUri === undefined) {
      issues.addIssue({ code: 'custom', path: ['jwksUri'], message: 'private_key_jwt clients need jwks or jwksUri' });
    }
  });

export type PreRegisteredClient = z.output<typeof preRegisteredClientSchema>;

/** An authorization server other than the built-in one: the MCP server is then a resource server only. */
const externalAuthorizationServerSchema = z.strictObject({
  /** Named in the PRM's authorization_servers and required as the tokens' `iss`. */
  issuer: z.string().min(1),
  jwksUri: z.url(),
  /**
   * The `aud` its access tokens must carry; default the MCP URL (RFC 8707). An AS that ignores `resource` (Okta's
   * custom authorization servers: api://default) is set up with its own audience.
   */
  audience: z.string().min(1).optional(),
});

export const DEFAULT_USERS = [
  { username: 'demo@example.com', password: 'demo-password', name: 'Demo User' },
  { username: 'second@example.com', password: 'second-password', name: 'Second User' },
];

export const DEFAULT_CLIENTS: readonly PreRegisteredClient[] = [
  {
    clientId: 'reference-mcp-client',
    clientSecret: 'reference-mcp-secret',
    tokenEndpointAuthMethod: 'client_secret_post',
    clientName: 'Reference MCP confidential client',
    redirectUris: [...HOST_CALLBACKS],
    grantTypes: [...GRANT_TYPES],
  },
  {
    clientId: 'reference-mcp-public',
    tokenEndpointAuthMethod: 'none',
    clientName: 'Reference MCP public client',
    redirectUris: [...HOST_CALLBACKS],
    grantTypes: [...GRANT_TYPES],
  },
];

export const referenceMcpServerOptionsSchema = z
  .strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65_535).default(0),
    /**
     * The origin clients reach the server at (scheme://host:port, no path). start.ts fills it in from the address it
     * listens on; createReferenceMcpServer needs it, because the issuer, the PRM resource and every token's aud
     * are derived from it.
     */
    origin: z.url({ protocol: /^https?$/ }).optional(),
    faults: z.array(faultSchema).default(() => []),
    users: z.array(userSchema).min(1).default(() => DEFAULT_USERS.map((user) => ({ ...user }))),
    preRegisteredClients: z.array(preRegisteredClientSchema).default(() => DEFAULT_CLIENTS.map((client) => ({ ...client, redirectUris: [...client.redirectUris], grantTypes: [...client.grantTypes] }))),
    accessTokenTtlSeconds: z.number().int().positive().default(3600),
    /** How long a replaced refresh token keeps working, so racing refreshes and lost answers survive. */
    refreshTokenGraceSeconds: z.number().int().min(0).default(30),
    authorizationCodeTtlSeconds: z.number().int().positive().default(600),
    /** Starts every issued code, access token and refresh token, so a test can search reports for them. */
    credentialPrefix: z.string().regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, "-" and "_" only').max(64).default(''),
    /** Mounts /__reference/clock and /__reference/requests for tests in another process. */
    exposeControl: z.boolean().default(false),
    /** How long the slow-token-endpoint fault makes /token wait. */
    slowTokenMs: z.number().int().min(0).max(600_000).default(6000),
    /** How many POSTs to /register the dcr-rate-limited faults answer before each further one gets 429. */
    registrationLimit: z.number().int().min(0).default(2),
    /**
     * Supports client ID metadata documents (advertised, and CIMD client ids accepted). Off: a conformant server with
     * dynamic registration only, the other way hosts get a client (not a fault).
     */
    clientIdMetadataDocuments: z.boolean().default(true),
    /** CIMD client_id URLs on http://127.0.0.1 and http://localhost are accepted (the harness serves its copies there). */
    allowHttpLoopbackClientIds: z.boolean().default(true),
    /**
     * CIMD documents and jwks_uri on hosts other than loopback are fetched only when true, so nothing a test does
     * sends traffic off the machine by accident.
     */
    allowNonLoopbackFetch: z.boolean().default(false),
    /** Replaces global fetch for CIMD documents and jwks_uri (e.g. one that trusts a test CA). */
    outboundFetch: z.custom<OutboundFetch>((value) => typeof value === 'function', 'a fetch-like function').optional(),
    /**
     * token_endpoint_auth_methods_supported as advertised (default: every method). Not a fault: a server offering
     * only private_key_jwt makes the ChatGPT app sign its client assertions. The server still accepts every method.
     */
    advertisedTokenEndpointAuthMethods: z.array(z.enum(TOKEN_ENDPOINT_AUTH_METHODS)).min(1).optional(),
    /** MCP POST answers as one JSON body (default) or as an SSE stream; both are Streamable HTTP. */
    responseMode: z.enum(['json', 'sse']).default('json'),
    /** Absent: the built-in AS. Present: PRM names this issuer, the own AS is not mounted, its JWTs are accepted. */
    authorizationServer: externalAuthorizationServerSchema.optional(),
  })
  .superRefine((options, issues) => {
    const chosen = new Set(options.faults);
    const reported = new Set<string>();
    for (const group of CONFLICTING_FAULTS) {
      const clash = group.filter((name) => chosen.has(name));
      const message = `faults ${clash.join(' and ')} contradict each other; pick one`;
      if (clash.length > 1 && !reported.has(message)) {
        reported.add(message);
        issues.addIssue({ code: 'custom', path: ['faults'], message });
      }
    }
    if (options.authorizationServer !== undefined) {
      const ownAs = options.faults.filter((name) => !actsOnResourceServer(name));
      if (ownAs.length > 0) {
        issues.addIssue({ code: 'custom', path: ['faults'], message: `faults ${ownAs.join(', ')} change the built-in authorization server, which authorizationServer replaces` });
      }
    }
    const ids = options.preRegisteredClients.map((client) => client.clientId);
    const repeatedId = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeatedId !== undefined) issues.addIssue({ code: 'custom', path: ['preRegisteredClients'], message: `client id ${repeatedId} is listed twice` });
    const names = options.users.map((user) => user.username);
    const repeatedUser = names.find((name, index) => names.indexOf(name) !== index);
    if (repeatedUser !== undefined) issues.addIssue({ code: 'custom', path: ['users'], message: `user ${repeatedUser} is listed twice` });
    if (options.origin !== undefined && new URL(options.origin).pathname !== '/') {
      issues.addIssue({ code: 'custom', path: ['origin'], message: 'an origin has no path' });
    }
  });

export type ReferenceMcpServerOptions = z.input<typeof referenceMcpServerOptionsSchema>;
export type ResolvedReferenceMcpServerOptions = z.output<typeof referenceMcpServerOptionsSchema>;

export class ReferenceMcpServerOptionsError extends Error {
  override name = 'ReferenceMcpServerOptionsError';
}

/** Applies defaults and validates; throws ReferenceMcpServerOptionsError with a readable list of problems. */
export function resolveReferenceMcpServerOptions(input: ReferenceMcpServerOptions = {}): ResolvedReferenceMcpServerOptions {
  const parsed = referenceMcpServerOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ReferenceMcpServerOptionsError(`invalid reference MCP server options:\n${z.prettifyError(parsed.error)}`);
  }
  return { ...parsed.data, faults: [...new Set(parsed.data.faults)] };
}
