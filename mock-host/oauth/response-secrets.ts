import { isSecretField, secretKindOfField, type SecretKind, type SecretRegistry } from '../recorder/secrets.ts';
import type { ResponseBody } from './response-body.ts';
import { registerSecret } from './secret-forms.ts';
import { roleOfKey, walkJson } from './token-locations.ts';

function kindOf(key: string): SecretKind | undefined {
  const role = roleOfKey(key);
  if (role === 'access_token') return 'access_token';
  if (role === 'refresh_token') return 'refresh_token';
  return isSecretField(key) ? secretKindOfField(key) : undefined;
}

function registerField(secrets: SecretRegistry, key: string, value: unknown): void {
  const kind = kindOf(key);
  if (kind && (typeof value === 'string' || typeof value === 'number')) registerSecret(secrets, String(value), kind);
}

// `name="value"`, `name: value`, `name=value` and `<name>value</name>`: how tokens show up in non-JSON answers.
// The value is a lookahead so it is not consumed: in `<body>access_token: …` the scan must still see the key.
// A key starts only where a word starts: without the lookbehind, a 2 MB run of letters (a hostile body) costs 63
// backtracking steps at every offset.
const TEXT_FIELD = /(?<![\w-])([A-Za-z_][\w-]{1,63})["']?\s*[:=>]\s*["']?(?=([^\s"'<>&,;]{6,}))/g;

/**
 * Registers every token value in a response, under whatever name and nesting, so it is redacted from evidence
 * even when the host itself cannot read it (camelCase, envelopes, form or XML bodies).
 */
export function registerResponseSecrets(secrets: SecretRegistry, body: ResponseBody, raw: string): void {
  if (body.kind === 'json') walkJson(body.value, (key, value) => registerField(secrets, key, value));
  else if (body.kind === 'form') for (const [key, value] of body.fields) registerField(secrets, key, value);
  else if (body.kind !== 'empty') for (const m of raw.matchAll(TEXT_FIELD)) registerField(secrets, m[1] ?? '', m[2]);
}
