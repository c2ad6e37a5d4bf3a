import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { RunningReferenceMcpServer } from '../../../examples/reference-mcp-server/start.ts';
import { expect } from './fixtures.ts';
import { locationOf, postForm, request, required, type HttpResult } from './http.ts';

/** Drives the built-in AS over plain HTTP, the way the hosts' backends and a browser would (PROTOCOL-MCP.md §5). */

export type Parameters = Readonly<Record<string, string | undefined>>;

export const PUBLIC_CLIENT = { id: 'reference-mcp-public' } as const;
export const CONFIDENTIAL_CLIENT = { id: 'reference-mcp-client', secret: 'reference-mcp-secret' } as const;
/** Claude Code's loopback callback on a "random" port: the registered one has none. */
export const LOOPBACK_CALLBACK = 'http://localhost:53682/callback';
export const CLAUDE_CALLBACK = 'https://claude.ai/api/mcp/auth_callback';
export const SENT_STATE = 'state-123';
export const DEMO_USER = { username: 'demo@example.com', password: 'demo-password' } as const;
export const SECOND_USER = { username: 'second@example.com', password: 'second-password' } as const;

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function defined(parameters: Parameters): Record<string, string> {
  return Object.fromEntries(Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The authorize URL a host opens; an override of `undefined` leaves that parameter out. */
export function authorizeUrl(server: RunningReferenceMcpServer, pkce: Pkce, overrides: Parameters = {}): string {
  const url = new URL('/authorize', server.url);
  const parameters = {
    response_type: 'code',
    client_id: PUBLIC_CLIENT.id,
    redirect_uri: LOOPBACK_CALLBACK,
    state: SENT_STATE,
    scope: 'notes:read notes:write',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    resource: server.mcpUrl,
    ...overrides,
  };
  for (const [name, value] of Object.entries(defined(parameters))) url.searchParams.set(name, value);
  return url.href;
}

/** Signs in through the login form; returns the session cookie (name=value). */
export async function signIn(server: RunningReferenceMcpServer, user: { username: string; password: string } = DEMO_USER): Promise<string> {
  const result = await postForm(`${server.url}/login`, { ...user, return_to: '/' });
  expect(result.status, 'sign-in status').toBe(302);
  return required(result.headers.getSetCookie()[0]?.split(';')[0], 'a session cookie');
}

export type AuthorizeOutcome = { readonly kind: 'page'; readonly result: HttpResult } | { readonly kind: 'redirect'; readonly url: URL };

export interface DecideOptions {
  readonly decision?: 'allow' | 'deny';
  readonly cookie?: string;
  readonly user?: { username: string; password: string };
  readonly pkce?: Pkce;
}

/** authorize → consent → decision. A redirect at the authorize step (an OAuth error) or an error page comes back as is. */
export async function authorizeAndDecide(server: RunningReferenceMcpServer, overrides: Parameters = {}, options: DecideOptions = {}): Promise<AuthorizeOutcome> {
  const session = options.cookie ?? (await signIn(server, options.user));
  const page = await request(authorizeUrl(server, options.pkce ?? newPkce(), overrides), { headers: { cookie: session } });
  if (page.status === 302) return { kind: 'redirect', url: locationOf(page, server.url) };
  const requestId = /name="request_id" value="([^"]+)"/.exec(page.text)?.[1];
  if (page.status !== 200 || requestId === undefined) return { kind: 'page', result: page };
  const consent = await postForm(`${server.url}/consent`, { request_id: requestId, decision: options.decision ?? 'allow' }, { cookie: session });
  if (consent.status !== 302) return { kind: 'page', result: consent };
  return { kind: 'redirect', url: locationOf(consent, server.url) };
}

export interface ObtainedCode {
  readonly code: string;
  readonly pkce: Pkce;
  readonly callback: URL;
}

export async function obtainCode(server: RunningReferenceMcpServer, overrides: Parameters = {}, options: DecideOptions = {}): Promise<ObtainedCode> {
  const pkce = options.pkce ?? newPkce();
  const outcome = await authorizeAndDecide(server, overrides, { ...options, pkce });
  if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got HTTP ${outcome.result.status}: ${outcome.result.text.slice(0, 300)}`);
  return { code: required(outcome.url.searchParams.get('code'), `a code in ${outcome.url.href}`), pkce, callback: outcome.url };
}

export function basicAuthorization(id: string, secret: string): string {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

export function postToken(server: RunningReferenceMcpServer, fields: Parameters, headers: Record<string, string> = {}): Promise<HttpResult> {
  return postForm(`${server.url}/token`, fields, headers);
}

/** The code exchange as the hosts send it: form body, client_id, code_verifier, resource. */
export function exchangeCode(server: RunningReferenceMcpServer, obtained: ObtainedCode, overrides: Parameters = {}, headers: Record<string, string> = {}): Promise<HttpResult> {
  return postToken(
    server,
    {
      grant_type: 'authorization_code',
      code: obtained.code,
      redirect_uri: LOOPBACK_CALLBACK,
      client_id: PUBLIC_CLIENT.id,
      code_verifier: obtained.pkce.verifier,
      resource: server.mcpUrl,
      ...overrides,
    },
    headers,
  );
}

/** The refresh as ChatGPT sends it (PROTOCOL-MCP.md §5 row 10b): no scope. */
export function refreshWith(server: RunningReferenceMcpServer, refreshToken: string, overrides: Parameters = {}, headers: Record<string, string> = {}): Promise<HttpResult> {
  return postToken(server, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: PUBLIC_CLIENT.id, resource: server.mcpUrl, ...overrides }, headers);
}

export const tokenSetSchema = z.strictObject({
  access_token: z.string().min(43),
  token_type: z.literal('Bearer'),
  expires_in: z.number(),
  refresh_token: z.string().min(43).optional(),
  scope: z.string(),
});
export type TokenSet = z.infer<typeof tokenSetSchema>;

/** Asserts an RFC 6749 §5.1 success (no-store included) and returns the tokens. */
export function expectTokenSet(result: HttpResult): TokenSet {
  expect(result.status, result.text).toBe(200);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  expect(result.headers.get('cache-control')).toBe('no-store');
  expect(result.headers.get('pragma')).toBe('no-cache');
  return tokenSetSchema.parse(result.json);
}

/** Asserts an RFC 6749 §5.2 error. */
export function expectTokenError(result: HttpResult, status: number, error: string): void {
  expect(result.status, result.text).toBe(status);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  expect(result.json).toMatchObject({ error, error_description: expect.any(String) });
}

export interface InstallOptions {
  readonly overrides?: Parameters;
  readonly user?: { username: string; password: string };
}

/** Sign in, authorize, exchange the code as the public client: the tokens a fresh Claude Code install gets. */
export async function install(server: RunningReferenceMcpServer, { overrides = {}, user }: InstallOptions = {}): Promise<TokenSet> {
  const obtained = await obtainCode(server, overrides, user === undefined ? {} : { user });
  return expectTokenSet(await exchangeCode(server, obtained));
}

export function refreshTokenOf(tokens: TokenSet): string {
  return required(tokens.refresh_token, 'a refresh token');
}

/** The error redirect's parameters, as a plain object for one toEqual. */
export function callbackParameters(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}
