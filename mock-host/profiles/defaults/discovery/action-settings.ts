import { checkActionDomains } from '../../../checks/discovery/action-domains.ts';
import { checkHttps, type NamedUrl } from '../../../checks/discovery/https.ts';
import { checkOpenApiLimits } from '../../../checks/discovery/openapi-limits.ts';
import { checkOperationSecurity } from '../../../checks/discovery/openapi-security.ts';
import { checkOpenApiServer } from '../../../checks/discovery/openapi-servers.ts';
import type { AuthConfig } from '../../../model/target.ts';
import { tokenBodyEncoding } from '../../../plugin/auth-config.ts';
import type { DiscoveryStrategy } from '../../host-profile.ts';
import type { DiscoveryContext, DiscoveryResult } from './discovery-context.ts';
import { loadOpenApi } from './load-openapi.ts';
import { toApiOperations } from '../../../plugin/openapi.ts';
import { rootDomainOf } from '../../../plugin/root-domain.ts';

// Where the OpenAPI document is looked for when PLUGIN_OPENAPI_URL is not set (the bundled plugin serves it there).
const DEFAULT_OPENAPI_PATH = '/openapi.yaml';

/** The action's auth from the editor fields; `fatal` when only one of the two OAuth URLs is set. */
function actionAuth(ctx: DiscoveryContext): AuthConfig | { fatal: string } {
  const { authorizationUrl, tokenUrl, scope } = ctx.settings.action;
  if (!authorizationUrl && !tokenUrl) return { type: 'none' };
  if (!authorizationUrl || !tokenUrl) {
    return { fatal: `a GPT Action with OAuth needs both PLUGIN_AUTHORIZATION_URL and PLUGIN_TOKEN_URL; ${authorizationUrl ? 'PLUGIN_TOKEN_URL' : 'PLUGIN_AUTHORIZATION_URL'} is not set` };
  }
  return {
    type: 'oauth',
    authorizeUrl: authorizationUrl,
    tokenUrl,
    scope: scope ?? '',
    tokenBodyEncoding: tokenBodyEncoding(ctx.profile, undefined),
    verificationTokens: {},
  };
}

/**
 * GPT Action discovery: no manifest; the editor's fields (settings.action.*) and the OpenAPI document make the
 * target, checked with the OpenAPI rules and the Actions OAuth domain rule.
 */
async function discoverAction(ctx: DiscoveryContext): Promise<DiscoveryResult> {
  const { origin } = ctx;
  const { profile, findings } = ctx;
  const auth = actionAuth(ctx);
  if ('fatal' in auth) return { fatal: auth.fatal };
  const openapiUrl = ctx.settings.action.openapiUrl ?? `${origin}${DEFAULT_OPENAPI_PATH}`;
  const openapi = await loadOpenApi(ctx, openapiUrl, origin);
  const { ref } = openapi;
  const spec = openapi.spec;
  const apiUrl = spec?.serverUrl ?? origin;
  if (spec) {
    findings.addAll(checkOpenApiLimits({ spec, limits: profile.limits, ref }));
    findings.addAll(checkOpenApiServer({ spec, rootDomain: rootDomainOf(origin) ?? '', ref }));
    findings.addAll(checkOperationSecurity({ spec, authType: auth.type, required: profile.requiresOperationSecurity, ref }));
  }
  const urls: NamedUrl[] = [{ field: 'the OpenAPI URL', url: openapiUrl }];
  if (spec?.declaredServerUrl !== undefined) urls.push({ field: 'servers[0].url', url: spec.serverUrl });
  if (auth.type === 'oauth') {
    urls.push({ field: 'the Authorization URL', url: auth.authorizeUrl }, { field: 'the Token URL', url: auth.tokenUrl });
    // Not one request's fault: evidence is the document that names the API host, without a curl to replay.
    findings.addAll(checkActionDomains({ authorizeUrl: auth.authorizeUrl, tokenUrl: auth.tokenUrl, apiUrl, rule: profile.oauthDomainRule, ref: { id: ref.id } }));
  }
  findings.addAll(checkHttps({ urls, ref }));
  return {
    target: {
      origin,
      // An action has no manifest; the engine keys nothing on this for gpt-action.
      manifestUrl: '',
      openapiUrl,
      auth,
      operations: spec ? toApiOperations(spec) : [],
    },
  };
}

/** GPT Actions: the editor's settings and the OpenAPI document; there is no manifest. */
export const actionSettingsDiscovery: DiscoveryStrategy = {
  describes: 'GPT Action settings and the OpenAPI document',
  discover: discoverAction,
  // An action has no manifest: the OpenAPI URL defaults to <PLUGIN_URL>/openapi.yaml only for the bundled plugin.
  settingsIssues: ({ url, openapiUrl }) => (url && !openapiUrl ? [{ setting: 'PLUGIN_OPENAPI_URL', message: 'required' }] : []),
};
