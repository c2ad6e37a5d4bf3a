import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { FetchResult } from '../../profiles/defaults/discovery/fetch-document.ts';
import type { OpenApiResult } from '../../plugin/openapi.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { describeFetchFailure } from './fetch-failure.ts';
import { clipText } from './show-value.ts';

/** OPENAPI_UNREACHABLE. Spec: OpenAI plugins, production (the spec is fetched, 15 s limit). */
export const checkOpenApiReachable = defineCheck<{ fetch: FetchResult; ref: ExchangeRef; timeoutMs: number }>({ id: 'openapi-reachable', codes: ['OPENAPI_UNREACHABLE'] }, (args) => {
  const failure = describeFetchFailure(args.fetch, args.timeoutMs);
  if (!failure) return [];
  return [{ code: 'OPENAPI_UNREACHABLE', message: `The OpenAPI document cannot be fetched: ${failure.reason}`, fix: failure.fix, ...cite(args.ref) }];
});

/** OPENAPI_INVALID: not JSON/YAML, not OpenAPI 3.x, or no operations. Spec: OpenAPI Specification 3.x. */
export const checkOpenApiValid = defineCheck<{ result: OpenApiResult; url: string; ref: ExchangeRef }>({ id: 'openapi-valid', codes: ['OPENAPI_INVALID'] }, (args) => {
  if (args.result.ok) return [];
  return [
    {
      code: 'OPENAPI_INVALID',
      message: `The OpenAPI document at ${clipText(args.url)} is unusable: ${args.result.reason}`,
      fix: 'Serve a valid OpenAPI 3.0/3.1 document (JSON or YAML) with at least one operation; check it with an OpenAPI validator such as `npx @redocly/cli lint`.',
      ...cite(args.ref),
    },
  ];
});
