import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { OpenApiSpec } from '../../plugin/openapi.ts';
import { hostOf, isOnRootDomain } from '../../plugin/root-domain.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { clipText } from './show-value.ts';

/**
 * OPENAPI_SERVER_MISMATCH: the host calls operations on servers[0].url, so it must be on the plugin's root domain.
 * A document without servers is called on the manifest origin and passes. Spec: OpenAI plugins, production (domain rules).
 */
export const checkOpenApiServer = defineCheck<{ spec: OpenApiSpec; rootDomain: string; ref: ExchangeRef }>({ id: 'openapi-server-on-root-domain', codes: ['OPENAPI_SERVER_MISMATCH'] }, (args) => {
  const { spec, rootDomain } = args;
  if (spec.declaredServerUrl === undefined || isOnRootDomain(spec.serverUrl, rootDomain)) return [];
  return [
    {
      code: 'OPENAPI_SERVER_MISMATCH',
      message: `servers[0].url ${clipText(spec.declaredServerUrl)} resolves to ${hostOf(spec.serverUrl) ?? clipText(spec.serverUrl)}, not on the root domain ${rootDomain}: every call would go there`,
      fix: `Set servers[0].url to your API on ${rootDomain} (e.g. https://${rootDomain}), or generate it from the request host instead of hard-coding a staging or localhost URL.`,
      ...cite(args.ref),
    },
  ];
});
