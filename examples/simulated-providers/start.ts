import { createServer, type IncomingMessage } from 'node:http';
import { listen } from '../shared/loopback-server.ts';
import { Events, OAuth2Server, type MutableRedirectUri, type MutableResponse, type MutableToken } from 'oauth2-mock-server';
import { z } from 'zod';
import { ProviderClock } from './clock.ts';
import { answerFormEncoded } from './form-answer.ts';
import { GrantStore } from './grant-store.ts';
import { PROVIDER_PRESETS } from './presets/index.ts';
import type { PresetName, ProviderPreset } from './preset.ts';
import { readAuthorization, readTokenRequest } from './read-request.ts';
import { answerTokenRequest, type MintedTokens } from './token-answer.ts';

export const simulatedProviderOptionsSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(0),
  /** The registered OAuth client: token requests with other credentials are refused. Without it any client passes. */
  client: z.strictObject({ id: z.string().min(1), secret: z.string().min(1) }).optional(),
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
  close(): Promise<void>;
}

const mintedBody = z.looseObject({ access_token: z.string(), id_token: z.string().optional() });

/**
 * Starts oauth2-mock-server as one provider preset. /authorize approves at once (there is no login page) and the
 * preset decides everything the mock does not: which codes and refresh tokens are valid, when a refresh token is
 * issued, the answer's shape and encoding, and the token lifetime (JWT exp on this provider's clock).
 */
export async function startSimulatedProvider(preset: ProviderPreset | PresetName, input: SimulatedProviderOptions = {}): Promise<RunningSimulatedProvider> {
  const options = simulatedProviderOptionsSchema.parse(input);
  const chosen = typeof preset === 'string' ? PROVIDER_PRESETS[preset] : preset;
  const behaviour = chosen.create();
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
    });
    response.statusCode = answer.status;
    response.body = answer.body;
    const accept = req.headers.accept;
    if (behaviour.answerEncoding(accept) === 'form') answerFormEncoded(req);
  });

  // Our own server rather than mock.start(): close() must drop keep-alive sockets the browser and fetch hold open.
  const server = createServer(service.requestHandler);
  const listening = await listen(server, options.host, options.port);
  const issuerUrl = listening.url;
  // The mock would call itself http://localhost:<port>; tokens must name the address clients really use.
  mock.issuer.url = issuerUrl;

  return {
    preset: chosen.name,
    issuerUrl,
    authorizeUrl: `${issuerUrl}${chosen.endpoints.authorize}`,
    tokenUrl: `${issuerUrl}${chosen.endpoints.token}`,
    jwksUrl: `${issuerUrl}/jwks`,
    clock,
    close: listening.close,
  };
}
