import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Authorization } from './preset.ts';
import { codeVerifierOf } from './front-door.ts';
import type { TokenRequest } from './token-answer.ts';

/** Scopes arrive space-separated (RFC 6749 §3.3), comma-separated from Slack-style clients. */
function scopeList(raw: string | null): string[] {
  return [...new Set((raw ?? '').split(/[\s,]+/).filter(Boolean))];
}

/** The /authorize request behind a code, read from its query string; the grant store knows whether consent was shown. */
export function readAuthorization(req: IncomingMessage): Omit<Authorization, 'consentShown'> {
  const params = new URL(req.url ?? '/', 'http://provider.invalid').searchParams;
  return {
    clientId: params.get('client_id') ?? undefined,
    redirectUri: params.get('redirect_uri') ?? '',
    scope: scopeList(params.get('scope')),
    params,
  };
}

// oauth2-mock-server has parsed the body (JSON or form) and checked grant_type; everything else is unchecked.
const tokenBody = z.looseObject({
  grant_type: z.string(),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  refresh_token: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

/** RFC 6749 §2.3.1: id and secret are form-encoded, then joined by ":" and base64-encoded. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export function readTokenRequest(req: IncomingMessage & { body?: unknown }): TokenRequest {
  const parsed = tokenBody.safeParse(req.body);
  if (!parsed.success) return { grantType: '' };
  const b = parsed.data;
  const basic = basicCredentials(req.headers.authorization);
  const verifier = codeVerifierOf(req);
  const client = basic ?? (b.client_id !== undefined ? { id: b.client_id, secret: b.client_secret } : undefined);
  return {
    grantType: b.grant_type,
    ...(b.code !== undefined ? { code: b.code } : {}),
    ...(b.redirect_uri !== undefined ? { redirectUri: b.redirect_uri } : {}),
    ...(b.refresh_token !== undefined ? { refreshToken: b.refresh_token } : {}),
    ...(verifier !== undefined ? { codeVerifier: verifier } : {}),
    ...(client ? { client } : {}),
  };
}
