import type { TokenAuthMethod, TokenBodyEncoding, TokenField, TokenRequestShape } from '../profiles/host-profile.ts';
import type { HttpOutcome, OutboundRequest } from '../recorder/exchange.ts';
import type { Recorder } from '../recorder/recorder.ts';
import { isSecretField, secretKindOfField } from '../recorder/secrets.ts';
import { basicAuthorization } from './client-auth.ts';
import { registerSecret } from './secret-forms.ts';

export type TokenGrantType = 'authorization_code' | 'refresh_token';

export type TokenGrantFields =
  | { grant: 'authorization_code'; code: string; redirectUri: string; codeVerifier?: string; resource?: string }
  | { grant: 'refresh_token'; refreshToken: string; resource?: string; scope?: string };

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export type TokenRequestParams = TokenGrantFields & {
  shape: Pick<TokenRequestShape, 'acceptHeader' | 'fields'>;
  timeoutMs: number;
  maxBodyBytes: number;
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  encoding: TokenBodyEncoding;
  /**
   * RFC 7591 method: `client_secret_post` puts the secret in the body, `client_secret_basic` moves id and secret to
   * the RFC 6749 §2.3.1 header, `none` sends the id alone, `private_key_jwt` adds `clientAssertion` (RFC 7523).
   */
  authMethod: TokenAuthMethod;
  clientAssertion?: string;
  /**
   * Probe variations of body fields (before client auth is applied, so a wrong client_secret also reaches the
   * Basic header): a string replaces the field's value in place or appends a new field; `undefined` leaves it out.
   */
  overrides?: Partial<Record<string, string>>;
  /** Header variations, same rules (names compared case-insensitively). */
  headerOverrides?: Partial<Record<string, string>>;
  label?: string;
};

const CONTENT_TYPE: Record<TokenBodyEncoding, string> = { json: 'application/json', form: 'application/x-www-form-urlencoded' };

function fieldValue(p: TokenRequestParams, field: TokenField): string | undefined {
  switch (field) {
    case 'grant_type':
      return p.grant;
    case 'client_id':
      return p.clientId;
    case 'client_secret':
      return p.authMethod === 'client_secret_post' || p.authMethod === 'client_secret_basic' ? p.clientSecret : undefined;
    case 'code':
      // Stryker disable next-line ConditionalExpression: equivalent, the params are one grant's (a discriminated union): the other grant's field is never set
      return p.grant === 'authorization_code' ? p.code : undefined;
    case 'redirect_uri':
      // Stryker disable next-line ConditionalExpression: equivalent, the params are one grant's (a discriminated union): the other grant's field is never set
      return p.grant === 'authorization_code' ? p.redirectUri : undefined;
    case 'code_verifier':
      // Stryker disable next-line ConditionalExpression: equivalent, the params are one grant's (a discriminated union): the other grant's field is never set
      return p.grant === 'authorization_code' ? p.codeVerifier : undefined;
    case 'refresh_token':
      // Stryker disable next-line ConditionalExpression: equivalent, the params are one grant's (a discriminated union): the other grant's field is never set
      return p.grant === 'refresh_token' ? p.refreshToken : undefined;
    case 'resource':
      return p.resource;
    case 'scope':
      // Stryker disable next-line ConditionalExpression: equivalent, the params are one grant's (a discriminated union): the other grant's field is never set
      return p.grant === 'refresh_token' ? p.scope : undefined;
  }
}

// The fields and their order as the host sends them (PROTOCOL.md §2, PROTOCOL-MCP.md §5 rows 8 and 10b).
function standardFields(p: TokenRequestParams): [string, string][] {
  const fields: [string, string][] = [];
  for (const field of p.shape.fields[p.grant]) {
    const value = fieldValue(p, field);
    if (value !== undefined) fields.push([field, value]);
  }
  if (p.authMethod === 'private_key_jwt' && p.clientAssertion) fields.push(['client_assertion_type', CLIENT_ASSERTION_TYPE], ['client_assertion', p.clientAssertion]);
  return fields;
}

function applyOverrides(fields: [string, string][], overrides: Partial<Record<string, string>> = {}): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of fields) {
    if (!Object.hasOwn(overrides, name)) out.push([name, value]);
    else if (overrides[name] !== undefined) out.push([name, overrides[name]]);
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value !== undefined && !fields.some(([n]) => n === name)) out.push([name, value]);
  }
  return out;
}

/** The body fields actually sent, in order (client credentials already moved to the header for Basic). */
export function tokenRequestFields(p: TokenRequestParams): { body: [string, string][]; authorization?: string } {
  const fields = applyOverrides(standardFields(p), p.overrides);
  if (p.authMethod !== 'client_secret_basic') return { body: fields };
  const id = fields.find(([n]) => n === 'client_id')?.[1];
  const secret = fields.find(([n]) => n === 'client_secret')?.[1] ?? '';
  const body = fields.filter(([n]) => n !== 'client_id' && n !== 'client_secret');
  return id === undefined ? { body } : { body, authorization: basicAuthorization(id, secret) };
}

function encodeBody(fields: [string, string][], encoding: TokenBodyEncoding): string {
  return encoding === 'json' ? JSON.stringify(Object.fromEntries(fields)) : new URLSearchParams(fields).toString();
}

function applyHeaderOverrides(headers: Record<string, string>, overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  const out = { ...headers };
  for (const [name, value] of Object.entries(overrides)) {
    for (const existing of Object.keys(out)) if (existing.toLowerCase() === name.toLowerCase()) delete out[existing];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The token request the host sends for this grant. */
export function buildTokenRequest(p: TokenRequestParams): OutboundRequest {
  const { body, authorization } = tokenRequestFields(p);
  const headers = applyHeaderOverrides(
    { 'Content-Type': CONTENT_TYPE[p.encoding], Accept: p.shape.acceptHeader, ...(authorization ? { Authorization: authorization } : {}) },
    p.headerOverrides,
  );
  return {
    method: 'POST',
    url: p.tokenUrl,
    headers,
    body: encodeBody(body, p.encoding),
    phase: p.grant === 'authorization_code' ? 'token' : 'refresh',
    label: p.label ?? (p.grant === 'authorization_code' ? 'exchange code' : 'refresh token'),
    timeoutMs: p.timeoutMs,
    maxBodyBytes: p.maxBodyBytes,
  };
}

/** Registers every secret the request carries (including probe overrides and the Basic credential) before it leaves. */
export function registerTokenRequestSecrets(recorder: Pick<Recorder, 'secrets'>, p: TokenRequestParams): void {
  registerSecret(recorder.secrets, p.clientSecret, 'client_secret');
  registerSecret(recorder.secrets, p.clientAssertion, 'client_secret');
  registerSecret(recorder.secrets, p.grant === 'authorization_code' ? p.code : p.refreshToken, p.grant === 'authorization_code' ? 'code' : 'refresh_token');
  const { body, authorization } = tokenRequestFields(p);
  for (const [name, value] of body) if (isSecretField(name)) registerSecret(recorder.secrets, value, secretKindOfField(name));
  for (const [name, value] of Object.entries(p.overrides ?? {})) if (isSecretField(name)) registerSecret(recorder.secrets, value, secretKindOfField(name));
  if (authorization) registerSecret(recorder.secrets, authorization.slice('Basic '.length), 'client_secret');
}

export async function sendTokenRequest(recorder: Recorder, p: TokenRequestParams): Promise<HttpOutcome> {
  registerTokenRequestSecrets(recorder, p);
  return recorder.send(buildTokenRequest(p));
}
