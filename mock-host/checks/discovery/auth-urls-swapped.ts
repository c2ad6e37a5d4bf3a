import type { FindingDraft } from '../../findings/finding.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import { mediaTypeOf } from '../../discovery/manifest-schema.ts';
import { citeAll, type ExchangeRef } from './exchange-ref.ts';
import { clipText } from './show-value.ts';

/** A plain GET the host made to one of the two manifest OAuth URLs, to see what kind of endpoint answers. */
export interface UrlProbe {
  url: string;
  outcome: HttpOutcome;
  ref: ExchangeRef;
}

// Errors only a token endpoint gives (RFC 6749 §5.2); an authorization endpoint hit without parameters says
// invalid_request, which proves nothing either way.
const TOKEN_ONLY_ERRORS = new Set(['unsupported_grant_type', 'invalid_grant', 'invalid_client']);
const PASSWORD_INPUT = /<input\b[^>]*\btype\s*=\s*["']?password/i;
const LOGIN_FORM = /<form\b[\s\S]{0,4000}?\b(log\s?in|sign\s?in|signin|login|password|username)\b/i;
const LOGIN_PATH = /\/(login|log-in|signin|sign-in|sign_in|u\/login|authorize)\b/i;

function jsonError(body: string): { error: string; description?: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const { error, error_description: description } = parsed as Record<string, unknown>;
    if (typeof error !== 'string') return undefined;
    return typeof description === 'string' ? { error, description } : { error };
  } catch {
    return undefined;
  }
}

/** Why a GET to client_url (meant to be the browser page) looks like a token endpoint; undefined when it does not. */
function tokenEndpointSign(probe: UrlProbe): string | undefined {
  const res = probe.outcome.response;
  if (!res) return undefined;
  if (res.status === 405) return `GET ${clipText(probe.url)} answered 405 Method Not Allowed, as a POST-only token endpoint does`;
  if (!mediaTypeOf(res.headers['content-type']).includes('json') || res.status < 400) return undefined;
  const err = jsonError(res.body);
  if (!err) return undefined;
  const mentionsGrant = /grant_type/i.test(`${err.error} ${err.description ?? ''}`);
  if (!TOKEN_ONLY_ERRORS.has(err.error) && !mentionsGrant) return undefined;
  return `GET ${clipText(probe.url)} answered ${res.status} JSON {"error":"${clipText(err.error, 40)}"}, a token endpoint's answer`;
}

/** Why a GET to authorization_url (meant to be the token endpoint) looks like a login page; undefined when it does not. */
function loginPageSign(probe: UrlProbe): string | undefined {
  const res = probe.outcome.response;
  if (!res) return undefined;
  const location = res.headers.location;
  if (res.status >= 300 && res.status < 400 && location && LOGIN_PATH.test(location)) {
    return `GET ${clipText(probe.url)} redirected to ${clipText(location)}, a browser sign-in page`;
  }
  if (res.status !== 200 || mediaTypeOf(res.headers['content-type']) !== 'text/html') return undefined;
  if (PASSWORD_INPUT.test(res.body)) return `GET ${clipText(probe.url)} answered an HTML page with a password field`;
  if (LOGIN_FORM.test(res.body)) return `GET ${clipText(probe.url)} answered an HTML page with a login form`;
  return undefined;
}

/**
 * MANIFEST_AUTH_URLS_SWAPPED: in ai-plugin.json `client_url` is the browser authorization page and
 * `authorization_url` the token endpoint, the reverse of what the names suggest. Either probe showing the
 * other kind of endpoint is enough. Spec: OpenAI plugins, authentication (OAuth manifest fields).
 */
export function checkAuthUrlsNotSwapped(args: { clientUrl: UrlProbe; authorizationUrl: UrlProbe }): FindingDraft[] {
  const signs = [tokenEndpointSign(args.clientUrl), loginPageSign(args.authorizationUrl)];
  const refs = [args.clientUrl.ref, args.authorizationUrl.ref].filter((_, i) => signs[i] !== undefined);
  const seen = signs.filter((s): s is string => s !== undefined);
  if (seen.length === 0) return [];
  return [
    {
      code: 'MANIFEST_AUTH_URLS_SWAPPED',
      message: `auth.client_url and auth.authorization_url look swapped: ${seen.join('; ')}`,
      fix: `Swap the two values in ai-plugin.json: auth.client_url is the page users sign in on, auth.authorization_url the token endpoint the host POSTs the code to (now client_url=${clipText(args.clientUrl.url)}, authorization_url=${clipText(args.authorizationUrl.url)}).`,
      ...citeAll(refs),
      ...(refs.length === 1 && refs[0]?.curl ? { reproduce: refs[0].curl } : {}),
    },
  ];
}
