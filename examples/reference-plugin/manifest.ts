import { Router } from 'express';
import type { PluginContext } from './context.ts';
import { oauthEndpoints } from './oauth-endpoints.ts';
import { otherLoopbackOrigin, requestOrigin } from './origin.ts';
import { textOfLength } from './text.ts';

const DESCRIPTION_FOR_HUMAN = 'Keep a simple todo list. Reference plugin for conformance tests.';
const DESCRIPTION_FOR_MODEL =
  "Manage the signed-in user's todo list: list todos, add a todo, delete a todo by id, and read the user's profile.";

/** The legacy ChatGPT plugin manifest (PROTOCOL.md §1), with the discovery faults applied. */
export function buildManifest(ctx: PluginContext, origin: string): Record<string, unknown> {
  const { options, has } = ctx;
  const { authorizeUrl: clientUrl, tokenUrl } = oauthEndpoints(ctx, origin);
  const auth: Record<string, unknown> = {
    type: 'oauth',
    client_url: has('manifest-swapped-auth-urls') ? tokenUrl : clientUrl,
    scope: options.scope,
    authorization_url: has('manifest-swapped-auth-urls') ? clientUrl : tokenUrl,
    authorization_content_type: options.contentType,
  };
  // A stale token: the one from before the client credentials were entered again in the host.
  const verificationToken = has('manifest-stale-verification-token') ? `stale-${options.verificationToken}` : options.verificationToken;
  if (!has('manifest-no-verification-token')) auth['verification_tokens'] = { openai: verificationToken };
  const overLimits = has('manifest-over-limits');
  const apiOrigin = has('manifest-api-other-domain') ? otherLoopbackOrigin(origin) : has('manifest-api-https-on-http-port') ? origin.replace(/^http:/, 'https:') : origin;

  const manifest: Record<string, unknown> = {
    schema_version: 'v1',
    name_for_human: overLimits ? 'Reference Todos Extended Suite' : 'Reference Todos',
    name_for_model: 'reference_todos',
    description_for_human: overLimits ? textOfLength(`${DESCRIPTION_FOR_HUMAN} `, 150) : DESCRIPTION_FOR_HUMAN,
    description_for_model: DESCRIPTION_FOR_MODEL,
    auth,
    api: { type: 'openapi', url: `${apiOrigin}/openapi.yaml`, is_user_authenticated: false },
    logo_url: `${origin}/logo.png`,
    contact_email: 'support@example.com',
    legal_info_url: `${origin}/legal`,
  };
  if (has('manifest-missing-fields')) {
    delete manifest['api'];
    delete manifest['name_for_model'];
  }
  return manifest;
}

export function manifestRoute(ctx: PluginContext): Router {
  const router = Router();
  router.get('/.well-known/ai-plugin.json', (req, res, next) => {
    // Falls through to the 404 handler, as a deployment that forgot /.well-known would.
    if (ctx.has('manifest-not-found')) return next();
    const json = JSON.stringify(buildManifest(ctx, requestOrigin(req)), null, 2);
    // Cutting the closing brace leaves a body no JSON (or YAML) parser accepts.
    const body = ctx.has('manifest-not-json') ? json.slice(0, -1) : json;
    res.type(ctx.has('manifest-text-plain') ? 'text/plain' : 'application/json').send(body);
  });
  return router;
}
