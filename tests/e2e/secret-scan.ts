import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One spelling of a sentinel to look for, named so a hit says which secret leaked and how. */
export interface Needle {
  name: string;
  value: string;
}

export interface Hit {
  needle: string;
  where: string;
  /** A few characters around the hit, with the needle itself masked, to locate it without repeating it. */
  context: string;
}

const formEncode = (value: string): string => new URLSearchParams([['', value]]).toString().slice(1);
const base64 = (value: string): string => Buffer.from(value, 'utf8').toString('base64');

/**
 * The spellings a secret takes on the wire and in reports: raw, URL-encoded, form-encoded, JSON-escaped and
 * base64. Identical spellings are kept once.
 */
export function spellingsOf(name: string, value: string): Needle[] {
  const forms: [string, string][] = [
    ['raw', value],
    ['url-encoded', encodeURIComponent(value)],
    ['form-encoded', formEncode(value)],
    ['json-escaped', JSON.stringify(value).slice(1, -1)],
    ['base64', base64(value)],
  ];
  const seen = new Set<string>();
  return forms.filter(([, v]) => !seen.has(v) && seen.add(v)).map(([form, v]) => ({ name: `${name} (${form})`, value: v }));
}

/** HTTP Basic credentials as RFC 6749 §2.3.1 builds them (form-encoded, then base64) and as most clients do (raw). */
export function basicCredentialNeedles(clientId: string, clientSecret: string): Needle[] {
  return [
    { name: 'base64 of client_id:client_secret', value: base64(`${clientId}:${clientSecret}`) },
    { name: 'base64 of form-encoded client_id:client_secret', value: base64(`${formEncode(clientId)}:${formEncode(clientSecret)}`) },
  ];
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function findIn(text: Buffer, where: string, needles: readonly Needle[]): Hit[] {
  const hits: Hit[] = [];
  for (const needle of needles) {
    const at = text.indexOf(needle.value, 0, 'utf8');
    if (at < 0) continue;
    const around = text.subarray(Math.max(0, at - 60), at + Buffer.byteLength(needle.value) + 60).toString('utf8');
    hits.push({ needle: needle.name, where, context: around.split(needle.value).join('<SENTINEL>') });
  }
  return hits;
}

/** Every file under `dir`, byte for byte (binary files too: a PNG or zip may carry text). */
export function scanDirectory(dir: string, needles: readonly Needle[]): { files: number; hits: Hit[] } {
  const files = filesUnder(dir);
  return { files: files.length, hits: files.flatMap((file) => findIn(readFileSync(file), relative(dir, file), needles)) };
}

export function scanText(text: string, where: string, needles: readonly Needle[]): Hit[] {
  return findIn(Buffer.from(text, 'utf8'), where, needles);
}

// Distinctive values nothing else in a run contains. The characters that change under URL, form and JSON
// encoding (+ / : = & % ~) are there on purpose: each encoding is a separate chance to slip past redaction.
export const SENTINELS = {
  clientId: 'sentinel-client-id',
  clientSecret: 'SNTL.client-secret+/:=&%~c9',
  password: 'SNTL.password+/&=%~p7',
  verificationToken: 'SNTL.verification-token+/=~v3',
} as const;
// Codes, access tokens and refresh tokens are random; the reference plugin starts each with this.
export const CREDENTIAL_PREFIX = 'SNTLcred';

/** Every spelling of every sentinel, and the prefix of every credential the plugin issues. */
export const SENTINEL_NEEDLES: readonly Needle[] = [
  ...spellingsOf('client secret', SENTINELS.clientSecret),
  ...spellingsOf('login password', SENTINELS.password),
  ...spellingsOf('verification token', SENTINELS.verificationToken),
  ...basicCredentialNeedles(SENTINELS.clientId, SENTINELS.clientSecret),
  { name: 'an issued code, access token or refresh token', value: CREDENTIAL_PREFIX },
];
