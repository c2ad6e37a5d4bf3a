import { Router, type Response } from 'express';
import { z } from 'zod';
import { secretMethods, type ClientRecord } from './clients.ts';
import type { ServerContext } from './context.ts';
import { TOKEN_ENDPOINT_AUTH_METHODS } from './options.ts';
import { isSafeRedirectUri } from './redirect-uri.ts';
import { jsonOf, mediaTypeOf, JSON_TYPE } from './request-body.ts';
import { isSubset, parseScope, OFFLINE_ACCESS, RESOURCE_SCOPES } from './scopes.ts';
import { randomToken } from './secrets.ts';

const jwksSchema = z.looseObject({ keys: z.array(z.looseObject({ kty: z.string() })).min(1) });

/** RFC 7591 §2 members the server understands; others are accepted and not stored. */
const registrationSchema = z.looseObject({
  redirect_uris: z.array(z.string().min(1)).min(1),
  token_endpoint_auth_method: z.enum(TOKEN_ENDPOINT_AUTH_METHODS).default('client_secret_basic'),
  grant_types: z.array(z.enum(['authorization_code', 'refresh_token'])).min(1).default(['authorization_code']),
  response_types: z.array(z.literal('code')).min(1).default(['code']),
  client_name: z.string().min(1).optional(),
  client_uri: z.url().optional(),
  logo_uri: z.url().optional(),
  scope: z.string().optional(),
  contacts: z.array(z.string()).optional(),
  application_type: z.enum(['web', 'native']).optional(),
  software_id: z.string().optional(),
  software_version: z.string().optional(),
  jwks_uri: z.url().optional(),
  jwks: jwksSchema.optional(),
});

const GRANTABLE: readonly string[] = [...RESOURCE_SCOPES, OFFLINE_ACCESS];

function refuse(res: Response, error: 'invalid_client_metadata' | 'invalid_redirect_uri', description: string): void {
  res.status(400).set('Cache-Control', 'no-store').json({ error, error_description: description });
}

/** POST /register: RFC 7591 dynamic client registration, JSON in and out. */
export function registrationRoute(ctx: ServerContext): Router {
  const { has, clock, store } = ctx;
  const router = Router();
  // The rate-limit faults count every registration request, refused ones too (as a per-address limiter does).
  let registrations = 0;
  const limited = has('dcr-rate-limited') || has('dcr-rate-limited-no-retry-after');

  router.post('/register', (req, res) => {
    registrations += 1;
    if (limited && registrations > ctx.options.registrationLimit) {
      if (has('dcr-rate-limited')) res.set('Retry-After', '3600');
      return void res.status(429).set('Cache-Control', 'no-store').json({ error: 'too_many_requests', error_description: 'too many client registrations; try again later' });
    }
    const json = mediaTypeOf(req) === JSON_TYPE ? jsonOf(req) : { ok: false as const };
    if (!json.ok) return refuse(res, 'invalid_client_metadata', 'the body must be a JSON object (application/json)');
    const parsed = registrationSchema.safeParse(json.value);
    if (!parsed.success) return refuse(res, 'invalid_client_metadata', z.prettifyError(parsed.error));
    const metadata = parsed.data;

    const unsafe = metadata.redirect_uris.filter((uri) => !isSafeRedirectUri(uri, has('dcr-accepts-insecure-redirect')));
    if (unsafe.length > 0) {
      return refuse(res, 'invalid_redirect_uri', `redirect URIs must be https, or http on a loopback host: ${unsafe.join(', ')}`);
    }
    const method = metadata.token_endpoint_auth_method;
    // The fault: Claude's registration (client_secret_post) is refused instead of accepted or downgraded.
    if (has('dcr-rejects-client-secret-post') && method === 'client_secret_post') {
      return refuse(res, 'invalid_client_metadata', 'token_endpoint_auth_method client_secret_post is not supported');
    }
    if (method === 'private_key_jwt' && metadata.jwks === undefined && metadata.jwks_uri === undefined) {
      return refuse(res, 'invalid_client_metadata', 'private_key_jwt needs jwks or jwks_uri');
    }
    if (metadata.scope !== undefined && !isSubset(parseScope(metadata.scope), GRANTABLE)) {
      return refuse(res, 'invalid_client_metadata', `unknown scope; supported: ${GRANTABLE.join(' ')}`);
    }

    const clientId = `dcr-${randomToken()}`;
    const clientSecret = method === 'client_secret_post' || method === 'client_secret_basic' ? randomToken() : undefined;
    const client: ClientRecord = {
      clientId,
      kind: 'dynamic',
      displayName: metadata.client_name ?? clientId,
      clientSecret,
      declaredAuthMethod: method,
      authMethods: secretMethods(method),
      redirectUris: metadata.redirect_uris,
      grantTypes: metadata.grant_types,
      jwks: metadata.jwks === undefined ? undefined : { keys: metadata.jwks.keys },
      jwksUri: metadata.jwks_uri,
    };
    store.registerClient(client);

    const answer = {
      // The fault: the client exists, but the answer never says what its id is.
      ...(has('dcr-response-no-client-id') ? {} : { client_id: clientId }),
      client_id_issued_at: clock.nowSeconds(),
      ...(clientSecret === undefined ? {} : { client_secret: clientSecret, client_secret_expires_at: 0 }),
      ...pickKnown(metadata),
    };
    res.status(201).set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    if (has('dcr-response-text-plain')) res.type('text/plain').send(JSON.stringify(answer));
    else res.json(answer);
  });

  return router;
}

/** The registered metadata as RFC 7591 §3.2.1 returns it: what was understood, defaults filled in. */
function pickKnown(metadata: z.output<typeof registrationSchema>): Record<string, unknown> {
  const known = Object.keys(registrationSchema.shape);
  return Object.fromEntries(Object.entries(metadata).filter(([name, value]) => known.includes(name) && value !== undefined));
}
