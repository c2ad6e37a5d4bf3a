import type { SecretKind, SecretRegistry } from '../recorder/secrets.ts';
import { formEncode } from './form-encoding.ts';

/**
 * Registers a secret with the spellings it takes on the wire: raw, form-encoded (differs from encodeURIComponent
 * for spaces and `!'()*`) and JSON-escaped, so redaction catches it in every body the host sends or receives.
 */
export function registerSecret(secrets: SecretRegistry, value: string | undefined, kind: SecretKind): void {
  if (!value) return;
  secrets.add(value, kind);
  secrets.add(formEncode(value), kind);
  secrets.add(JSON.stringify(value).slice(1, -1), kind);
}
