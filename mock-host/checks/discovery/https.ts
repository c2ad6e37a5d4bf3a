import type { FindingDraft } from '../../findings/finding.ts';
import { hostOf, isLoopbackHost } from '../../discovery/root-domain.ts';
import { cite, type ExchangeRef } from './exchange-ref.ts';
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
export function checkHttps(args: { urls: readonly NamedUrl[]; ref: ExchangeRef }): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  for (const { field, url } of args.urls) {
    if (!/^http:/i.test(url)) continue;
    const host = hostOf(url) ?? '';
    const loopback = isLoopbackHost(host);
    drafts.push({
      code: 'MANIFEST_NOT_HTTPS',
      message: loopback
        ? `${field} ${clipText(url)} is plain http on loopback host ${host}: accepted for local development only`
        : `${field} ${clipText(url)} is plain http on ${host}; the host only calls https:// URLs`,
      fix: loopback
        ? 'Fine for local runs; deploy behind https:// with a public certificate before installing in the real host.'
        : `Serve ${field} over https:// with a certificate from a public CA (TLS 1.2+ on port 443) and update the URL.`,
      ...(loopback ? { severity: 'info' as const } : {}),
      ...cite(args.ref),
    });
  }
  return drafts;
}
