import { randomBytes } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { readAuthorizeQuery, readPkce } from './authorize-request.ts';
import type { ClientRecord } from './clients.ts';
import { findClient } from './client-lookup.ts';
import type { ServerContext } from './context.ts';
import { sendHtml } from './html-response.ts';
import { currentSession } from './login-session.ts';
import { consentPage, errorPage, scriptRedirectPage } from './pages.ts';
import { isRegisteredRedirectUri, withQueryParameters, type RedirectMatching } from './redirect-uri.ts';
import { bodyText, parseForm } from './request-body.ts';
import { hasPath, sameResource } from './resource-indicator.ts';
import { DEFAULT_SCOPES, formatScope, isSubset, OFFLINE_ACCESS, parseScope, RESOURCE_SCOPES } from './scopes.ts';

const consentFormSchema = z.object({
  request_id: z.tuple([z.string().min(1)]),
  decision: z.tuple([z.enum(['allow', 'deny'])]),
});

const GRANTABLE_SCOPES: readonly string[] = [...RESOURCE_SCOPES, OFFLINE_ACCESS];

/** GET /authorize and POST /consent: the built-in AS's browser side. */
export function authorizeRoutes(ctx: ServerContext): Router {
  const { store, clock, has, urls, options } = ctx;
  const router = Router();

  /** RFC 9207 `iss` on every authorization response, success and error, unless a fault says otherwise. */
  const issParameter = (): string | undefined => {
    if (has('no-iss-parameter') || has('iss-missing')) return undefined;
    return has('iss-wrong') ? `${urls.issuer}/` : urls.issuer;
  };
  const redirectToClient = (res: Response, redirectUri: string, parameters: Record<string, string>, state: string | undefined) => {
    res.redirect(302, withQueryParameters(redirectUri, { ...parameters, state, iss: issParameter() }));
  };
  const matching: RedirectMatching = has('redirect-prefix-match') ? 'prefix' : has('loopback-port-exact') ? 'loopback-port-exact' : 'strict';

  router.get('/authorize', async (req, res) => {
    const { values, repeated, resources } = readAuthorizeQuery(req);
    // RFC 6749 §4.1.2.1: without a trustworthy client and redirect URI, tell the user and never redirect.
    if (values.client_id === undefined || repeated.includes('client_id')) {
      sendHtml(res, 400, errorPage('invalid_request', 'The client_id is missing or repeated.'));
      return;
    }
    const lookup = await findClient(ctx, values.client_id);
    if (!lookup.ok) {
      sendHtml(res, 400, errorPage('invalid_client', `This app cannot sign in here: ${lookup.reason}.`));
      return;
    }
    const client: ClientRecord = lookup.client;
    const redirectUri = values.redirect_uri;
    if (redirectUri === undefined || repeated.includes('redirect_uri') || !isRegisteredRedirectUri(redirectUri, client.redirectUris, matching)) {
      sendHtml(res, 400, errorPage('invalid_request', 'The redirect_uri is missing or is not registered for this client.'));
      return;
    }

    const state = values.state;
    const fail = (error: string, description: string) => redirectToClient(res, redirectUri, { error, error_description: description }, state);
    if (repeated.length > 0) return fail('invalid_request', `repeated parameter: ${repeated.join(', ')}`);
    if (values.response_type === undefined) return fail('invalid_request', 'response_type is required');
    if (values.response_type !== 'code') return fail('unsupported_response_type', 'only response_type=code is supported');
    if (!client.grantTypes.includes('authorization_code')) return fail('unauthorized_client', 'this client may not use the authorization code grant');
    // The fault: only the document's singular member counts, and this server pretends not to know private_key_jwt.
    if (has('cimd-singular-auth-method-only') && client.kind === 'metadata-document' && client.declaredAuthMethod === 'private_key_jwt') {
      return fail('unauthorized_client', 'token_endpoint_auth_method private_key_jwt is not supported');
    }

    const pkce = readPkce(values.code_challenge, values.code_challenge_method, {
      required: !has('pkce-not-enforced'),
      allowPlain: has('pkce-plain-accepted'),
    });
    if (!pkce.ok) return fail('invalid_request', pkce.description);

    for (const resource of resources) {
      if (has('resource-with-path-rejected') && hasPath(resource)) return fail('invalid_target', `unknown resource ${resource}`);
      if (!sameResource(resource, urls.mcp)) return fail('invalid_target', `resource must be ${urls.mcp}`);
    }

    const requested = parseScope(values.scope);
    if (requested.length === 0 && has('empty-scope-rejected')) return fail('invalid_scope', 'scope is required');
    if (!isSubset(requested, GRANTABLE_SCOPES)) return fail('invalid_scope', `unknown scope; supported: ${formatScope(GRANTABLE_SCOPES)}`);
    const scope = requested.length === 0 ? [...DEFAULT_SCOPES] : requested;

    const session = currentSession(req, store);
    const user = session === undefined ? undefined : store.findUser(session.userId);
    if (session === undefined || user === undefined) {
      res.redirect(302, `/login?return_to=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    const pending = store.savePending({
      sessionId: session.id,
      client,
      redirectUri,
      scope,
      state,
      pkce: pkce.pkce,
      expiresAtMs: clock.now() + options.authorizationCodeTtlSeconds * 1000,
    });
    sendHtml(res, 200, consentPage({ requestId: pending.id, clientName: client.displayName, username: user.username, redirectUri, scope }));
  });

  router.post('/consent', (req, res) => {
    const form = consentFormSchema.safeParse(parseForm(bodyText(req)));
    const session = currentSession(req, store);
    const pending = form.success ? store.takePending(form.data.request_id[0]) : undefined;
    // The request id doubles as the CSRF token: it only counts in the browser session it was shown to.
    if (!form.success || session === undefined || pending === undefined || pending.sessionId !== session.id) {
      sendHtml(res, 400, errorPage('invalid_request', 'This authorization request is unknown. Start again from the app.'));
      return;
    }
    if (pending.expiresAtMs <= clock.now()) {
      sendHtml(res, 400, errorPage('invalid_request', 'This authorization request expired. Start again from the app.'));
      return;
    }
    if (form.data.decision[0] === 'deny' && !has('consent-deny-ignored')) {
      redirectToClient(res, pending.redirectUri, { error: 'access_denied', error_description: 'The user denied access.' }, pending.state);
      return;
    }
    const code = store.saveCode({
      clientId: pending.client.clientId,
      redirectUri: pending.redirectUri,
      scope: pending.scope,
      userId: session.userId,
      pkce: pending.pkce,
      expiresAtMs: clock.now() + options.authorizationCodeTtlSeconds * 1000,
    });
    if (has('consent-script-redirect')) {
      const target = withQueryParameters(pending.redirectUri, { code: code.code, state: pending.state, iss: issParameter() });
      const nonce = randomBytes(16).toString('base64url');
      sendHtml(res, 200, scriptRedirectPage(target, nonce), nonce);
      return;
    }
    redirectToClient(res, pending.redirectUri, { code: code.code }, pending.state);
  });

  return router;
}
