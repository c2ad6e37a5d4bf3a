/**
 * Domain rules of the hosts (PROTOCOL.md §1 "Domain rules", §3 "Domain rule").
 *
 * Plugins: the root domain is the manifest host minus a leading `www.`; a URL is on it when its host is the root
 * or a subdomain of it. An IP address is its own root and has no subdomains, so `127.0.0.1` and `localhost` are
 * two different roots (the host resolves names, we compare them as written).
 *
 * GPT Actions: "must share a root domain" is judged on the registrable domain. We approximate it by the last two
 * labels, which is wrong for multi-label public suffixes (`example.co.uk` → `co.uk`): such hosts then compare
 * as more alike than they are, so the check can miss a mismatch there but never reports a false one between two
 * hosts that share their last two labels.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Lower-case host name without port or trailing dot; undefined for anything that is not an absolute URL. */
export function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  return host === '' ? undefined : host;
}

export function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[') || host.includes(':');
}

/** `localhost`, its subdomains, any 127/8 address and [::1]: where the host allowed plain http during development. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOOPBACK_HOSTS.has(h) || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The plugin root domain of a host: `www.example.com` → `example.com`; an IP address is its own root. */
export function rootDomainOfHost(host: string): string {
  const h = host.toLowerCase();
  if (isIpAddress(h)) return h;
  return h.startsWith('www.') && h.length > 4 ? h.slice(4) : h;
}

export function rootDomainOf(url: string): string | undefined {
  const host = hostOf(url);
  return host === undefined ? undefined : rootDomainOfHost(host);
}

export function isHostOnRootDomain(host: string, root: string): boolean {
  const h = host.toLowerCase();
  if (h === root) return true;
  if (isIpAddress(root) || isIpAddress(h)) return false;
  return h.endsWith(`.${root}`);
}

/** The URL's host is the root domain or one of its subdomains; a URL that does not parse is not. */
export function isOnRootDomain(url: string, root: string): boolean {
  const host = hostOf(url);
  return host !== undefined && isHostOnRootDomain(host, root);
}

/** Approximate registrable domain (last two labels; see the module comment). */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (isIpAddress(h)) return h;
  return h.split('.').slice(-2).join('.');
}

/** The host is one of the sign-in domains the GPT Actions rule exempts (or a subdomain of one). */
export function isExemptHost(host: string, exemptDomains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return exemptDomains.some((d) => h === d.toLowerCase() || h.endsWith(`.${d.toLowerCase()}`));
}
