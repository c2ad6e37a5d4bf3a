/**
 * Redirect URI rules (RFC 6749 §3.1.2, RFC 8252 §7.3). Comparison is on the raw strings: normalising first
 * (dot segments, percent-encoding, default ports) would accept URIs that were never registered.
 */

const LOOPBACK_URI = /^http:\/\/(?:127\.0\.0\.1|localhost)(?::\d{1,5})?(\/[^?#]*(?:\?[^#]*)?)$/;
const ORIGIN_PREFIX = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** Path and query of a URI, as written. */
function pathAndQuery(uri: string): string {
  const rest = uri.replace(ORIGIN_PREFIX, '');
  return rest.startsWith('/') ? rest : `/${rest}`;
}

export function isRegisteredRedirectUri(
  candidate: string,
  registered: readonly string[],
  allowLoopbackPort: boolean,
): boolean {
  if (registered.includes(candidate)) return true;
  if (!allowLoopbackPort) return false;
  const loopbackPath = LOOPBACK_URI.exec(candidate)?.[1];
  return loopbackPath !== undefined && registered.some((uri) => pathAndQuery(uri) === loopbackPath);
}

/** Only for the `redirect-uri-not-validated` fault: anything a browser can be sent to. */
export function isNavigableUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Adds parameters to a redirect URI, keeping its own query as written (RFC 6749 §3.1.2). encodeURIComponent
 * (spaces as %20, never +) decodes to the same string under both form decoding and plain percent-decoding,
 * so `state` comes back byte-exact whatever the client uses.
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
