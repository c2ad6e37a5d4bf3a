import { checkRegistrationAccepted, checkRegistrationAnswer, type RegistrationFacts } from '../../checks/registration/dynamic-registration.ts';
import type { HostSession } from '../../engine/session.ts';
import type { AuthorizationServerInfo } from '../../model/target.ts';
import { newClientAssertionSigner } from '../../oauth/client-assertion.ts';
import { registerClient } from '../../oauth/dcr.ts';
import { registerWithBackoff } from '../../oauth/register-with-backoff.ts';
import { isLoopbackHost } from '../../plugin/root-domain.ts';
import type { ClientStrategy, OAuthClient, TokenAuthMethod } from '../host-profile.ts';

/** The host's client metadata document (PROTOCOL-MCP.md §6), as it publishes it at `clientId`. */
export interface HostClientDocument {
  clientId: string;
  document: Readonly<Record<string, unknown>>;
}

/**
 * How an MCP host gets its client, in its order (PROTOCOL-MCP.md §5 row 5): the client the developer configured
 * (PLUGIN_CLIENT_ID), else its client ID metadata document where the authorization server advertises CIMD and the
 * host's gate lets it, else dynamic registration (RFC 7591) with the host's own body.
 */
export interface McpClientShape {
  /** The client a configured PLUGIN_CLIENT_ID with a secret authenticates as. */
  configuredSecretMethod: Extract<TokenAuthMethod, 'client_secret_post' | 'client_secret_basic'>;
  /** Whether the host uses CIMD with this authorization server (Claude: only with `none` advertised). */
  usesCimd(server: AuthorizationServerInfo): boolean;
  /** The method the host's CIMD client authenticates with at this authorization server. */
  cimdMethod(server: AuthorizationServerInfo): Extract<TokenAuthMethod, 'none' | 'private_key_jwt'>;
  /** The host's document for this session (ChatGPT publishes one per connector when it uses the per-connector redirect). */
  cimd(session: HostSession): HostClientDocument;
  /** The host's registration body for this redirect URI (PROTOCOL-MCP.md §6). */
  dcrBody(redirectUri: string): Record<string, unknown>;
  userAgent: string;
}

const AUTH_METHODS: readonly TokenAuthMethod[] = ['client_secret_post', 'client_secret_basic', 'none', 'private_key_jwt'];
const asMethod = (m: string | undefined): TokenAuthMethod | undefined => AUTH_METHODS.find((known) => known === m);

/**
 * The harness can act as the host's CIMD client in two ways: against an authorization server on loopback it serves
 * its own copy of the host's document (its own key, its own redirect in local mode) from the mock host; a remote
 * server fetches the host's real document, so the harness uses the real client_id, and can only be the public client.
 */
async function cimdClient(session: HostSession, shape: McpClientShape, server: AuthorizationServerInfo): Promise<OAuthClient> {
  const method = shape.cimdMethod(server);
  const local = isLoopbackHost(new URL(server.issuer).hostname);
  if (!local) {
    if (method === 'private_key_jwt') {
      return session.abort(`this authorization server offers no "none" method, so ${session.profile.displayName} would sign with its own key; the harness cannot hold that key for a remote server (it can for one on loopback)`, 'inconclusive');
    }
    return { clientId: shape.cimd(session).clientId, authMethod: 'none', source: 'cimd' };
  }
  const publisher = session.documents;
  if (!publisher) return session.abort('a CIMD client for a loopback authorization server needs the mock host to serve its document', 'inconclusive');
  const signer = method === 'private_key_jwt' ? await newClientAssertionSigner() : undefined;
  const id = `${session.profile.id}-${Math.random().toString(36).slice(2, 10)}`;
  const clientId = publisher.urlOf(`cimd/${id}/client.json`);
  const document: Record<string, unknown> = { ...shape.cimd(session).document, client_id: clientId };
  if (session.settings.redirect === 'local') document.redirect_uris = [session.redirectUri()];
  if (signer) document.jwks_uri = publisher.publish(`cimd/${id}/jwks.json`, signer.jwks);
  publisher.publish(`cimd/${id}/client.json`, document);
  return { clientId, authMethod: method, source: 'cimd', ...(signer ? { signer } : {}) };
}

async function dcrClient(session: HostSession, shape: McpClientShape, server: AuthorizationServerInfo & { registrationEndpoint: string }): Promise<OAuthClient> {
  const body = shape.dcrBody(session.redirectUri());
  const requestedMethod = typeof body.token_endpoint_auth_method === 'string' ? body.token_endpoint_auth_method : 'client_secret_basic';
  const budgetMs = session.profile.timeouts.discoveryMs;
  // The host keeps the client it registered: a later install of the run with the same body uses it again.
  const register = () =>
    registerClient(session.recorder, {
      endpoint: server.registrationEndpoint,
      body,
      userAgent: shape.userAgent,
      timeoutMs: budgetMs,
      maxBodyBytes: session.profile.limits.maxBodyBytes,
      ...(session.registrations ? { sharing: { kept: session.registrations, host: session.profile.id } } : {}),
    });
  const answer = await registerWithBackoff(session, register, budgetMs, 'this install got no client');
  const facts: RegistrationFacts = {
    exchangeId: answer.outcome.exchangeId,
    curl: session.recorder.curlOf(answer.outcome.exchangeId),
    requestedMethod,
    ...(answer.status !== undefined ? { status: answer.status } : {}),
    ...(answer.outcome.error ? { error: answer.outcome.error.message } : {}),
    ...(answer.contentType ? { contentType: answer.contentType } : {}),
    isJsonObject: !!answer.json,
    ...(answer.client ? { clientId: answer.client.clientId } : {}),
    hasSecret: !!answer.client?.clientSecret,
    ...(answer.client?.authMethod ? { answeredMethod: answer.client.authMethod } : {}),
    ...(server.tokenEndpointAuthMethods ? { advertisedMethods: server.tokenEndpointAuthMethods } : {}),
  };
  const refused = session.findings.run(checkRegistrationAccepted, facts);
  const invalid = session.findings.run(checkRegistrationAnswer, facts);
  if (!answer.client) session.abort('the host could not register a client', 'failed', session.findings.errorCodesOf([...refused, ...invalid]));
  // Claude "reads the auth method from your response": an answer may downgrade the method the host asked for.
  const authMethod = asMethod(answer.client.authMethod) ?? asMethod(requestedMethod) ?? 'client_secret_basic';
  const method = authMethod.startsWith('client_secret') && !answer.client.clientSecret ? 'none' : authMethod;
  return { clientId: answer.client.clientId, ...(answer.client.clientSecret ? { clientSecret: answer.client.clientSecret } : {}), authMethod: method, source: 'dcr' };
}

export function mcpClient(shape: McpClientShape): ClientStrategy {
  return {
    async obtain(session) {
      const { clientId, clientSecret } = session.settings;
      if (clientId) return { clientId, ...(clientSecret ? { clientSecret } : {}), authMethod: clientSecret ? shape.configuredSecretMethod : 'none', source: 'configured' };
      const server = session.oauth().server;
      if (!server) return session.abort('the authorization server metadata was not discovered', 'inconclusive');
      if (server.cimdSupported && shape.usesCimd(server)) return cimdClient(session, shape, server);
      const { registrationEndpoint } = server;
      if (registrationEndpoint) return dcrClient(session, shape, { ...server, registrationEndpoint });
      return session.abort(`${session.profile.displayName} has no way to get a client: no client ID metadata document support it uses, no registration endpoint, no PLUGIN_CLIENT_ID`, 'failed', ['AS_NO_CLIENT_REGISTRATION']);
    },
    registrationBody: (redirectUri) => shape.dcrBody(redirectUri),
    clientAuthFix: (used) =>
      `Accept ${used}: ${used === 'client_secret_post' ? 'this host sends the client secret in the request body and never retries with HTTP Basic' : 'it is the method this host uses'}.`,
  };
}
