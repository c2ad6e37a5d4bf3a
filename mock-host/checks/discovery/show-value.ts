/**
 * How a value from the target appears in a finding message: short, quoted, never the whole thing. A hostile or
 * broken document must not turn a report line into megabytes.
 */
export const SHOWN_CHARS = 80;

export function clipText(text: string, max = SHOWN_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

export function showValue(value: unknown, max = SHOWN_CHARS): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(clipText(value, max));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** Characters as a reader counts them (code points), not UTF-16 units. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
