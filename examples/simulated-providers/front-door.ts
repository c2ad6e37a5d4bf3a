import type { IncomingMessage, ServerResponse } from 'node:http';
import { isClientIdUrl, judgeClientIdDocument, type ClientIdDocumentMode } from './client-id-documents.ts';
import { wellKnownPath, type ProviderUrls } from './discovery.ts';
import type { PresetBehaviour } from './preset.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The code_verifier of each token request, kept from the mock: it forgets a code's challenge on the first attempt,
 * failed or not, so a refused exchange (a wrong secret) would spend the code. The preset checks PKCE instead.
 */
const codeVerifiers = new WeakMap<IncomingMessage, string>();

export function codeVerifierOf(req: IncomingMessage): string | undefined {
  return codeVerifiers.get(req);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The token request's fields, form or JSON, as the mock's own parsers would read them. */
function parseTokenBody(raw: string, contentType: string | undefined): Record<string, string> | undefined {
  if (/application\/json/i.test(contentType ?? '')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    } catch {
      return undefined;
    }
  }
  if (/application\/x-www-form-urlencoded/i.test(contentType ?? '')) return Object.fromEntries(new URLSearchParams(raw));
  return undefined;
}

function redirectWithError(res: ServerResponse, redirectUri: string, params: URLSearchParams, refused: { error: string; error_description: string }): void {
  const back = new URL(redirectUri);
  back.searchParams.set('error', refused.error);
  back.searchParams.set('error_description', refused.error_description);
  const state = params.get('state');
  if (state) back.searchParams.set('state', state);
  res.writeHead(302, { Location: back.toString() });
  res.end();
}

/** The provider's client ID metadata document support, and the public clients it has accepted that way. */
export interface ClientIdDocuments {
  mode: ClientIdDocumentMode;
  accepted: Set<string>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * What the provider decides before oauth2-mock-server sees a request: its own discovery document (the mock's
 * advertises what no real provider does), an authorization request it refuses for its `resource`, and a token
 * request it refuses for its parameters. The latter is read here, once: the mock's body parsers skip a body already
 * read and use `req.body` as set here.
 */
export function frontDoor(behaviour: PresetBehaviour, urls: () => ProviderUrls, paths: { authorize: string; token: string }, documents: ClientIdDocuments, next: Handler): Handler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://provider.invalid');
    if (req.method === 'GET' && url.pathname.startsWith('/.well-known/')) {
      const { document, forms } = behaviour.metadata(urls());
      const served = forms.some((form) => wellKnownPath(form) === url.pathname);
      if (served) return sendJson(res, 200, document, { 'Cache-Control': 'max-age=300' });
      if (url.pathname === '/.well-known/openid-configuration' || url.pathname.startsWith('/.well-known/oauth-authorization-server')) return sendJson(res, 404, { error: 'not_found' });
    }
    if (req.method === 'GET' && url.pathname === paths.authorize) {
      const refused = behaviour.screenAuthorization(url.searchParams);
      const redirectUri = url.searchParams.get('redirect_uri');
      if (refused && redirectUri) return redirectWithError(res, redirectUri, url.searchParams, refused);
      const clientId = url.searchParams.get('client_id') ?? '';
      if (documents.mode !== 'off' && isClientIdUrl(clientId)) {
        const advertised = behaviour.metadata(urls()).document.token_endpoint_auth_methods_supported;
        const supportedMethods = Array.isArray(advertised) ? advertised.filter((m): m is string => typeof m === 'string') : [];
        judgeClientIdDocument({ clientId, redirectUri, mode: documents.mode, supportedMethods }).then(
          (verdict) => {
            if (verdict.ok) {
              if (verdict.method === 'none') documents.accepted.add(clientId);
              return next(req, res);
            }
            const answer = { error: verdict.error, error_description: verdict.description };
            // Without a redirect_uri it can trust, the provider shows its error page.
            if (verdict.error === 'invalid_client' && redirectUri) return redirectWithError(res, redirectUri, url.searchParams, answer);
            return sendJson(res, 400, answer);
          },
          () => sendJson(res, 500, { error: 'server_error' }),
        );
        return;
      }
    }
    if (req.method === 'POST' && url.pathname === paths.token) {
      readBody(req).then(
        (raw) => {
          const fields = parseTokenBody(raw, req.headers['content-type']);
          if (fields) {
            const refused = behaviour.screenTokenRequest({ grantType: fields.grant_type ?? '', scope: fields.scope, resource: fields.resource });
            if (refused) return sendJson(res, refused.status, refused.body, { 'Cache-Control': 'no-store' });
          }
          const { code_verifier: verifier, ...forTheMock } = fields ?? {};
          if (verifier !== undefined) codeVerifiers.set(req, verifier);
          Object.assign(req, { body: forTheMock });
          next(req, res);
        },
        () => sendJson(res, 400, { error: 'invalid_request', error_description: 'unreadable request body' }),
      );
      return;
    }
    next(req, res);
  };
}
