import { checkAuthUrlsNotSwapped } from '../../../checks/discovery/auth-urls-swapped.ts';
import { checkHttps, type NamedUrl } from '../../../checks/discovery/https.ts';
import { checkApiDomain } from '../../../checks/discovery/manifest-domains.ts';
import { checkManifestFields } from '../../../checks/discovery/manifest-fields.ts';
import { checkManifestLimits } from '../../../checks/discovery/manifest-limits.ts';
import { checkManifestContentType, checkManifestIsJson, checkManifestReachable } from '../../../checks/discovery/manifest-response.ts';
import { checkOpenApiLimits } from '../../../checks/discovery/openapi-limits.ts';
import { checkOperationSecurity } from '../../../checks/discovery/openapi-security.ts';
import { checkOpenApiServer } from '../../../checks/discovery/openapi-servers.ts';
import { checkVerificationTokenMatches, checkVerificationTokenPresent } from '../../../checks/discovery/verification-token.ts';
import { toAuthConfig } from '../../../plugin/auth-config.ts';
import type { DiscoveryStrategy } from '../../host-profile.ts';
import type { DiscoveryContext, DiscoveryResult } from './discovery-context.ts';
import { refOf, type ExchangeRef } from '../../../findings/evidence.ts';
import { fetchDocument } from './fetch-document.ts';
import { loadOpenApi } from './load-openapi.ts';
import { toApiOperations } from '../../../plugin/openapi.ts';
import { manifestApiSchema, manifestAuthSchema, type ManifestApi, type ManifestAuth } from '../../../plugin/manifest-schema.ts';
import { probeAuthUrls } from './probe-auth-urls.ts';
import { rootDomainOf } from '../../../plugin/root-domain.ts';
import { parseJsonText } from '../../../text/structured-text.ts';

export const MANIFEST_PATH = '/.well-known/ai-plugin.json';

interface ReadManifest {
  raw: unknown;
  ref: ExchangeRef;
}

/** Fetches the manifest and parses it as JSON; `fatal` when there is nothing to validate. */
async function readManifest(ctx: DiscoveryContext, manifestUrl: string, rootDomain: string): Promise<ReadManifest | { fatal: string }> {
  const { profile, findings } = ctx;
  const fetched = await fetchDocument(ctx.recorder, {
    url: manifestUrl,
    headers: { accept: 'application/json' },
    label: 'fetch manifest',
    root: rootDomain,
    maxRedirects: profile.limits.maxRedirects,
    timeoutMs: profile.timeouts.discoveryMs,
    maxBodyBytes: profile.limits.maxBodyBytes,
  });
  const ref = refOf(ctx.recorder, fetched.outcome.exchangeId);
  const unreachable = checkManifestReachable({ fetch: fetched, ref, timeoutMs: profile.timeouts.discoveryMs });
  findings.addAll(unreachable);
  if (unreachable.length > 0 || fetched.kind !== 'response') return { fatal: unreachable[0]?.message ?? 'the manifest cannot be fetched' };
  const { response } = fetched;
  findings.addAll(checkManifestContentType({ response, ref }));
  const parsed = parseJsonText(response.body);
  const notJson = checkManifestIsJson({ parsed, response, ref });
  findings.addAll(notJson);
  if (notJson.length > 0 || !parsed.ok) return { fatal: notJson[0]?.message ?? 'the manifest is not JSON' };
  return { raw: parsed.value, ref };
}

function fieldOf(raw: unknown, name: string): unknown {
  return raw && typeof raw === 'object' && Object.hasOwn(raw, name) ? (raw as Record<string, unknown>)[name] : undefined;
}

function urlsToCheck(manifestUrl: string, auth: ManifestAuth, api: ManifestApi): NamedUrl[] {
  const urls: NamedUrl[] = [
    { field: 'the manifest URL', url: manifestUrl },
    { field: 'api.url', url: api.url },
  ];
  if (auth.type === 'oauth') urls.push({ field: 'auth.client_url', url: auth.client_url }, { field: 'auth.authorization_url', url: auth.authorization_url });
  return urls;
}

/** Legacy plugin discovery: manifest, its checks, the OAuth URL probes, then the OpenAPI document. */
async function discoverPlugin(ctx: DiscoveryContext): Promise<DiscoveryResult> {
  const { origin } = ctx;
  const { profile, settings, findings } = ctx;
  const manifestUrl = `${origin}${MANIFEST_PATH}`;
  const rootDomain = rootDomainOf(manifestUrl) ?? '';
  const read = await readManifest(ctx, manifestUrl, rootDomain);
  if ('fatal' in read) return { fatal: read.fatal };
  const { raw, ref } = read;

  // Limits and schema first, on the raw value: a broken field must not hide the others.
  findings.addAll(checkManifestFields({ manifest: raw, ref }));
  findings.addAll(checkManifestLimits({ manifest: raw, limits: profile.limits, ref }));
  // The lifecycle needs only auth and api; with those intact it goes on, the schema findings still fail the run.
  const auth = manifestAuthSchema.safeParse(fieldOf(raw, 'auth'));
  const api = manifestApiSchema.safeParse(fieldOf(raw, 'api'));
  if (!auth.success || !api.success) {
    return { fatal: `the manifest has no usable ${[!auth.success && 'auth', !api.success && 'api'].filter(Boolean).join(' and ')} section` };
  }
  const authConfig = toAuthConfig(auth.data, profile);
  // The manifest is public, but reports treat the token like a credential (VERIFICATION_TOKEN_MISMATCH compares fingerprints).
  if ('verificationTokens' in authConfig) for (const token of Object.values(authConfig.verificationTokens)) ctx.recorder.secrets.add(token, 'verification_token');

  findings.addAll(checkApiDomain({ apiUrl: api.data.url, rootDomain, ref }));
  findings.addAll(checkHttps({ urls: urlsToCheck(manifestUrl, auth.data, api.data), ref }));
  findings.addAll(checkVerificationTokenPresent({ auth: auth.data, ref }));
  findings.addAll(checkVerificationTokenMatches({ auth: auth.data, expected: settings.verificationToken, ref }));
  if (auth.data.type === 'oauth') {
    const probes = await probeAuthUrls(ctx, { clientUrl: auth.data.client_url, authorizationUrl: auth.data.authorization_url });
    findings.addAll(checkAuthUrlsNotSwapped(probes));
  }

  const openapi = await loadOpenApi(ctx, api.data.url, origin);
  if (openapi.spec) {
    const spec = openapi.spec;
    findings.addAll(checkOpenApiLimits({ spec, limits: profile.limits, ref: openapi.ref }));
    findings.addAll(checkOpenApiServer({ spec, rootDomain, ref: openapi.ref }));
    findings.addAll(checkOperationSecurity({ spec, authType: authConfig.type, required: profile.requiresOperationSecurity, ref: openapi.ref }));
    if (spec.declaredServerUrl !== undefined) findings.addAll(checkHttps({ urls: [{ field: 'servers[0].url', url: spec.serverUrl }], ref: openapi.ref }));
  }
  const nameForHuman = fieldOf(raw, 'name_for_human');
  return {
    target: {
      origin,
      manifestUrl,
      openapiUrl: api.data.url,
      ...(typeof nameForHuman === 'string' ? { nameForHuman } : {}),
      auth: authConfig,
      operations: openapi.spec ? toApiOperations(openapi.spec) : [],
    },
  };
}

/** Legacy ChatGPT plugins: the manifest at /.well-known/ai-plugin.json, then the OpenAPI document it names. */
export const pluginManifestDiscovery: DiscoveryStrategy = { describes: 'plugin manifest and OpenAPI document', discover: discoverPlugin };
