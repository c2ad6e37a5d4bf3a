import { defineCheck } from '../../findings/check.ts';
import type { z } from 'zod';
import type { FindingDraft } from '../../findings/finding.ts';
import { manifestSchema } from '../../plugin/manifest-schema.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { capDrafts } from './cap-drafts.ts';
import { clipText, showValue } from './show-value.ts';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

const ARTICLE: Record<string, string> = { object: 'an object', array: 'a list', string: 'a string', boolean: 'true or false', number: 'a number' };

// Values under these keys are secrets of a kind; a schema message names their type, never their value.
const HIDDEN = /verification_tokens/;

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (!node || typeof node !== 'object' || typeof key === 'symbol' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function expectation(issue: Issue): string {
  // The schema's own messages already read "expected …".
  if (issue.message.startsWith('expected')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${ARTICLE[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_small':
      return 'expected a non-empty string';
    default:
      return issue.message;
  }
}

function fixFor(path: string): string {
  if (path === '(manifest)') return 'Serve a JSON object with the documented fields (see mock-host/plugin/ai-plugin.schema.json).';
  if (path === 'schema_version') return 'Set "schema_version": "v1".';
  if (path === 'auth' || path === 'auth.type') return 'Set auth.type to one of "none", "user_http", "service_http" or "oauth", with that type\'s fields.';
  if (/(_url|\.url)$/.test(path)) return `Set ${path} to an absolute https:// URL (file:, data: and javascript: URLs are refused).`;
  if (path === 'contact_email') return 'Set contact_email to a mailbox the host operator can write to, e.g. "support@example.com".';
  if (path === 'auth.authorization_content_type') return 'Set it to "application/x-www-form-urlencoded" (RFC 6749) or "application/json", whichever your token endpoint reads.';
  return `Fix ${path} as the manifest schema requires (see mock-host/plugin/ai-plugin.schema.json).`;
}

/**
 * Severity review (issue 10): a schema rule the host is known not to enforce. A legal_info_url that is a string but
 * no http(s) URL (an email address) was installed in ChatGPT by its author; the host only shows the link.
 */
function acceptedByHost(path: string, value: unknown): boolean {
  return path === 'legal_info_url' && typeof value === 'string' && value.trim() !== '';
}

/**
 * MANIFEST_INVALID: one draft per failing field path, saying what was expected and what was given.
 * Spec: OpenAI plugins, getting started (manifest fields) and authentication (ManifestAuth).
 */
export const checkManifestFields = defineCheck<{ manifest: unknown; ref: ExchangeRef }>({ id: 'manifest-follows-schema', codes: ['MANIFEST_INVALID'] }, (args) => {
  const result = manifestSchema.safeParse(args.manifest);
  if (result.success) return [];
  const byPath = new Map<string, Issue[]>();
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || '(manifest)';
    byPath.set(key, [...(byPath.get(key) ?? []), issue]);
  }
  const drafts = [...byPath].map(([fullPath, issues]) => {
    // Record keys come from the document: clipped like any other value from it.
    const path = clipText(fullPath, 120);
    const value = valueAt(args.manifest, issues[0]?.path ?? []);
    const expected = [...new Set(issues.map(expectation))].join('; ');
    const given = HIDDEN.test(path) ? `${typeof value} (value hidden)` : showValue(value);
    const message = value === undefined ? `${path}: missing; ${expected}` : `${path}: ${expected}, got ${given}`;
    if (acceptedByHost(path, value)) {
      return {
        code: 'MANIFEST_INVALID',
        severity: 'warning',
        message: `${message}. ChatGPT installs a plugin with this (its author did, with an email address here), so it is a warning: only the legal link users are shown is broken`,
        fix: 'Set legal_info_url to the https:// URL of your terms or privacy page (a mailto: address belongs in contact_email).',
        ...cite(args.ref),
      } satisfies FindingDraft;
    }
    return { code: 'MANIFEST_INVALID', message, fix: fixFor(path), ...cite(args.ref) } satisfies FindingDraft;
  });
  return capDrafts(drafts, 'schema problems');
});
