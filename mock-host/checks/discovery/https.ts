import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import { hostOf, isLoopbackHost } from '../../plugin/root-domain.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { clipText } from './show-value.ts';

export interface NamedUrl {
  /** Where the URL comes from, as the developer knows it ("api.url", "auth.client_url", "manifest"). */
  field: string;
  url: string;
}

/**
 * MANIFEST_NOT_HTTPS: error for plain http on a public host; info on loopback, where the host allowed http for
 * local development (only without auth). Spec: OpenAI plugins, getting started (HTTPS except localhost).
 */
export const checkHttps = defineCheck<{ urls: readonly NamedUrl[]; ref: ExchangeRef }>({ id: 'urls-use-https', codes: ['MANIFEST_NOT_HTTPS'] }, (args) => {
  const plain = args.urls.filter(({ url }) => /^http:/i.test(url)).map((u) => ({ ...u, host: hostOf(u.url) ?? '' }));
  const local = plain.filter((u) => isLoopbackHost(u.host));
  // Each public http URL needs its own fix; the loopback ones are one note about local development.
  const drafts: FindingDraft[] = plain
    .filter((u) => !isLoopbackHost(u.host))
    .map(({ field, url, host }) => ({
      code: 'MANIFEST_NOT_HTTPS',
      message: `${field} ${clipText(url)} is plain http on ${host}; the host only calls https:// URLs`,
      fix: `Serve ${field} over https:// with a certificate from a public CA (TLS 1.2+ on port 443) and update the URL.`,
      ...cite(args.ref),
    }));
  if (local.length) {
    drafts.push({
      code: 'MANIFEST_NOT_HTTPS',
      severity: 'info',
      message: `plain http on loopback, accepted for local development only: ${local.map(({ field, url }) => `${field} ${clipText(url)}`).join(', ')}`,
      fix: 'Fine for local runs; deploy behind https:// with a public certificate before installing in the real host.',
      ...cite(args.ref),
    });
  }
  return drafts;
});
