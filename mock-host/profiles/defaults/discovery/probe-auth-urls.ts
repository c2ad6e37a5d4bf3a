import type { UrlProbe } from '../../../checks/discovery/auth-urls-swapped.ts';
import type { DiscoveryContext } from './discovery-context.ts';
import { refOf } from '../../../findings/evidence.ts';

// What a browser sends: the page kind is judged on the answer a browser would get.
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * One plain GET to each manifest OAuth URL, no parameters and no credentials, so that a swapped pair shows up
 * before the browser lands on a JSON error or the code is POSTed to a login page.
 */
export async function probeAuthUrls(
  ctx: DiscoveryContext,
  urls: { clientUrl: string; authorizationUrl: string },
): Promise<{ clientUrl: UrlProbe; authorizationUrl: UrlProbe }> {
  const probe = async (url: string, label: string): Promise<UrlProbe> => {
    const outcome = await ctx.recorder.send({
      method: 'GET',
      url,
      headers: { accept: BROWSER_ACCEPT },
      phase: 'discover',
      label,
      timeoutMs: ctx.profile.timeouts.discoveryMs,
      maxBodyBytes: ctx.profile.limits.maxBodyBytes,
      cacheable: true,
    });
    return { url, outcome, ref: refOf(ctx.recorder, outcome.exchangeId) };
  };
  const [clientUrl, authorizationUrl] = await Promise.all([
    probe(urls.clientUrl, 'probe client_url (should be the authorization page)'),
    probe(urls.authorizationUrl, 'probe authorization_url (should be the token endpoint)'),
  ]);
  return { clientUrl, authorizationUrl };
}
