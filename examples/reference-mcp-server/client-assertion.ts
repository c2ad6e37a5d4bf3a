import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import type { ClientRecord } from './clients.ts';
import type { ServerContext } from './context.ts';
import { fetchDocument, isJsonContentType } from './outbound-fetch.ts';

/** RFC 7523 §2.2 / §3 client authentication with a signed JWT (private_key_jwt). */

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const MAX_JWKS_BYTES = 64 * 1024;
const jwksSchema = z.looseObject({ keys: z.array(z.looseObject({ kty: z.string() })).min(1) });

export type AssertionCheck = { ok: true } | { ok: false; description: string };

async function clientKeys(ctx: ServerContext, client: ClientRecord): Promise<JSONWebKeySet | string> {
  if (client.jwks !== undefined) return client.jwks;
  if (client.jwksUri === undefined) return 'the client has no keys (jwks or jwks_uri)';
  const fetched = await fetchDocument(client.jwksUri, {
    timeoutMs: 5000,
    maxBytes: MAX_JWKS_BYTES,
    allowNonLoopback: ctx.options.allowNonLoopbackFetch,
    fetch: ctx.fetch,
  });
  if (!fetched.ok) return `the client's jwks_uri could not be fetched: ${fetched.reason}`;
  if (!isJsonContentType(fetched.contentType)) return "the client's jwks_uri is not JSON";
  try {
    const parsed = jwksSchema.safeParse(JSON.parse(fetched.text));
    return parsed.success ? { keys: parsed.data.keys } : "the client's jwks_uri holds no JWK Set";
  } catch {
    return "the client's jwks_uri is not JSON";
  }
}

/**
 * Signature (a key of the client), iss = sub = client_id, aud = the endpoint URL or the issuer (RFC 7523bis prefers
 * the issuer; hosts send the token endpoint), exp in the future on the server clock, and a jti never seen before.
 */
export async function verifyClientAssertion(
  ctx: ServerContext,
  client: ClientRecord,
  assertionType: string | undefined,
  assertion: string | undefined,
  endpointUrl: string,
): Promise<AssertionCheck> {
  const fail = (description: string): AssertionCheck => ({ ok: false, description });
  if (assertionType !== CLIENT_ASSERTION_TYPE) return fail(`client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`);
  if (assertion === undefined || assertion === '') return fail('client_assertion is required');
  if (ctx.has('client-assertion-rejected')) return fail('the client assertion could not be verified');
  if (ctx.has('client-assertion-not-verified')) {
    // The fault: the assertion is read, never checked; only who it claims to be counts.
    try {
      return decodeJwt(assertion).sub === client.clientId ? { ok: true } : fail('the client assertion names another client');
    } catch {
      return fail('the client assertion is not a JWT');
    }
  }
  const keys = await clientKeys(ctx, client);
  if (typeof keys === 'string') return fail(keys);
  const audience = ctx.has('client-assertion-aud-issuer-only') ? [ctx.urls.issuer] : [endpointUrl, ctx.urls.token, ctx.urls.issuer];
  let claims;
  try {
    ({ payload: claims } = await jwtVerify(assertion, createLocalJWKSet(keys), {
      algorithms: ['RS256', 'ES256'],
      issuer: client.clientId,
      subject: client.clientId,
      audience: [...new Set(audience)],
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(ctx.clock.now()),
      clockTolerance: 5,
    }));
  } catch (error) {
    return fail(`the client assertion is invalid: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { jti, exp } = claims;
  if (typeof jti !== 'string' || typeof exp !== 'number') return fail('the client assertion needs jti and exp');
  if (!ctx.store.rememberAssertionId(`${client.clientId} ${jti}`, exp * 1000, ctx.clock.now())) {
    return fail('the client assertion was already used (jti replay)');
  }
  return { ok: true };
}
