import type { FindingCode } from '../../findings/catalog.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { TokenHttpFacts, TokenResponseFacts } from '../../oauth/token-facts.ts';

/** Every token finding points at its exchange and carries the request as a curl (secrets as $VARIABLES). */
export function tokenDraft(facts: TokenResponseFacts, code: FindingCode, message: string, fix: string): FindingDraft {
  return { code, message, fix, evidence: [facts.exchangeId], reproduce: facts.reproduce };
}

/** "HTTP 200 (application/json)", the way messages name an answer. */
export function describeAnswer(http: TokenHttpFacts): string {
  return `HTTP ${http.status} (${http.contentType ? `Content-Type ${http.contentType}` : 'no Content-Type'})`;
}

export function grantName(facts: TokenResponseFacts): string {
  return facts.grant === 'authorization_code' ? 'code exchange' : 'refresh';
}

/** A short, non-secret description of a JSON value: its type, or the value itself for numbers and short strings. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length <= 40 ? `the string ${JSON.stringify(value)}` : `a ${value.length}-character string`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Top-level field names (never values), for messages. */
export function listFields(fields: Readonly<Record<string, unknown>> | undefined): string {
  const names = Object.keys(fields ?? {});
  return names.length ? names.slice(0, 20).join(', ') + (names.length > 20 ? ', …' : '') : 'none';
}
