import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import { mediaTypeOf } from '../../text/media-type.ts';
import { citeAll, type ExchangeRef } from '../../findings/evidence.ts';
import { clipText } from './show-value.ts';

/** A plain GET the host made to one of the two manifest OAuth URLs, to see what kind of endpoint answers. */
export interface UrlProbe {
  url: string;
  outcome: HttpOutcome;
  ref: ExchangeRef;
}

/**
 * What one probe suggests. `strong` signs prove it alone (a token endpoint never shows a login form, a browser
 * page never answers 405 to GET); `weak` ones only count when the other URL shows the mirror image, because a
 * JSON error or an HTML error page alone is common on both kinds of endpoint.
 */
interface Sign {
  strength: 'strong' | 'weak';
  text: string;
}

// Errors only a token endpoint gives (RFC 6749 §5.2); an authorization endpoint hit without parameters says
// invalid_request, which proves nothing either way.
const TOKEN_ONLY_ERRORS = new Set(['unsupported_grant_type', 'invalid_grant']);
const PASSWORD_INPUT = /<input\b[^>]{0,500}\btype\s*=\s*["']?password/i;
const LOGIN_FORM = /<form\b[\s\S]{0,4000}?\b(log\s?in|sign\s?in|signin|username)\b/i;
const LOGIN_PATH = /\/(login|log-in|signin|sign-in|sign_in)\b/i;
// A login form sits at the top of its page. The two patterns above scan up to 4,000 characters after every
// `<form`, so on a 2 MB page of them (a hostile answer) the whole body would cost seconds of blocked event loop.
const PAGE_SNIFF_CHARS = 65_536;

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

/** client_url should be the browser page; does it answer like a token endpoint? */
function tokenEndpointSign(probe: UrlProbe): Sign | undefined {
  const res = probe.outcome.response;
  if (!res) return undefined;
  const at = `GET ${clipText(probe.url)}`;
  if (res.status === 405) return { strength: 'strong', text: `${at} (client_url) answered 405 Method Not Allowed, as a POST-only token endpoint does` };
  if (res.status < 400 || !mediaTypeOf(res.headers['content-type']).includes('json')) return undefined;
  const err = jsonError(res.body);
  if (!err) return undefined;
  const tokenOnly = TOKEN_ONLY_ERRORS.has(err.error) || /grant_type/i.test(`${err.error} ${err.description ?? ''}`);
  return {
    strength: tokenOnly ? 'strong' : 'weak',
    text: `${at} (client_url) answered ${res.status} JSON {"error":"${clipText(err.error, 40)}"} instead of a page for the browser`,
  };
}

/** authorization_url should be the token endpoint; does it answer like a browser page? */
function browserPageSign(probe: UrlProbe): Sign | undefined {
  const res = probe.outcome.response;
  if (!res) return undefined;
  const at = `GET ${clipText(probe.url)}`;
  const location = res.headers.location;
  if (res.status >= 300 && res.status < 400 && location && LOGIN_PATH.test(location)) {
    return { strength: 'strong', text: `${at} (authorization_url) redirected to the sign-in page ${clipText(location)}` };
  }
  if (mediaTypeOf(res.headers['content-type']) !== 'text/html') return undefined;
  const page = res.body.slice(0, PAGE_SNIFF_CHARS);
  if (res.status === 200 && PASSWORD_INPUT.test(page)) return { strength: 'strong', text: `${at} (authorization_url) answered an HTML page with a password field` };
  if (res.status === 200 && LOGIN_FORM.test(page)) return { strength: 'strong', text: `${at} (authorization_url) answered an HTML login form` };
  return { strength: 'weak', text: `${at} (authorization_url) answered ${res.status} with an HTML page, as an authorization endpoint does` };
}

/**
 * MANIFEST_AUTH_URLS_SWAPPED: in ai-plugin.json `client_url` is the browser authorization page and
 * `authorization_url` the token endpoint, the reverse of what the names suggest.
 * Spec: OpenAI plugins, authentication (OAuth manifest fields).
 */
export const checkAuthUrlsNotSwapped = defineCheck<{ clientUrl: UrlProbe; authorizationUrl: UrlProbe }>({ id: 'manifest-auth-urls-in-order', codes: ['MANIFEST_AUTH_URLS_SWAPPED'] }, (args) => {
  const client = tokenEndpointSign(args.clientUrl);
  const authorization = browserPageSign(args.authorizationUrl);
  const strong = client?.strength === 'strong' || authorization?.strength === 'strong';
  if (!strong && !(client && authorization)) return [];
  const shown = [client, authorization].filter((s): s is Sign => s !== undefined);
  const refs = [client ? args.clientUrl.ref : undefined, authorization ? args.authorizationUrl.ref : undefined].filter(
    (r): r is ExchangeRef => r !== undefined,
  );
  const only = refs.length === 1 ? refs[0] : undefined;
  return [
    {
      code: 'MANIFEST_AUTH_URLS_SWAPPED',
      message: `auth.client_url and auth.authorization_url look swapped: ${shown.map((s) => s.text).join('; ')}`,
      fix: `Swap the two values in ai-plugin.json: auth.client_url is the page users sign in on, auth.authorization_url the token endpoint the host POSTs the code to (now client_url=${clipText(args.clientUrl.url)}, authorization_url=${clipText(args.authorizationUrl.url)}).`,
      ...citeAll(refs),
      ...(only?.curl ? { reproduce: only.curl } : {}),
    },
  ];
});
