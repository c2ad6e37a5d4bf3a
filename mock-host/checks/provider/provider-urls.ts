/** Small URL helpers shared by provider detection and the provider checks; never throw on a bad URL. */

export function parseUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

export function hostIs(url: URL, ...hosts: string[]): boolean {
  return hosts.includes(url.hostname.toLowerCase());
}

/** The host is `domain` itself or one of its subdomains (`evil-okta.com` is not under `okta.com`). */
export function hostUnder(url: URL, ...domains: string[]): boolean {
  const host = url.hostname.toLowerCase();
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** Scope strings arrive space-, comma- or plus-separated depending on who wrote them; compare item by item. */
export function scopeItems(...scopes: (string | null | undefined)[]): Set<string> {
  const items = new Set<string>();
  for (const s of scopes) for (const item of (s ?? '').split(/[\s,+]+/)) if (item) items.add(item);
  return items;
}

/** Origin and path only: the query may carry values we should not repeat in a message. */
export function describeEndpoint(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
