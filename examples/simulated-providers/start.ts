import { createServer, type IncomingMessage } from 'node:http';
import { listen } from '../shared/loopback-server.ts';
import { Events, OAuth2Server, type MutableRedirectUri, type MutableResponse, type MutableToken } from 'oauth2-mock-server';
import { z } from 'zod';
import { ProviderClock } from './clock.ts';
import { answerFormEncoded } from './form-answer.ts';
import type { AuthorizationServerDocument, ProviderUrls } from './discovery.ts';
import { frontDoor, type ClientIdDocuments } from './front-door.ts';
import type { ClientIdDocumentMode } from './client-id-documents.ts';
import { GrantStore } from './grant-store.ts';
import { PROVIDER_PRESETS } from './presets/index.ts';
import { tenantSettingsSchema, type PresetName, type ProviderPreset } from './preset.ts';
import { readAuthorization, readTokenRequest } from './read-request.ts';
import { answerTokenRequest, type MintedTokens } from './token-answer.ts';

export const simulatedProviderOptionsSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(0),
  /** The registered OAuth client: token requests with other credentials are refused. Without it any client passes. */
  client: z.strictObject({ id: z.string().min(1), secret: z.string().min(1) }).optional(),
  /** How the developer's tenant is set up (preset.ts tenantSettingsSchema). */
  tenant: tenantSettingsSchema.default(() => tenantSettingsSchema.parse({})),
  /**
   * Changes to the preset's discovery document, field by field (null removes one): what a developer serves in front
   * of the provider when the real document keeps hosts out (Entra's missing code_challenge_methods_supported).
   */
  metadataPatch: z.record(z.string(), z.unknown()).default({}),
});

export type SimulatedProviderOptions = z.input<typeof simulatedProviderOptionsSchema>;

export interface RunningSimulatedProvider {
  readonly preset: PresetName;
  /** Origin without a trailing slash; the `iss` of every token. */
  readonly issuerUrl: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly jwksUrl: string;
  /** Token lifetimes follow this clock; move it together with the plugin's. */
  readonly clock: ProviderClock;
  /** Where its discovery document lives (the OpenID form; whether it is served is the preset's). */
  readonly metadataUrl: string;
  /** Adds an RFC 8707 resource the tenant accepts (Entra: an Application ID URI), known only once the API runs. */
  acceptResource(uri: string): void;
  close(): Promise<void>;
}

const mintedBody = z.looseObject({ access_token: z.string(), id_token: z.string().optional() });

const resourceField = z.looseObject({ resource: z.string().min(1).optional() });

/** The RFC 8707 resource of a token request (its body, read by the front door or the mock). */
function requestedResource(req: IncomingMessage & { body?: unknown }): string | undefined {
  const parsed = resourceField.safeParse(req.body);
  return parsed.success ? parsed.data.resource : undefined;
}

/** A provider with client ID metadata documents says so, and lists `none` for the public clients they make. */
function withClientIdDocuments(served: AuthorizationServerDocument, mode: ClientIdDocumentMode): AuthorizationServerDocument {
  if (mode === 'off') return served;
  const listed = served.document.token_endpoint_auth_methods_supported;
  const methods = Array.isArray(listed) ? listed : [];
  return { ...served, document: { ...served.document, client_id_metadata_document_supported: true, token_endpoint_auth_methods_supported: [...new Set(['none', ...methods])] } };
}

function patchMetadata(served: AuthorizationServerDocument, patch: Readonly<Record<string, unknown>>): AuthorizationServerDocument {
  const document: Record<string, unknown> = { ...served.document };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete document[field];
    else document[field] = value;
  }
  return { ...served, document };
}

/**
 * Starts oauth2-mock-server as one provider preset. /authorize approves at once (there is no login page) and the
 * preset decides everything the mock does not: which codes and refresh tokens are valid, when a refresh token is
 * issued, the answer's shape and encoding, and the token lifetime (JWT exp on this provider's clock).
 */
export async function startSimulatedProvider(preset: ProviderPreset | PresetName, input: SimulatedProviderOptions = {}): Promise<RunningSimulatedProvider> {
  const options = simulatedProviderOptionsSchema.parse(input);
  const chosen = typeof preset === 'string' ? PROVIDER_PRESETS[preset] : preset;
  const behaviour = chosen.create(options.tenant);
  const grants = new GrantStore();
  const clock = new ProviderClock();

  const mock = new OAuth2Server(undefined, undefined, { endpoints: { authorize: chosen.endpoints.authorize, token: chosen.endpoints.token } });
  await mock.issuer.keys.generate('RS256');
  const service = mock.service;

  service.on(Events.BeforeAuthorizeRedirect, (redirect: MutableRedirectUri, req: IncomingMessage) => {
    const code = redirect.url.searchParams.get('code');
    if (!code) return;
    const request = readAuthorization(req);
    grants.recordCode(code, request, behaviour.consentItems(request.params, request.scope));
  });

  // Fires for the access token and the id_token, before the answer is decided: only peek at the code.
  service.on(Events.BeforeTokenSigning, (token: MutableToken, req: IncomingMessage) => {
    const request = readTokenRequest(req);
    const authorization = request.grantType === 'refresh_token' ? grants.findRefreshToken(request.refreshToken)?.authorization : grants.peekCode(request.code);
    const now = Math.floor(clock.now() / 1000);
    Object.assign(token.payload, { iat: now, nbf: now - 10, exp: now + behaviour.accessTokenTtlSeconds });
    // The mock stamps scope "dummy" on access tokens; the API behind the provider needs the scope the user granted.
    if (authorization && 'scope' in token.payload) token.payload.scope = authorization.scope.join(' ');
    // The access token (not the id_token, whose aud is the client): RFC 8707 resource of the request, else of the grant.
    if ('scope' in token.payload) {
      const resource = requestedResource(req) ?? authorization?.params.get('resource') ?? undefined;
      const audience = behaviour.audience(resource, request.client?.id ?? authorization?.clientId);
      if (audience !== undefined) token.payload.aud = audience;
    }
  });

  service.on(Events.BeforeResponse, (response: MutableResponse, req: IncomingMessage) => {
    const minted = mintedBody.safeParse(response.body);
    if (!minted.success) return;
    const tokens: MintedTokens = { accessToken: minted.data.access_token, ...(minted.data.id_token ? { idToken: minted.data.id_token } : {}) };
    const answer = answerTokenRequest({
      request: readTokenRequest(req),
      minted: tokens,
      grants,
      behaviour,
      nowMs: clock.now(),
      ...(options.client ? { client: options.client } : {}),
      publicClients: documents.accepted,
    });
    response.statusCode = answer.status;
    response.body = answer.body;
    const accept = req.headers.accept;
    if (behaviour.answerEncoding(accept) === 'form') answerFormEncoded(req);
  });

  // Known once listening; the discovery document reads it per request.
  let issuerUrl = '';
  const urls = () => ({
    issuer: issuerUrl,
    authorize: `${issuerUrl}${chosen.endpoints.authorize}`,
    token: `${issuerUrl}${chosen.endpoints.token}`,
    jwks: `${issuerUrl}/jwks`,
    userinfo: `${issuerUrl}/userinfo`,
    revoke: `${issuerUrl}/revoke`,
  });
  const documents: ClientIdDocuments = { mode: options.tenant.clientIdMetadataDocuments, accepted: new Set() };
  const patched = { ...behaviour, metadata: (u: ProviderUrls) => patchMetadata(withClientIdDocuments(behaviour.metadata(u), documents.mode), options.metadataPatch) };
  // Our own server rather than mock.start(): close() must drop keep-alive sockets the browser and fetch hold open.
  const server = createServer(frontDoor(patched, urls, chosen.endpoints, documents, service.requestHandler));
  const listening = await listen(server, options.host, options.port);
  issuerUrl = listening.url;
  // The mock would call itself http://localhost:<port>; tokens must name the address clients really use.
  mock.issuer.url = issuerUrl;

  return {
    preset: chosen.name,
    issuerUrl,
    authorizeUrl: `${issuerUrl}${chosen.endpoints.authorize}`,
    tokenUrl: `${issuerUrl}${chosen.endpoints.token}`,
    jwksUrl: `${issuerUrl}/jwks`,
    clock,
    metadataUrl: `${issuerUrl}/.well-known/openid-configuration`,
    acceptResource: (uri) => {
      options.tenant.applicationIdUris.push(uri);
    },
    close: listening.close,
  };
}
