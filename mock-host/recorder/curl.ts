import type { OutboundRequest } from './exchange.ts';
import { isSecretField, isSecretHeader, secretKindOfField, type SecretRegistry } from './secrets.ts';

// Double quotes so the shell expands the $VARIABLES; everything else that the shell would interpret is escaped.
const dq = (s: string): string => `"${s.replace(/[\\"`]/g, (c) => `\\${c}`)}"`;

/** Secret-named fields of a JSON or form body become $VARIABLES; the rest stays as sent. */
function substituteBodyFields(body: string, secrets: SecretRegistry): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(parsed)) out[k] = isSecretField(k) && typeof v === 'string' ? secrets.variableFor(secretKindOfField(k)) : v;
      return JSON.stringify(out);
    }
  } catch {
    // form-encoded: handled below
  }
  return body
    .split('&')
    .map((pair) => {
      const [k = '', ...rest] = pair.split('=');
      return isSecretField(decodeURIComponent(k)) && rest.length ? `${k}=${secrets.variableFor(secretKindOfField(k))}` : pair;
    })
    .join('&');
}

/** A one-line reproduction of a request that a developer can paste after exporting the $VARIABLES. */
export function toCurl(request: OutboundRequest, secrets: SecretRegistry): string {
  const parts = ['curl', '-i', '-X', request.method];
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    let shown = value;
    if (isSecretHeader(name)) {
      const scheme = value.split(' ')[0] ?? '';
      shown = /^bearer$/i.test(scheme) ? `${scheme} $ACCESS_TOKEN` : /^basic$/i.test(scheme) ? `${scheme} $BASIC_CREDENTIALS` : '$SECRET';
    }
    parts.push('-H', dq(`${name}: ${shown}`));
  }
  if (request.body !== undefined) parts.push('--data-raw', dq(secrets.substituteVariables(substituteBodyFields(request.body, secrets))));
  parts.push(dq(secrets.substituteVariables(request.url)));
  return parts.join(' ');
}
