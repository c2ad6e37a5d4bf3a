import { z } from 'zod';
import { mediaTypeOf } from '../text/media-type.ts';

/**
 * ai-plugin.json as PROTOCOL.md §1 documents it. Unknown fields are allowed (hosts ignored them). Length limits
 * are deliberately absent: they are MANIFEST_LIMITS warnings whose numbers come from the host profile.
 */

// Only http(s): a file:, data: or javascript: URL in a manifest must never reach the fetcher or the browser.
// The pattern only tells JSON Schema consumers the same thing; zod checks the parsed protocol.
// The URL parser silently drops CR, LF and tabs, so a value carrying them is checked as written: whitespace or a
// control character in a manifest URL is at best a typo and at worst an attempt to smuggle a header line.
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'expected an absolute http:// or https:// URL' })
  .refine((v) => !/[\s\u0000-\u001f\u007f]/.test(v), { error: 'expected a URL without spaces or control characters (CR, LF, tab)' })
  .meta({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });

const TOKEN_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;

const authorizationType = z.enum(['bearer', 'basic'], { error: 'expected "bearer" or "basic"' });
const verificationTokens = z.record(z.string(), z.string()).meta({
  description: 'Tokens the host issued to prove domain control, by host name ("openai").',
});
const instructions = z.string().optional();

export const noneAuthSchema = z.looseObject({ type: z.literal('none'), instructions });
export const userHttpAuthSchema = z.looseObject({ type: z.literal('user_http'), authorization_type: authorizationType, instructions });
export const serviceHttpAuthSchema = z.looseObject({
  type: z.literal('service_http'),
  authorization_type: authorizationType,
  // Optional in the schema: a missing token is VERIFICATION_TOKEN_MISSING (a warning), not a schema error.
  verification_tokens: verificationTokens.optional(),
  instructions,
});
export const oauthAuthSchema = z.looseObject({
  type: z.literal('oauth'),
  client_url: httpUrl.meta({ description: 'The browser authorization page (despite the name).' }),
  authorization_url: httpUrl.meta({ description: 'The token endpoint (despite the name).' }),
  scope: z.string().optional(),
  authorization_content_type: z
    .string()
    .refine((v) => (TOKEN_CONTENT_TYPES as readonly string[]).includes(mediaTypeOf(v)), {
      error: `expected "${TOKEN_CONTENT_TYPES.join('" or "')}"`,
    })
    .meta({
      description: 'Content-Type the host uses when it POSTs to authorization_url.',
      // Lower-case only here (JSON Schema regexes have no case-insensitive flag); zod accepts any case.
      pattern: '^application/(json|x-www-form-urlencoded)\\s*(;.*)?$',
    }),
  verification_tokens: verificationTokens.optional(),
  instructions,
});

export const manifestAuthSchema = z.discriminatedUnion(
  'type',
  [noneAuthSchema, userHttpAuthSchema, serviceHttpAuthSchema, oauthAuthSchema],
  { error: 'expected auth.type "none", "user_http", "service_http" or "oauth"' },
);

export const manifestApiSchema = z.looseObject({
  type: z.literal('openapi'),
  url: httpUrl,
  is_user_authenticated: z.boolean().optional(),
  // Older examples (openai/chatgpt-retrieval-plugin) use this name instead.
  has_user_authentication: z.boolean().optional(),
});

export const manifestSchema = z
  .looseObject({
    schema_version: z.literal('v1', { error: 'expected "v1"' }),
    name_for_model: z.string().min(1),
    name_for_human: z.string().min(1),
    description_for_model: z.string(),
    description_for_human: z.string(),
    auth: manifestAuthSchema,
    api: manifestApiSchema,
    logo_url: httpUrl,
    contact_email: z.email({ error: 'expected an email address' }),
    legal_info_url: httpUrl,
  })
  .meta({
    title: 'ChatGPT plugin manifest (ai-plugin.json)',
    description: 'Served at /.well-known/ai-plugin.json. Field length limits are host-profile warnings and are not part of this schema.',
  });

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestAuth = z.infer<typeof manifestAuthSchema>;
export type ManifestApi = z.infer<typeof manifestApiSchema>;

/** The published JSON Schema of the manifest (ai-plugin.schema.json is this, written by write-schema.ts). */
export function manifestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(manifestSchema, { io: 'input' }) as Record<string, unknown>;
}
