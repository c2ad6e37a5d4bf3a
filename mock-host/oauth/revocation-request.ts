import type { TokenAuthMethod } from '../profiles/host-profile.ts';
import type { OutboundRequest } from '../recorder/exchange.ts';
import type { Recorder } from '../recorder/recorder.ts';
import { basicAuthorization } from './client-auth.ts';
import { registerSecret } from './secret-forms.ts';
import { CLIENT_ASSERTION_TYPE } from './token-request.ts';

export interface RevocationParams {
  endpoint: string;
  token: string;
  hint: 'refresh_token' | 'access_token';
  clientId: string;
  clientSecret?: string;
  /** The client authentication the host uses at the token endpoint: RFC 7009 §2.1 asks for the same at revocation. */
  authMethod: TokenAuthMethod;
  clientAssertion?: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

/** RFC 7009 §2.1: a form-encoded POST of the token and its type hint, with the client's authentication. */
export function buildRevocationRequest(p: RevocationParams): OutboundRequest {
  const fields: [string, string][] = [['token', p.token], ['token_type_hint', p.hint]];
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
  if (p.authMethod === 'client_secret_basic') headers.Authorization = basicAuthorization(p.clientId, p.clientSecret ?? '');
  else fields.push(['client_id', p.clientId]);
  if (p.authMethod === 'client_secret_post' && p.clientSecret !== undefined) fields.push(['client_secret', p.clientSecret]);
  if (p.authMethod === 'private_key_jwt' && p.clientAssertion) fields.push(['client_assertion_type', CLIENT_ASSERTION_TYPE], ['client_assertion', p.clientAssertion]);
  return {
    method: 'POST',
    url: p.endpoint,
    headers,
    body: new URLSearchParams(fields).toString(),
    phase: 'token',
    label: `revoke ${p.hint}`,
    timeoutMs: p.timeoutMs,
    maxBodyBytes: p.maxBodyBytes,
  };
}

/** Registers the request's secrets in every spelling before it leaves, as token requests do. */
export function registerRevocationSecrets(recorder: Pick<Recorder, 'secrets'>, p: RevocationParams): void {
  registerSecret(recorder.secrets, p.token, p.hint);
  registerSecret(recorder.secrets, p.clientSecret, 'client_secret');
  registerSecret(recorder.secrets, p.clientAssertion, 'client_secret');
  const authorization = buildRevocationRequest(p).headers?.Authorization;
  if (authorization) registerSecret(recorder.secrets, authorization.slice('Basic '.length), 'client_secret');
}
