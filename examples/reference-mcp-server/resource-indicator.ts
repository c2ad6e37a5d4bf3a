/**
 * RFC 8707 resource indicators compared the way the MCP spec asks clients to write them: scheme and host lower
 * case, no default port, no fragment, no trailing slash; the path is kept. Returns undefined for what is no
 * absolute http(s) URL or carries a fragment (RFC 8707 §2 forbids one).
 */
export function canonicalResource(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || value.includes('#')) return undefined;
  // WHATWG URL parsing already lower-cases scheme and host and drops the default port.
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}${url.search}`;
}

export function sameResource(candidate: string, expected: string): boolean {
  const canonical = canonicalResource(candidate);
  return canonical !== undefined && canonical === canonicalResource(expected);
}

/** True when the indicator names more than an origin: the Entra-style fault refuses exactly these. */
export function hasPath(value: string): boolean {
  try {
    return new URL(value).pathname.replace(/\/+$/, '') !== '';
  } catch {
    return false;
  }
}
