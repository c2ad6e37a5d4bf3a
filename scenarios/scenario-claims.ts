import { z } from 'zod';
import type { RecordedExchange } from '../mock-host/recorder/exchange.ts';

/**
 * `expect.claims`: what a scenario's title states, counted from what the run recorded rather than timed. Each key
 * is one property; a claim that does not hold fails the simulated scenario, whatever its findings.
 */
export const claimsSchema = z
  .strictObject({
    'max-login-rounds': z.number().int().min(0).optional().describe('the login pressed a sign-in or allow button at most this many times'),
    truncated: z.literal(true).optional().describe('at least one answer was cut at the body cap'),
    'max-bytes-read': z.number().int().positive().optional().describe('no answer was read past this many bytes'),
    'never-fetched': z.array(z.string().min(1)).min(1).optional().describe('URL prefixes (e.g. "file:") no request ever reached: refused before any I/O, if tried at all'),
    'headers-never-sent': z
      .array(z.string().regex(/^[A-Za-z0-9-]+$/))
      .min(1)
      .optional()
      .describe('header names no request carried; and no request header value carried CR or LF'),
    'no-secret-in-report': z
      .literal(true)
      .optional()
      .describe("no secret the host learnt appears in the scenario's attachments or result, and the target did echo one (it was redacted)"),
  })
  .describe("properties the title claims, counted from the run's records");
export type Claims = z.infer<typeof claimsSchema>;

/** What a run recorded that claims are counted from. */
export interface ClaimEvidence {
  exchanges: readonly RecordedExchange[];
  loginRounds: number;
  /** Every text the scenario attached or reported (exchanges, notes, findings, the reason). */
  reported: readonly string[];
  /** The raw secrets the host learnt (never shown: a claim names only how many leaked). */
  secrets: readonly string[];
}

const REDACTED = /\[redacted sha256:[0-9a-f]{10} len=\d+\]/;

/** The claims that do not hold, each as a sentence; empty when all hold. Pure. */
export function brokenClaims(claims: Claims | undefined, e: ClaimEvidence): string[] {
  if (!claims) return [];
  const broken: string[] = [];
  const max = claims['max-login-rounds'];
  if (max !== undefined && e.loginRounds > max) broken.push(`the login pressed a button ${e.loginRounds} times (claimed at most ${max})`);
  const responses = e.exchanges.flatMap((x) => (x.response ? [{ id: x.id, ...x.response }] : []));
  if (claims.truncated && !responses.some((r) => r.truncated)) broken.push('no answer was cut at the body cap (claimed one was)');
  const cap = claims['max-bytes-read'];
  const over = cap === undefined ? [] : responses.filter((r) => r.bytes > cap);
  if (over.length) broken.push(`${over.map((r) => `${r.id} read ${r.bytes} bytes`).join(', ')} (claimed at most ${cap})`);
  for (const prefix of claims['never-fetched'] ?? []) {
    const reached = e.exchanges.filter((x) => x.request.url.toLowerCase().startsWith(prefix.toLowerCase()) && (x.response || (x.error && x.error.kind !== 'blocked-scheme' && x.error.kind !== 'invalid-url')));
    if (reached.length) broken.push(`a ${prefix} URL was fetched (${reached.map((x) => x.id).join(', ')}); claimed never`);
  }
  if (claims['headers-never-sent']) {
    const names = new Set(claims['headers-never-sent'].map((n) => n.toLowerCase()));
    for (const x of e.exchanges) {
      for (const [name, value] of Object.entries(x.request.headers)) {
        if (names.has(name.toLowerCase())) broken.push(`${x.id} sent a ${name} header (claimed never)`);
        if (/[\r\n]/.test(value)) broken.push(`${x.id} sent a ${name} header value with CR or LF`);
      }
    }
  }
  if (claims['no-secret-in-report']) {
    const leaked = e.secrets.filter((s) => e.reported.some((t) => t.includes(s)));
    if (leaked.length) broken.push(`${leaked.length} secret(s) the host learnt appear in the scenario's attachments or result`);
    // A positive control: the target echoed a secret into what was recorded, and it shows only redacted.
    if (!e.exchanges.some((x) => REDACTED.test(JSON.stringify(x.response ?? {})))) broken.push('no answer echoed a secret (nothing was redacted), so the claim proves nothing');
  }
  return broken;
}
