import { type SecretRegistry, fingerprint, isSecretField, isSecretHeader, secretKindOfField } from './secrets.ts';

const MAX_DEPTH = 64;

/** Replaces the value of every secret-named field, at any depth, with its fingerprint and registers it. */
export function redactJsonValue(value: unknown, secrets: SecretRegistry, depth = 0): unknown {
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redactJsonValue(v, secrets, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // A numeric `code` is a JSON-RPC or HTTP error code (an MCP error body), never an authorization code.
      if (isSecretField(k) && (typeof v === 'string' || (typeof v === 'number' && k !== 'code'))) {
        secrets.add(String(v), secretKindOfField(k));
        out[k] = fingerprint(String(v));
      } else out[k] = redactJsonValue(v, secrets, depth + 1);
    }
    return out;
  }
  return value;
}

function redactForm(body: string, secrets: SecretRegistry): string {
  const params = new URLSearchParams(body);
  for (const [k, v] of params) if (isSecretField(k)) secrets.add(v, secretKindOfField(k));
  return secrets.redact(body);
}

/** Redacts a body of any content type: structure first (learns new secrets), then every known value. */
export function redactBody(body: string, contentType: string | undefined, secrets: SecretRegistry): string {
  const type = (contentType ?? '').toLowerCase();
  const trimmed = body.trimStart();
  if (type.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return secrets.redact(JSON.stringify(redactJsonValue(JSON.parse(body), secrets), null, 2));
    } catch {
      // not JSON after all: fall through to the textual redaction
    }
  }
  // "name=…" without whitespace. Written without a repeated group: `name=[^\s]*(&name=[^\s]*)*` matches the same
  // bodies but backtracks exponentially, and `a=&a=&…&a= x` (a hostile answer of 130 bytes) froze the host.
  if (type.includes('x-www-form-urlencoded') || type.includes('text/plain') || /^[\w.-]+=\S*$/.test(body.trim())) {
    return redactForm(body.trim(), secrets);
  }
  return secrets.redact(body);
}

export function redactUrl(raw: string, secrets: SecretRegistry): string {
  try {
    const url = new URL(raw);
    for (const [k, v] of url.searchParams) {
      if (isSecretField(k) || k === 'state') {
        if (k !== 'state') secrets.add(v, secretKindOfField(k));
      }
    }
    return secrets.redact(url.toString());
  } catch {
    return secrets.redact(raw);
  }
}

export function redactHeaders(headers: Record<string, string>, secrets: SecretRegistry): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (isSecretHeader(name)) {
      const [scheme, ...rest] = value.split(' ');
      const credential = rest.join(' ');
      if (credential) {
        secrets.add(credential, /^bearer$/i.test(scheme ?? '') ? 'access_token' : 'client_secret');
        out[name] = `${scheme} ${fingerprint(credential)}`;
      } else out[name] = fingerprint(value);
    } else out[name] = secrets.redact(value);
  }
  return out;
}
