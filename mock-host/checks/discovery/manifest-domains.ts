import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import { hostOf, isOnRootDomain } from '../../plugin/root-domain.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { clipText } from './show-value.ts';

/** MANIFEST_API_DOMAIN. Spec: OpenAI plugins, production ("api.url must be on the root domain or a subdomain"). */
export const checkApiDomain = defineCheck<{ apiUrl: string; rootDomain: string; ref: ExchangeRef }>({ id: 'manifest-api-on-root-domain', codes: ['MANIFEST_API_DOMAIN'] }, (args) => {
  if (isOnRootDomain(args.apiUrl, args.rootDomain)) return [];
  return [
    {
      code: 'MANIFEST_API_DOMAIN',
      message: `api.url ${clipText(args.apiUrl)} is on ${hostOf(args.apiUrl) ?? 'no host'}, not on the manifest root domain ${args.rootDomain} or a subdomain of it`,
      fix: `Serve the OpenAPI document from ${args.rootDomain} (or a subdomain such as api.${args.rootDomain}) and point api.url there.`,
      ...cite(args.ref),
    },
  ];
});
