import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Behaviour, CredentialBook, RequestContext, Route } from './behaviour.ts';
import { baselineManifest, baselineOpenApi, baselineTokens, PATHS } from './documents.ts';
import { redirect, sendHtml, sendJson } from './raw-answers.ts';

// Requests the host sends are tiny; anything bigger is not ours to read.
const MAX_REQUEST_BODY = 64 * 1024;

const ROUTE_OF_PATH: Readonly<Record<string, Route>> = {
  [PATHS.manifest]: 'manifest',
  [PATHS.openapi]: 'openapi',
  [PATHS.authorize]: 'authorize',
  [PATHS.login]: 'login',
  [PATHS.token]: 'token',
  [PATHS.api]: 'api',
};

function otherLoopbackOrigin(origin: string): string {
  const url = new URL(origin);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}

/** Reads (and drops) the request body, so an answer never races a client still sending. */
function drainBody(req: IncomingMessage, then: () => void): void {
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_REQUEST_BODY) req.destroy();
  });
  req.on('end', then);
}

/** What the well-behaved plugin answers on a route; a behaviour's answer replaces it on the host's real flow. */
function baselineAnswer(route: Route, behaviour: Behaviour, req: IncomingMessage, res: ServerResponse, ctx: RequestContext): void {
  switch (route) {
    case 'manifest': {
      const manifest = baselineManifest(ctx.origin);
      return sendJson(res, 200, behaviour.manifest ? behaviour.manifest(manifest, ctx) : manifest);
    }
    case 'openapi': {
      const document = baselineOpenApi(ctx.origin);
      return sendJson(res, 200, behaviour.openapi ? behaviour.openapi(document, ctx) : document);
    }
    case 'authorize': {
      const target = new URL(ctx.url.searchParams.get('redirect_uri') ?? '');
      target.searchParams.set('code', ctx.credentials.code());
      target.searchParams.set('state', ctx.url.searchParams.get('state') ?? '');
      return redirect(res, target.toString());
    }
    case 'authorizeProbe':
      return sendHtml(res, 400, '<!doctype html><title>Bad request</title><p>redirect_uri is missing.</p>');
    case 'tokenProbe':
      return sendJson(res, 405, { error: 'invalid_request', error_description: 'POST only' }, { allow: 'POST' });
    case 'login':
      return sendJson(res, 404, { error: 'not_found' });
    case 'token': {
      const { accessToken, refreshToken } = ctx.credentials.tokens();
      return sendJson(res, 200, baselineTokens(accessToken, refreshToken));
    }
    case 'api':
      if (ctx.credentials.accepts(req.headers.authorization)) return sendJson(res, 200, { items: [] });
      return sendJson(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer realm="hostile", error="invalid_token"' });
  }
}

/** Discovery's plain probes of the OAuth URLs are routes of their own, so a behaviour aimed at the host's real flow spares them. */
function probeRoute(route: Route, req: IncomingMessage, url: URL): Route {
  if (route === 'authorize' && !url.searchParams.has('redirect_uri')) return 'authorizeProbe';
  if (route === 'token' && req.method !== 'POST') return 'tokenProbe';
  return route;
}

export function hostileHandler(behaviour: Behaviour, scheme: 'http' | 'https', credentials: CredentialBook): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const origin = `${scheme}://${req.headers.host ?? '127.0.0.1'}`;
    const url = new URL(req.url ?? '/', origin);
    const path = ROUTE_OF_PATH[url.pathname];
    if (!path) {
      if (url.pathname === PATHS.logo) return sendJson(res, 404, { error: 'no logo' });
      if (url.pathname === PATHS.legal) return sendHtml(res, 200, '<!doctype html><title>Legal</title><p>Terms.</p>');
      if (url.pathname === '/') return redirect(res, PATHS.manifest);
      return sendJson(res, 404, { error: 'not_found' });
    }
    const route = probeRoute(path, req, url);
    const ctx: RequestContext = { origin, otherOrigin: otherLoopbackOrigin(origin), url, credentials };
    const answer = behaviour.answers?.[route];
    drainBody(req, () => (answer ? answer(req, res, ctx) : baselineAnswer(route, behaviour, req, res, ctx)));
  };
}
