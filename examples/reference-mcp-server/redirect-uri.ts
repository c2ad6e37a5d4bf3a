/**
 * Redirect URI rules (RFC 6749 §3.1.2, RFC 8252 §7.3, OAuth 2.1): exact string comparison, except that the port of
 * an http loopback redirect is ignored. Nothing is normalised first: dot segments, percent-encoding or default
 * ports would let through URIs that were never registered.
 */

export type RedirectMatching = 'strict' | 'loopback-port-exact' | 'prefix';

const LOOPBACK_URI = /^http:\/\/(127\.0\.0\.1|localhost)(?::\d{1,5})?(\/[^#]*)?$/;

function loopbackParts(uri: string): { host: string; rest: string } | undefined {
  const match = LOOPBACK_URI.exec(uri);
  if (match?.[1] === undefined) return undefined;
  return { host: match[1], rest: match[2] ?? '/' };
}

export function isRegisteredRedirectUri(candidate: string, registered: readonly string[], matching: RedirectMatching): boolean {
  if (registered.includes(candidate)) return true;
  // The fault: "starts with" instead of "equals", so …/auth_callback/../evil and extra queries get through.
  if (matching === 'prefix') return registered.some((uri) => candidate.startsWith(uri));
  if (matching === 'loopback-port-exact') return false;
  const asked = loopbackParts(candidate);
  if (asked === undefined) return false;
  return registered.some((uri) => {
    const known = loopbackParts(uri);
    return known !== undefined && known.host === asked.host && known.rest === asked.rest;
  });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** What DCR may register: https anywhere, http only on loopback, no fragment (RFC 6749 §3.1.2, RFC 8252 §8.3). */
export function isSafeRedirectUri(uri: string, allowInsecure: boolean): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (uri.includes('#')) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (allowInsecure || isLoopbackHost(url.hostname));
}

/**
 * Adds parameters to a redirect URI, keeping its own query as written (RFC 6749 §3.1.2). encodeURIComponent
 * (spaces as %20) decodes to the same string under form decoding and plain percent-decoding alike.
 */
export function withQueryParameters(redirectUri: string, parameters: Readonly<Record<string, string | undefined>>): string {
  const hashIndex = redirectUri.indexOf('#');
  const base = hashIndex === -1 ? redirectUri : redirectUri.slice(0, hashIndex);
  const query = Object.entries(parameters)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  if (query === '') return base;
  if (!base.includes('?')) return `${base}?${query}`;
  return base.endsWith('?') || base.endsWith('&') ? `${base}${query}` : `${base}&${query}`;
}
