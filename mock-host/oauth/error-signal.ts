/** How a 2xx body says it is really an error (RFC 6749 §5.2 wants 400/401 for that). */
export interface ErrorSignal {
  /** What gave it away, e.g. `error="bad_verification_code"`, `ok:false`. */
  indicators: string[];
  error?: string;
  description?: string;
}

const ERROR_WORDS = /\b(invalid|error|fail(ed|ure)?|expired|denied|unauthori[sz]ed|forbidden|not found|bad|incorrect)\b/i;
const clip = (s: string, n = 200): string => (s.length > n ? `${s.slice(0, n)}…` : s);

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Reads the error indicators real servers use: `error`, `ok:false` (Slack), `success:false`, `errors`, `status:"error"`, error-like `message`. */
export function findErrorSignal(fields: Readonly<Record<string, unknown>>): ErrorSignal | undefined {
  const indicators: string[] = [];
  let error: string | undefined;
  const rawError = fields.error;
  const errorText = str(rawError);
  if (errorText) {
    error = errorText;
    indicators.push(`error=${JSON.stringify(clip(errorText, 80))}`);
  } else if (rawError && typeof rawError === 'object') {
    const e = rawError as Record<string, unknown>;
    error = str(e.code) ?? str(e.type) ?? str(e.message) ?? 'error object';
    indicators.push(`error={${Object.keys(e).join(', ')}}`);
  }
  if (fields.ok === false || fields.ok === 'false') indicators.push('ok:false');
  if (fields.success === false || fields.success === 'false') indicators.push('success:false');
  if (Array.isArray(fields.errors) && fields.errors.length > 0) indicators.push(`errors[${fields.errors.length}]`);
  const status = str(fields.status);
  if (status && /^(error|fail(ed|ure)?)$/i.test(status)) indicators.push(`status=${JSON.stringify(status)}`);
  const message = str(fields.message) ?? str(fields.msg) ?? str(fields.detail) ?? str(fields.error_message);
  if (message && ERROR_WORDS.test(message)) indicators.push(`message=${JSON.stringify(clip(message, 80))}`);
  if (!indicators.length) return undefined;
  const description = str(fields.error_description) ?? message;
  return { indicators, ...(error ? { error } : {}), ...(description ? { description: clip(description) } : {}) };
}
