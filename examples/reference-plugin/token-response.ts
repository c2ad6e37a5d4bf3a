import type { Response } from 'express';
import type { PluginContext } from './context.ts';
import { formatScope } from './scope.ts';
import type { TokenError } from './token-errors.ts';
import type { IssuedTokens } from './token-issuer.ts';

/** Writes token endpoint answers: RFC 6749 §5.1/§5.2 by default, reshaped by the token-shape faults. */

type FieldValue = string | number | boolean | { [name: string]: FieldValue };
type Fields = Record<string, FieldValue>;

const CAMEL_CASE: Readonly<Record<string, string>> = {
  access_token: 'accessToken',
  token_type: 'tokenType',
  expires_in: 'expiresIn',
  refresh_token: 'refreshToken',
};

function preventCaching(res: Response): void {
  res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

function standardFields(ctx: PluginContext, tokens: IssuedTokens): Fields {
  const fields: Fields = ctx.has('no-access-token') ? {} : { access_token: tokens.accessToken };
  if (!ctx.has('no-token-type')) fields['token_type'] = ctx.has('token-type-mac') ? 'mac' : 'bearer';
  if (ctx.has('expires-in-string')) fields['expires_in'] = String(tokens.expiresInSeconds);
  else if (ctx.has('expires-instead-of-expires-in')) fields['expires'] = tokens.expiresInSeconds;
  else if (!ctx.has('no-expires-in')) fields['expires_in'] = tokens.expiresInSeconds;
  if (tokens.refreshToken !== undefined) fields['refresh_token'] = tokens.refreshToken;
  fields['scope'] = formatScope(tokens.scope);
  return fields;
}

function arrange(ctx: PluginContext, fields: Fields): Fields {
  if (ctx.has('camel-case-token-fields')) {
    return Object.fromEntries(Object.entries(fields).map(([name, value]) => [CAMEL_CASE[name] ?? name, value]));
  }
  if (ctx.has('nested-token-fields')) return { ok: true, authed_user: fields };
  if (ctx.has('wrapped-token-fields')) return { status: 0, data: fields };
  return fields;
}

function formEncode(fields: Fields): string {
  const entries = Object.entries(fields).map(([name, value]) => [
    name,
    typeof value === 'object' ? JSON.stringify(value) : String(value),
  ]);
  return new URLSearchParams(entries).toString();
}

export function sendTokens(ctx: PluginContext, res: Response, tokens: IssuedTokens): void {
  preventCaching(res);
  const body = arrange(ctx, standardFields(ctx, tokens));
  if (ctx.has('form-encoded-token-response')) {
    res.status(200).type('application/x-www-form-urlencoded').send(formEncode(body));
  } else if (ctx.has('text-plain-token-response')) {
    res.status(200).type('text/plain').send(formEncode(body));
  } else {
    res.status(200).json(body);
  }
}

export function sendTokenError(ctx: PluginContext, res: Response, { error, description }: TokenError): void {
  preventCaching(res);
  if (ctx.has('error-not-rfc6749')) {
    res.status(500).type('text/plain').send(`Token request failed: ${error} (${description})`);
    return;
  }
  if (error === 'invalid_client') {
    // RFC 6749 §5.2: 401 with a challenge naming the scheme the client can use.
    res.status(401).set('WWW-Authenticate', 'Basic realm="reference"');
  } else {
    res.status(400);
  }
  res.json({ error, error_description: description });
}

/** The `token-error-with-200` fault: the shape of an error, the status of a success. */
export function sendErrorAsSuccess(res: Response): void {
  preventCaching(res);
  res.status(200).json({ error: 'invalid_grant', error_description: 'The grant could not be processed.' });
}
