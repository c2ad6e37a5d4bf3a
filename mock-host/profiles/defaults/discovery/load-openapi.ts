import { checkOpenApiReachable, checkOpenApiValid } from '../../../checks/discovery/openapi-document.ts';
import type { DiscoveryContext } from './discovery-context.ts';
import { refOf, type ExchangeRef } from '../../../findings/evidence.ts';
import { fetchDocument } from './fetch-document.ts';
import { parseOpenApi, type OpenApiSpec } from '../../../plugin/openapi.ts';
import { rootDomainOf } from '../../../plugin/root-domain.ts';

const OPENAPI_ACCEPT = 'application/json, application/yaml, text/yaml;q=0.9, */*;q=0.5';

export interface LoadedOpenApi {
  /** Undefined when the document could not be fetched or read (the findings say why). */
  spec?: OpenApiSpec;
  /** The exchange that delivered (or failed to deliver) the document. */
  ref: ExchangeRef;
}

/** Fetches and reads the OpenAPI document, adding OPENAPI_UNREACHABLE / OPENAPI_INVALID findings. */
export async function loadOpenApi(ctx: DiscoveryContext, url: string, fallbackOrigin: string): Promise<LoadedOpenApi> {
  const { profile } = ctx;
  const fetched = await fetchDocument(ctx.recorder, {
    url,
    headers: { accept: OPENAPI_ACCEPT },
    label: 'fetch OpenAPI document',
    // The document's own root: a spec host may redirect within itself (the manifest's domain rule is checked separately).
    root: rootDomainOf(url) ?? '',
    maxRedirects: profile.limits.maxRedirects,
    timeoutMs: profile.timeouts.discoveryMs,
    maxBodyBytes: profile.limits.maxBodyBytes,
  });
  const ref = refOf(ctx.recorder, fetched.outcome.exchangeId);
  const unreachable = checkOpenApiReachable({ fetch: fetched, ref, timeoutMs: profile.timeouts.discoveryMs });
  ctx.findings.addAll(unreachable);
  if (unreachable.length > 0 || fetched.kind !== 'response') return { ref };
  const { response } = fetched;
  const result = parseOpenApi({
    text: response.body,
    contentType: response.headers['content-type'],
    documentUrl: fetched.url,
    fallbackOrigin,
    ...(response.truncated ? { truncatedAtBytes: profile.limits.maxBodyBytes } : {}),
  });
  ctx.findings.addAll(checkOpenApiValid({ result, url, ref }));
  return result.ok ? { spec: result.spec, ref } : { ref };
}
