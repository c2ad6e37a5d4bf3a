import type { OutboundRequest } from './exchange.ts';
import { isSecretField, isSecretHeader, secretKindOfField, type SecretRegistry } from './secrets.ts';

// Double quotes so the shell expands the $VARIABLES; everything else that the shell would interpret is escaped.
const dq = (s: string): string => `"${s.replace(/[\\"`]/g, (c) => `\\${c}`)}"`;

// A browser hop has no timeout of its own; its replay gets the browser's usual navigation bound.
const DEFAULT_MAX_TIME_S = 30;

/** Which value each $VARIABLE of a reproduction stood for (name without the $). */
type Bindings = Map<string, string>;

function bind(bound: Bindings | undefined, variable: string, value: string): string {
  bound?.set(variable.slice(1), value);
  return variable;
}

/** Secret-named fields of a JSON or form body become $VARIABLES; a probe's made-up value and the rest stay as sent. */
function substituteBodyFields(body: string, secrets: SecretRegistry, bound?: Bindings): string {
  const secretValue = (name: string, value: string): boolean => isSecretField(name) && !secrets.isProbeValue(value);
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(parsed)) out[k] = typeof v === 'string' && secretValue(k, v) ? bind(bound, secrets.variableFor(secretKindOfField(k)), v) : v;
      return JSON.stringify(out);
    }
  } catch {
    // form-encoded: handled below
  }
  return body
    .split('&')
    .map((pair) => {
      const [k = '', ...rest] = pair.split('=');
      const name = safeDecode(k);
      const value = safeDecode(rest.join('='));
      return rest.length && secretValue(name, value) ? `${k}=${bind(bound, secrets.variableFor(secretKindOfField(name)), value)}` : pair;
    })
    .join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A credential header as shown: a probe's made-up credential as sent, a real one as its $VARIABLE. */
function shownCredential(value: string, secrets: SecretRegistry, bound?: Bindings): string {
  const [scheme = '', ...rest] = value.split(' ');
  const credential = rest.join(' ');
  if (/^bearer$/i.test(scheme)) return secrets.isProbeValue(credential) ? value : `${scheme} ${bind(bound, '$ACCESS_TOKEN', credential)}`;
  if (/^basic$/i.test(scheme)) {
    // RFC 6749 §2.3.1: client_id:client_secret, each form-encoded first.
    const secret = safeDecode(Buffer.from(credential, 'base64').toString('utf8').split(':').slice(1).join(':'));
    return secrets.isProbeValue(secret) ? value : `${scheme} ${bind(bound, '$BASIC_CREDENTIALS', credential)}`;
  }
  return bind(bound, '$SECRET', value);
}

function renderCurl(request: OutboundRequest, secrets: SecretRegistry, bound?: Bindings): string {
  const maxTime = request.timeoutMs > 0 ? Math.ceil(request.timeoutMs / 1000) : DEFAULT_MAX_TIME_S;
  const parts = ['curl', '-i', '--max-time', String(maxTime), '-X', request.method];
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    parts.push('-H', dq(`${name}: ${isSecretHeader(name) ? shownCredential(value, secrets, bound) : value}`));
  }
  if (request.body !== undefined) parts.push('--data-raw', dq(secrets.substituteVariables(substituteBodyFields(request.body, secrets, bound), bound)));
  parts.push(dq(secrets.substituteVariables(request.url, bound)));
  return parts.join(' ');
}

/**
 * A one-line reproduction of a request that a developer can paste after exporting the $VARIABLES: the request as
 * sent, each real secret as its $VARIABLE, a probe's own made-up values (a wrong secret, a garbage token) as sent,
 * and the host's own timeout as --max-time.
 */
export function toCurl(request: OutboundRequest, secrets: SecretRegistry): string {
  return renderCurl(request, secrets);
}

/**
 * The values a reproduction's $VARIABLES stood for when the request was sent. Only for the self-test that replays
 * reproductions with curl; never written to a report or a log.
 */
export function curlVariables(request: OutboundRequest, secrets: SecretRegistry): Record<string, string> {
  const bound: Bindings = new Map();
  renderCurl(request, secrets, bound);
  return Object.fromEntries(bound);
}
