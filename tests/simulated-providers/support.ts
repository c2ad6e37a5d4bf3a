import { z } from 'zod';

export const CLIENT = { id: 'simulated-client', secret: 'simulated-secret' } as const;
export const REDIRECT_URI = 'https://chat.openai.com/aip/plugin-00000000-0000-4000-8000-000000000000/oauth/callback';

export interface TokenAnswer {
  status: number;
  contentType: string;
  text: string;
  /** The body as JSON, or its form fields; undefined when neither. */
  fields: Record<string, unknown> | undefined;
}

/** GET /authorize as a browser would (the mock approves at once); returns the code from the redirect. */
export async function authorize(authorizeUrl: string, params: Record<string, string> = {}): Promise<string> {
  const url = new URL(authorizeUrl);
  const all = { response_type: 'code', client_id: CLIENT.id, redirect_uri: REDIRECT_URI, state: 'st-1', ...params };
  for (const [name, value] of Object.entries(all)) url.searchParams.set(name, value);
  const response = await fetch(url, { redirect: 'manual' });
  const code = new URL(response.headers.get('location') ?? '', 'http://invalid').searchParams.get('code');
  if (response.status !== 302 || !code) throw new Error(`authorize answered ${response.status} without a code`);
  return code;
}

const jsonObject = z.record(z.string(), z.unknown());

/** POST to the token endpoint the way the ChatGPT plugin host does by default (JSON body, Accept: any). */
export async function token(tokenUrl: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<TokenAnswer> {
  const body = { client_id: CLIENT.id, client_secret: CLIENT.secret, ...fields };
  const response = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: '*/*', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: Record<string, unknown> | undefined;
  if (contentType.includes('json')) parsed = jsonObject.parse(JSON.parse(text));
  else if (contentType.includes('x-www-form-urlencoded')) parsed = Object.fromEntries(new URLSearchParams(text));
  return { status: response.status, contentType, text, fields: parsed };
}

export function exchange(tokenUrl: string, code: string, headers: Record<string, string> = {}): Promise<TokenAnswer> {
  return token(tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }, headers);
}

export function refresh(tokenUrl: string, refreshToken: string): Promise<TokenAnswer> {
  return token(tokenUrl, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** A string field of an answer, or a test failure naming it. */
export function field(answer: TokenAnswer, name: string): string {
  const value = answer.fields?.[name];
  if (typeof value !== 'string') throw new Error(`expected a string ${name} in ${answer.text}`);
  return value;
}

/** The claims of a JWT, unverified (the tests only read what the provider put in). */
export function claims(jwt: string): Record<string, unknown> {
  return jsonObject.parse(JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')));
}
