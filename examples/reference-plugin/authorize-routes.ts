import express, { Router, type Response } from 'express';
import { z } from 'zod';
import { readAuthorizeQuery, readPkce } from './authorize-request.ts';
import type { PluginContext } from './context.ts';
import { sendHtml } from './html-response.ts';
import { consentPage, errorPage } from './pages.ts';
import { isNavigableUrl, isRegisteredRedirectUri, withQueryParameters } from './redirect-uri.ts';
import { formatScope, isSubset, parseScope } from './scope.ts';
import { currentSession } from './session.ts';

const CODE_LIFETIME_MS = 10 * 60 * 1000;

const consentFormSchema = z.object({
  request_id: z.string().min(1),
  decision: z.enum(['allow', 'deny']),
});

/** GET /oauth/authorize and the consent form it shows. */
export function authorizeRoutes(ctx: PluginContext): Router {
  const { options, store, clock } = ctx;
  const router = Router();

  /** The state the callback carries, after the state faults had their say. */
  const returnedState = (state: string | undefined): string | undefined => {
    if (ctx.has('drop-state')) return undefined;
    if (ctx.has('alter-state') && state !== undefined) return `${state}-altered`;
    return state;
  };

  const redirectAllowed = (uri: string): boolean =>
    ctx.has('redirect-uri-not-validated')
      ? isNavigableUrl(uri)
      : isRegisteredRedirectUri(uri, options.redirectUris, options.allowLoopbackRedirectPort);

  const redirectToClient = (
    res: Response,
    redirectUri: string,
    parameters: Record<string, string>,
    state: string | undefined,
  ): void => {
    res.redirect(302, withQueryParameters(redirectUri, { ...parameters, state: returnedState(state) }));
  };

  router.get('/oauth/authorize', (req, res) => {
    if (ctx.has('authorize-unavailable')) {
      sendHtml(res, 503, errorPage('temporarily_unavailable', 'Sign-in is down for maintenance. Please try again later.'));
      return;
    }
    const { values, repeated } = readAuthorizeQuery(req);

    // RFC 6749 §4.1.2.1: without a trustworthy client and redirect URI, tell the user and never redirect.
    if (values.client_id === undefined || repeated.includes('client_id') || values.client_id !== options.clientId) {
      sendHtml(res, 400, errorPage('invalid_client', 'The client_id is missing or not registered with Reference Todos.'));
      return;
    }
    const redirectUri = values.redirect_uri;
    if (redirectUri === undefined || repeated.includes('redirect_uri') || !redirectAllowed(redirectUri)) {
      sendHtml(
        res,
        400,
        errorPage('redirect_uri_mismatch', 'The redirect_uri is missing or is not registered for this client.'),
      );
      return;
    }

    const state = values.state;
    const fail = (error: string, description: string) =>
      redirectToClient(res, redirectUri, { error, error_description: description }, state);
    if (repeated.length > 0) return fail('invalid_request', `repeated parameter: ${repeated.join(', ')}`);
    if (ctx.has('authorize-server-error')) return fail('server_error', 'the authorization server could not process the request');
    if (values.response_type === undefined) return fail('invalid_request', 'response_type is required');
    if (values.response_type !== 'code') {
      return fail('unsupported_response_type', 'only response_type=code is supported');
    }

    const allowedScope = parseScope(options.scope);
    const requestedScope = parseScope(values.scope);
    if (requestedScope.length === 0 && ctx.has('reject-empty-scope')) return fail('invalid_scope', 'scope is required');
    if (!isSubset(requestedScope, allowedScope)) {
      return fail('invalid_scope', `unknown scope; allowed: ${formatScope(allowedScope)}`);
    }
    const scope = requestedScope.length === 0 ? allowedScope : requestedScope;

    const pkce = readPkce(values.code_challenge, values.code_challenge_method, ctx.has('require-pkce'));
    if (!pkce.ok) return fail('invalid_request', pkce.description);

    const session = currentSession(req, store);
    const user = session === undefined ? undefined : store.findUserById(session.userId);
    if (session === undefined || user === undefined) {
      res.redirect(302, `/login?return_to=${encodeURIComponent(req.originalUrl)}`);
      return;
    }

    const pending = store.savePendingAuthorization({
      sessionId: session.id,
      clientId: values.client_id,
      redirectUri,
      scope,
      state,
      pkce: pkce.pkce,
      expiresAtMs: clock.now() + CODE_LIFETIME_MS,
    });
    const page = consentPage({
      requestId: pending.id,
      clientId: pending.clientId,
      username: user.username,
      redirectUri,
      scope,
    });
    sendHtml(res, 200, page);
  });

  router.post('/oauth/consent', express.urlencoded({ extended: false }), (req, res) => {
    const form = consentFormSchema.safeParse(req.body ?? {});
    const session = currentSession(req, store);
    const pending = form.success ? store.findPendingAuthorization(form.data.request_id) : undefined;
    // The request id doubles as the CSRF token: it only counts from the browser session it was shown to.
    if (!form.success || session === undefined || pending === undefined || pending.sessionId !== session.id) {
      sendHtml(res, 400, errorPage('invalid_request', 'This authorization request is unknown. Start again from the app.'));
      return;
    }
    store.deletePendingAuthorization(pending.id);
    if (pending.expiresAtMs <= clock.now()) {
      sendHtml(res, 400, errorPage('invalid_request', 'This authorization request expired. Start again from the app.'));
      return;
    }
    // The fault: the user's Deny is read as Allow.
    if (form.data.decision === 'deny' && !ctx.has('consent-deny-ignored')) {
      const denied = { error: 'access_denied', error_description: 'The user denied access.' };
      redirectToClient(res, pending.redirectUri, denied, pending.state);
      return;
    }
    const code = store.saveCode({
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      scope: pending.scope,
      userId: session.userId,
      pkce: pending.pkce,
      // A zero lifetime: what a misconfigured code TTL or a clock skew between instances amounts to.
      expiresAtMs: clock.now() + (ctx.has('codes-expire-at-once') ? 0 : CODE_LIFETIME_MS),
    }, ctx.has('one-code-per-user'));
    redirectToClient(res, pending.redirectUri, { code: code.code }, pending.state);
  });

  return router;
}
