import { createHash } from 'node:crypto';

/** What a secret is; names the $VARIABLE used for it in reproductions. */
export type SecretKind = 'client_secret' | 'password' | 'access_token' | 'refresh_token' | 'code' | 'code_verifier' | 'verification_token' | 'token';

const VARIABLE_FOR: Record<SecretKind, string> = {
  client_secret: '$PLUGIN_CLIENT_SECRET',
  password: '$PLUGIN_LOGIN_PASSWORD',
  access_token: '$ACCESS_TOKEN',
  refresh_token: '$REFRESH_TOKEN',
  code: '$AUTH_CODE',
  code_verifier: '$CODE_VERIFIER',
  verification_token: '$PLUGIN_VERIFICATION_TOKEN',
  token: '$TOKEN',
};

/** A short, stable stand-in for a secret: a hash prefix and the length, never the value. */
export function fingerprint(secret: string): string {
  const hash = createHash('sha256').update(secret).digest('hex').slice(0, 10);
  return `[redacted sha256:${hash} len=${secret.length}]`;
}

// Field names whose values are secret wherever they appear (JSON keys, form fields, query parameters).
const SECRET_FIELD = /(^|_|-)(access_?token|refresh_?token|id_?token|token|code|client_?secret|secret|password|passwd|code_?verifier|assertion)$/i;
const SECRET_FIELD_KIND: [RegExp, SecretKind][] = [
  [/refresh_?token/i, 'refresh_token'],
  [/access_?token|^token$/i, 'access_token'],
  [/client_?secret|^secret$/i, 'client_secret'],
  [/password|passwd/i, 'password'],
  [/^code$/i, 'code'],
  [/code_?verifier/i, 'code_verifier'],
];

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name) || /^(accessToken|refreshToken|idToken|clientSecret)$/.test(name);
}

export function secretKindOfField(name: string): SecretKind {
  return SECRET_FIELD_KIND.find(([re]) => re.test(name))?.[1] ?? 'token';
}

/** Header names whose values are secret. */
export function isSecretHeader(name: string): boolean {
  return /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$/i.test(name);
}

// Shorter values would replace ordinary words; real secrets are longer.
const MIN_SECRET_LENGTH = 6;

/**
 * Every secret the host has seen in this run. Redaction replaces each known value wherever it occurs, so a token
 * echoed in an error page, a URL or a non-standard field is caught even where no field name marks it.
 */
export class SecretRegistry {
  readonly #secrets = new Map<string, SecretKind>();
  readonly #probeValues = new Set<string>();

  /**
   * A value a probe made up to be wrong (a wrong client secret, a garbage token): no secret, so reproductions show
   * it as sent. Put in its field's $VARIABLE, the replay would send the correct secret and prove nothing.
   */
  addProbeValue(value: string): void {
    this.#probeValues.add(value);
    this.#secrets.delete(value);
    this.#secrets.delete(encodeURIComponent(value));
  }

  isProbeValue(value: string): boolean {
    return this.#probeValues.has(value);
  }

  add(value: string | undefined | null, kind: SecretKind): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || this.#probeValues.has(value)) return;
    if (!this.#secrets.has(value)) this.#secrets.set(value, kind);
    // Values also travel URL-encoded and base64-encoded (Basic auth), so register those forms too.
    const encoded = encodeURIComponent(value);
    if (encoded !== value && !this.#secrets.has(encoded)) this.#secrets.set(encoded, kind);
  }

  /** Longest first, so a secret containing another is replaced whole. */
  #ordered(): [string, SecretKind][] {
    return [...this.#secrets].sort((a, b) => b[0].length - a[0].length);
  }

  redact(text: string): string {
    let out = text;
    // Stryker disable next-line ConditionalExpression: equivalent, splitting and joining a text that does not contain the value leaves it as it is
    for (const [value] of this.#ordered()) if (out.includes(value)) out = out.split(value).join(fingerprint(value));
    return out;
  }

  /**
   * For reproductions: each known secret becomes the $VARIABLE a user would export. `bound`, when given, learns
   * which value each variable stood for (the self-test that replays reproductions; never written anywhere).
   */
  substituteVariables(text: string, bound?: Map<string, string>): string {
    let out = text;
    for (const [value, kind] of this.#ordered()) {
      if (!out.includes(value) || this.#probeValues.has(value)) continue;
      out = out.split(value).join(VARIABLE_FOR[kind]);
      bound?.set(VARIABLE_FOR[kind].slice(1), value);
    }
    return out;
  }

  variableFor(kind: SecretKind): string {
    return VARIABLE_FOR[kind];
  }

  values(): string[] {
    return [...this.#secrets.keys()];
  }
}
