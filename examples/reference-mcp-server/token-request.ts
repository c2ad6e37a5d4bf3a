import type { Request } from 'express';
import { z } from 'zod';
import { FORM_TYPE, JSON_TYPE, bodyText, jsonOf, mediaTypeOf, parseForm } from './request-body.ts';

/** Reading a token or revocation request body into single-valued parameters plus RFC 8707's repeatable resource. */

const optional = z.string().optional();
export const tokenParametersSchema = z.object({
  grant_type: optional,
  code: optional,
  redirect_uri: optional,
  code_verifier: optional,
  refresh_token: optional,
  scope: optional,
  client_id: optional,
  client_secret: optional,
  client_assertion_type: optional,
  client_assertion: optional,
  token: optional,
  token_type_hint: optional,
});

export type TokenParameters = z.output<typeof tokenParametersSchema> & { readonly resources: readonly string[] };

export type TokenRequestBody =
  | { ok: true; encoding: 'form' | 'json'; parameters: TokenParameters }
  | { ok: false; encoding: 'form' | 'json' | 'other'; description: string };

const jsonBodySchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export function readTokenRequest(req: Request): TokenRequestBody {
  const mediaType = mediaTypeOf(req);
  if (mediaType === FORM_TYPE) {
    const form = parseForm(bodyText(req));
    const repeated = Object.entries(form).filter(([name, values]) => name !== 'resource' && values.length > 1);
    if (repeated.length > 0) return { ok: false, encoding: 'form', description: `repeated parameter: ${repeated.map(([name]) => name).join(', ')}` };
    const single = Object.fromEntries(Object.entries(form).flatMap(([name, values]) => (name === 'resource' ? [] : [[name, values[0]]])));
    return { ok: true, encoding: 'form', parameters: { ...tokenParametersSchema.parse(single), resources: form['resource'] ?? [] } };
  }
  if (mediaType === JSON_TYPE) {
    const json = jsonOf(req);
    const parsed = json.ok ? jsonBodySchema.safeParse(json.value) : undefined;
    if (parsed === undefined || !parsed.success) return { ok: false, encoding: 'json', description: 'the body must be a JSON object of strings' };
    const { resource, ...rest } = parsed.data;
    const single = Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const resources = resource === undefined ? [] : typeof resource === 'string' ? [resource] : resource;
    return { ok: true, encoding: 'json', parameters: { ...tokenParametersSchema.parse(single), resources } };
  }
  return { ok: false, encoding: 'other', description: `the body must be ${FORM_TYPE}` };
}
