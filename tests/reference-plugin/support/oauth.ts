import { z } from 'zod';
import { DEFAULT_REDIRECT_URI } from '../../../examples/reference-plugin/options.ts';
import type { RunningReferencePlugin } from '../../../examples/reference-plugin/start.ts';
import { expect } from './fixtures.ts';
import { locationOf, request, required, type HttpResult } from './http.ts';

/** Drives the reference plugin's OAuth endpoints over plain HTTP, the way ChatGPT's backend and a browser would. */

export const SENT_STATE = 'state-123';

type Parameters = Readonly<Record<string, string | undefined>>;

function defined(parameters: Parameters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** The authorize URL ChatGPT would open; an override of `undefined` leaves that parameter out. */
export function authorizeUrl(plugin: RunningReferencePlugin, overrides: Parameters = {}): string {
  const url = new URL('/oauth/authorize', plugin.url);
  const parameters = {
    response_type: 'code',
    client_id: plugin.options.clientId,
    redirect_uri: DEFAULT_REDIRECT_URI,
    scope: plugin.options.scope,
    state: SENT_STATE,
    ...overrides,
  };
  for (const [name, value] of Object.entries(defined(parameters))) url.searchParams.set(name, value);
  return url.href;
}

/** Signs in through the login form; returns the session cookie (name=value). */
export async function signIn(
  plugin: RunningReferencePlugin,
  username = plugin.options.username,
  password = plugin.options.password,
): Promise<string> {
  const result = await request(`${plugin.url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username, password, return_to: '/' }),
  });
  expect(result.status, 'sign-in status').toBe(302);
  return required(result.headers.getSetCookie()[0]?.split(';')[0], 'a session cookie');
}

export type AuthorizeOutcome =
  | { readonly kind: 'page'; readonly result: HttpResult }
  | { readonly kind: 'redirect'; readonly url: URL };

/**
 * authorize → consent → decision. A redirect at the authorize step (an OAuth error) is returned as is, as is a
 * page that is not the consent form (the 400 error pages).
 */
export async function authorizeAndDecide(
  plugin: RunningReferencePlugin,
  overrides: Parameters = {},
  { decision = 'allow', cookie }: { decision?: 'allow' | 'deny'; cookie?: string } = {},
): Promise<AuthorizeOutcome> {
  const session = cookie ?? (await signIn(plugin));
  const page = await request(authorizeUrl(plugin, overrides), { headers: { cookie: session } });
  if (page.status === 302) return { kind: 'redirect', url: locationOf(page, plugin.url) };
  const requestId = /name="request_id" value="([^"]+)"/.exec(page.text)?.[1];
  if (page.status !== 200 || requestId === undefined) return { kind: 'page', result: page };
  const consent = await request(`${plugin.url}/oauth/consent`, {
    method: 'POST',
    headers: { cookie: session },
    body: new URLSearchParams({ request_id: requestId, decision }),
  });
  expect(consent.status, 'consent answer').toBe(302);
  return { kind: 'redirect', url: locationOf(consent, plugin.url) };
}

/** The callback URL of a successful authorization request. */
export async function callbackFor(plugin: RunningReferencePlugin, overrides: Parameters = {}): Promise<URL> {
  const outcome = await authorizeAndDecide(plugin, overrides);
  if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got HTTP ${outcome.result.status}`);
  return outcome.url;
}

export async function obtainCode(plugin: RunningReferencePlugin, overrides: Parameters = {}): Promise<string> {
  const callback = await callbackFor(plugin, overrides);
  return required(callback.searchParams.get('code'), `a code in ${callback.href}`);
}

export interface TokenRequestOptions {
  readonly encoding?: 'json' | 'form';
  /** Client credentials for HTTP Basic (RFC 6749 §2.3.1: each form-encoded first). */
  readonly basic?: { readonly id: string; readonly secret: string };
}

export function basicAuthorization(id: string, secret: string): string {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

export async function postToken(
  plugin: RunningReferencePlugin,
  fields: Parameters,
  { encoding = 'json', basic }: TokenRequestOptions = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = {
    'content-type': encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
  };
  if (basic !== undefined) headers['authorization'] = basicAuthorization(basic.id, basic.secret);
  const body = encoding === 'json' ? JSON.stringify(defined(fields)) : new URLSearchParams(defined(fields)).toString();
  return request(`${plugin.url}/oauth/token`, { method: 'POST', headers, body });
}

/** The code exchange as ChatGPT sends it (PROTOCOL.md §2): credentials in the body, same redirect_uri. */
export function exchangeCode(
  plugin: RunningReferencePlugin,
  code: string,
  overrides: Parameters = {},
  options: TokenRequestOptions = {},
): Promise<HttpResult> {
  const fields = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: DEFAULT_REDIRECT_URI,
    client_id: plugin.options.clientId,
    client_secret: plugin.options.clientSecret,
    ...overrides,
  };
  return postToken(plugin, fields, options);
}

export function refreshWith(
  plugin: RunningReferencePlugin,
  refreshToken: string,
  overrides: Parameters = {},
  options: TokenRequestOptions = {},
): Promise<HttpResult> {
  const fields = {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: plugin.options.clientId,
    client_secret: plugin.options.clientSecret,
    ...overrides,
  };
  return postToken(plugin, fields, options);
}

export const tokenSetSchema = z.strictObject({
  access_token: z.string().min(43),
  token_type: z.literal('bearer'),
  expires_in: z.number(),
  refresh_token: z.string().min(43).optional(),
  scope: z.string(),
});
export type TokenSet = z.infer<typeof tokenSetSchema>;

/** Asserts an RFC 6749 §5.1 success and returns the tokens. */
export function expectTokenSet(result: HttpResult): TokenSet {
  expect(result.status, result.text).toBe(200);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  expect(result.headers.get('cache-control')).toBe('no-store');
  return tokenSetSchema.parse(result.json);
}

/** Asserts an RFC 6749 §5.2 error. */
export function expectTokenError(result: HttpResult, status: 400 | 401, error: string): void {
  expect(result.status, result.text).toBe(status);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  expect(result.json).toMatchObject({ error, error_description: expect.any(String) });
}

/** Sign in, authorize, exchange the code: the tokens a fresh install gets. */
export async function install(plugin: RunningReferencePlugin, overrides: Parameters = {}): Promise<TokenSet> {
  return expectTokenSet(await exchangeCode(plugin, await obtainCode(plugin, overrides)));
}

export interface ApiCallOptions {
  readonly token?: string;
  readonly scheme?: string;
  readonly method?: string;
  readonly body?: unknown;
}

export function callApi(
  plugin: RunningReferencePlugin,
  path: string,
  { token, scheme = 'Bearer', method = 'GET', body }: ApiCallOptions = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers['authorization'] = `${scheme} ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return request(`${plugin.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
